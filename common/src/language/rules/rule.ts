// What every rule gets and returns. A rule reads the parsed document (for exact ranges and
// edits) and the resolved settings (typed values with ZenML's defaults), and reports findings.
import type { DeployerFile } from '../../domain/settingsModel';
import type { SchemaError } from '../../domain/schemaValidator';
import type { NodeRef, PathSegment, SettingsTree } from '../settingsTree';
import { defaultSeverity, type RuleCode } from '../ruleCodes';
import type { Finding, Fix, Range, Severity } from '../types';

/** A finding as a rule reports it: the severity defaults to the code's registered one. */
export interface Report {
  code: RuleCode;
  range: Range;
  message: string;
  severity?: Severity;
  /** Built only when asked for (the CLI, code actions), not for every diagnostics pass. */
  fixes?: () => (Fix | undefined)[];
  tags?: Finding['tags'];
  related?: Finding['related'];
}

export interface RuleContext {
  doc: SettingsTree;
  settings: DeployerFile;
  /** The document as plain data (`doc.value`, computed once). */
  json: unknown;
  /** Path of the deployer block this document uses (`settings.deployer` or `settings.deployer.aws`). */
  deployerPath: readonly PathSegment[];
  report(finding: Report): void;
}

export interface Rule {
  /** The rule family, e.g. `resources`; for tests and error reports. */
  readonly name: string;
  /**
   * Schema problems this rule reports itself, with a better message, range or fix (e.g. memory
   * spellings); they are dropped from the generic schema findings.
   */
  claims?(error: SchemaError, ctx: RuleContext): boolean;
  check(ctx: RuleContext): void;
}

/** Turns a report into a finding: default severity, fixes (when wanted) that could be built. */
export function toFinding(report: Report, withFixes: boolean): Finding {
  const fixes = withFixes && report.fixes ? report.fixes() : [];
  const finding: Finding = {
    range: report.range,
    severity: report.severity ?? defaultSeverity(report.code),
    code: report.code,
    message: report.message,
    fixes: fixes.filter((fix): fix is Fix => fix !== undefined && fix.edits.length > 0),
  };
  if (report.tags?.length) finding.tags = report.tags;
  if (report.related?.length) finding.related = report.related;
  return finding;
}

/** A fix from edits that may not have been buildable (`undefined` → no fix). */
export function fix(title: string, edits: Fix['edits'] | Fix['edits'][number] | undefined, isPreferred = false): Fix | undefined {
  if (edits === undefined) return undefined;
  const list = Array.isArray(edits) ? edits : [edits];
  if (list.length === 0) return undefined;
  return isPreferred ? { title, edits: list, isPreferred } : { title, edits: list };
}

/** The deployer setting `key` as written in the file (in the block this document uses). */
export function deployerEntry(ctx: RuleContext, key: string): NodeRef | undefined {
  return ctx.doc.get([...ctx.deployerPath, key]);
}

export const RESOURCES_PATH: readonly string[] = ['settings', 'resources'];

/** True for a path inside the deployer block this document uses (`settings.<deployerKey>.…`). */
export function inActiveDeployer(ctx: RuleContext, path: readonly (string | number)[]): boolean {
  return path.length >= 3 && path[0] === 'settings' && path[1] === ctx.deployerPath[1];
}

/** True when any of the deployer settings `keys` is computed at run time (Python): decisions that depend on it are not made. */
export function deployerComputed(ctx: RuleContext, ...keys: string[]): boolean {
  return keys.some((key) => ctx.doc.isComputed([...ctx.deployerPath, key]));
}

/** A quoted string for messages, shortened when long. */
export function quote(text: string, max = 60): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max - 1)}…` : text);
}
