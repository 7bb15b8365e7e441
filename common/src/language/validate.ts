// The diagnostics pipeline: parse → YAML findings → per document: shape checks → schema
// findings (minus those a rule reports better) → rules → severity overrides. Linear in the size
// of the file: one parse, one `toJS`, one Ajv run per document, no per-key re-walks.
import { isMap, isScalar, visit } from 'yaml';
import { knownKeys } from '../domain/schemaFacts';
import { unknownKeyMessage } from '../domain/schemaMessages';
import { validateAgainstSchema, type SchemaError } from '../domain/schemaValidator';
import { resolveSettings } from '../domain/settingsModel';
import { parseDeployerFile, type DeployerDocument, type ParsedFile } from './deployerDocument';
import type { SettingsTree } from './settingsTree';
import type { SourceFile } from './sources/sourceFile';
import { deleteEntry, documentStartMarker, insertEntries, replaceTabIndent } from './edits';
import { RULES } from './rules/index';
import { fix, toFinding, type Report, type RuleContext } from './rules/rule';
import { runCheck, type RuleFailureListener } from './ruleFailures';
import { syntaxRootCauses } from './syntaxRootCauses';
import { documentAnchor, reportSchemaErrors, suggestedName } from './schemaDiagnostics';
import type { Finding, Range, TextEdit, ValidationOptions } from './types';

/**
 * Every problem in a `zenml.deployer.yaml` text: YAML syntax, schema, and the rules no schema
 * can express. Pure: the LSP layer and the CLI both call it. A check that throws is reported to
 * `options.onRuleFailure` and skipped (rethrown under tests: see `ruleFailures.ts`).
 */
export function validateText(text: string, options: ValidationOptions = {}): Finding[] {
  let parsed: ParsedFile;
  try {
    parsed = parseDeployerFile(text);
  } catch (error) {
    const finding = toFinding({ code: 'yaml.syntax', range: zeroRange(), message: `The file could not be parsed: ${describe(error)}` }, false);
    return applySeverityOverrides([finding], options);
  }
  return validateFile(parsed, options);
}

/** `validateText` on a file already parsed (the language server parses once per version). */
export function validateFile(parsed: ParsedFile, options: ValidationOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const withFixes = options.withFixes !== false;
  const report = (finding: Report): void => {
    findings.push(toFinding(finding, withFixes));
  };
  const listener = options.onRuleFailure;
  const { documents } = parsed;
  for (const doc of documents) runCheck('yaml problems', () => reportYamlProblems(doc, report), listener);
  const nonEmpty = documents.filter((doc) => !isEmptyDocument(doc));
  if (nonEmpty.length === 0) {
    if (findings.length === 0) reportEmptyFile(parsed, documents[0], report);
  } else {
    // A document with a syntax error has a guessed structure: schema and rule findings on it
    // would mostly be echoes of the syntax error, so only the syntax error is shown.
    for (const doc of nonEmpty) if (!hasStructuralError(doc)) runCheck('document', () => validateDocument(doc, report, listener), listener);
    if (nonEmpty.length > 1) runCheck('duplicate names', () => reportDuplicateNames(nonEmpty, report), listener);
  }
  findings.sort(byPosition);
  // The YAML parser does not read a lone CR as a line break but editors do: edits computed on
  // lines could land differently than intended, so such texts get no fixes at all.
  if (/\r(?!\n)/.test(parsed.source.text)) for (const finding of findings) finding.fixes = [];
  return applySeverityOverrides(findings, options);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function zeroRange(): Range {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

function isEmptyDocument(doc: DeployerDocument): boolean {
  const contents = doc.yaml.contents;
  if (contents === null) return true;
  // `!!null` or `&anchor` alone are content, not emptiness (and an edit before them would break them).
  return isScalar(contents) && contents.value === null && !contents.tag && !contents.anchor && !(contents.range && contents.range[1] > contents.range[0]);
}

// ---------------------------------------------------------------------------------------------
// YAML

function hasStructuralError(doc: DeployerDocument): boolean {
  return doc.yaml.errors.some((error) => error.code !== 'DUPLICATE_KEY');
}

function reportYamlProblems(doc: DeployerDocument, report: (finding: Report) => void): void {
  const { source } = doc;
  const { causes, suppressed } = syntaxRootCauses(doc);
  for (const cause of causes) report({ code: 'yaml.syntax', range: source.range(cause.start, cause.end), message: cause.message });
  for (const error of doc.yaml.errors) {
    if (suppressed.has(error)) continue;
    const [start, end] = error.pos;
    const range = source.range(start, Math.max(end, start + 1));
    const firstLine = error.message.split('\n')[0];
    if (error.code === 'DUPLICATE_KEY') {
      const hit = doc.hitAt(start);
      const key = hit?.onKey ? String(hit.ref.path[hit.ref.path.length - 1]) : undefined;
      const where = hit && hit.ref.path.length > 1 ? hit.ref.path.slice(0, -1).join('.') : 'the top level';
      report({
        code: 'yaml.duplicate-key',
        range: hit?.onKey ? doc.rangeOfKey(hit.ref) : range,
        message:
          key === undefined
            ? `${firstLine}: a key appears twice; remove one of them.`
            : `"${key}" appears twice in ${where}; only the last value counts when ZenML loads the file. Remove one of them.`,
        fixes: () => (hit?.onKey ? [fix(`Remove this ${key ?? 'entry'}`, deleteEntry(doc, hit.ref), true)] : []),
      });
    } else if (error.code === 'TAB_AS_INDENT') {
      const line = source.positionAt(start).line;
      const indent = /^[ \t]*/.exec(source.lineText(line))?.[0] ?? '';
      report({
        code: 'yaml.tab-indent',
        range: source.range(source.lineStart(line), source.lineStart(line) + Math.max(1, indent.length)),
        message: 'This line is indented with a tab; YAML allows only spaces for indentation. Replace the tab with spaces.',
        fixes: () => [fix('Replace the tab indentation with spaces', replaceTabIndent(doc, line), true)],
      });
    } else {
      report({ code: 'yaml.syntax', range, message: `${firstLine.replace(/\.?$/, '.')}` });
    }
  }
  for (const warning of doc.yaml.warnings) {
    const [start, end] = warning.pos;
    report({ code: 'yaml.warning', range: source.range(start, Math.max(end, start + 1)), message: warning.message.split('\n')[0] });
  }
}

/** `toJS` failed (an alias without anchor, too many aliases): point at the aliases. */
function reportAliasProblem(doc: DeployerDocument, report: (finding: Report) => void): void {
  const reason = doc.valueError ?? 'the document could not be read';
  let reported = false;
  visit(doc.yaml, {
    Alias(_key, node) {
      let resolved = false;
      try {
        resolved = node.resolve(doc.yaml) !== undefined;
      } catch {
        resolved = false;
      }
      if (resolved && !reason.toLowerCase().includes('alias count') && !reason.toLowerCase().includes('excessive')) return undefined;
      if (!node.range) return undefined;
      report({
        code: 'yaml.alias',
        range: doc.source.range(node.range[0], node.range[1]),
        message: resolved
          ? `The aliases in this document expand too much (${reason}); write the values out instead.`
          : `The alias *${node.source} refers to no anchor &${node.source} defined before it; define the anchor first or write the value out.`,
      });
      reported = true;
      return visit.BREAK;
    },
  });
  if (!reported) report({ code: 'yaml.alias', range: documentAnchor(doc), message: `The document cannot be read: ${reason}.` });
}

// ---------------------------------------------------------------------------------------------
// Documents

function reportEmptyFile(parsed: ParsedFile, doc: DeployerDocument | undefined, report: (finding: Report) => void): void {
  const { source } = parsed;
  let starter: TextEdit | undefined = doc ? insertEntries(doc, [], [['deployment', { name: suggestedName(doc) }]]) : undefined;
  if (!starter && !/^%/m.test(source.text)) {
    // Blank or comment-only text has no document at all: append the block after the comments.
    const end = source.positionAt(source.text.length);
    const separator = source.text.length > 0 && !/[\r\n]$/.test(source.text) ? source.eol : '';
    const marker = documentStartMarker(source.text, source.text.length, source.eol);
    starter = { range: { start: end, end }, newText: `${separator}${marker}deployment:${source.eol}  name: my-deployment${source.eol}` };
  }
  report({
    code: 'document.empty',
    range: doc ? documentAnchor(doc) : zeroRange(),
    message: 'This deployer file is empty. Add a deployment block with at least a name, then settings for the deployer and resources.',
    fixes: () => [fix('Add a deployment block', starter, true)],
  });
}

function validateDocument(doc: DeployerDocument, report: (finding: Report) => void, listener: RuleFailureListener | undefined): void {
  const contents = doc.yaml.contents;
  if (!isMap(contents)) {
    const range = contents?.range ? doc.source.range(contents.range[0], doc.source.trimmedEnd(contents.range[0], contents.range[1])) : documentAnchor(doc);
    const kind = contents && 'items' in contents ? 'a list' : 'a single value';
    report({
      code: 'document.not-a-mapping',
      range,
      message: `A zenml.deployer.yaml document must be a mapping with "deployment" and "settings" blocks, but this one is ${kind}.`,
    });
    return;
  }
  const json = doc.value;
  if (json === undefined) {
    reportAliasProblem(doc, report);
    return;
  }
  if (!hasAnyKnownKey(doc)) {
    report({
      code: 'document.no-deployment',
      range: documentAnchor(doc),
      message:
        'This document has neither a "deployment" nor a "settings" block, so it describes no deployment. Add a deployment block with at least a name.',
      fixes: () => [fix('Add a deployment block', insertEntries(doc, [], [['deployment', { name: suggestedName(doc) }]]), true)],
    });
    return;
  }
  checkScope(doc, json, report, listener);
}

/**
 * The schema and every rule on one scope of settings, whatever its source: the one engine. Outside
 * deployer files only the settings blocks are there, so the top level's requirements do not apply.
 */
function checkScope(doc: SettingsTree, json: unknown, report: (finding: Report) => void, listener: RuleFailureListener | undefined): void {
  const settings = resolveSettings(json);
  const ctx: RuleContext = { doc, settings, json, deployerPath: doc.deployerPath(), report };
  const errors = [...validateAgainstSchema(json).filter((error) => doc.hasDeploymentBlock || error.path.length > 0), ...unknownComputedKeys(doc)];
  const unclaimed = errors.filter((error) => !RULES.some((rule) => rule.claims?.(error, ctx) === true));
  runCheck('schema', () => reportSchemaErrors(doc, unclaimed, report), listener);
  for (const rule of RULES) runCheck(rule.name, () => rule.check(ctx), listener);
}

/** Keys of a settings block whose values are computed (so not in the plain data the schema sees) and that the block does not have. */
function unknownComputedKeys(doc: SettingsTree): SchemaError[] {
  const errors: SchemaError[] = [];
  for (const path of doc.computedPaths()) {
    if (path.length !== 3 || path[0] !== 'settings') continue;
    const block = path.slice(0, 2);
    const key = String(path[2]);
    if (knownKeys(block).includes(key)) continue;
    errors.push({ path: [...path], keyword: 'additionalProperties', message: unknownKeyMessage(block, key), params: { additionalProperty: key }, onKey: true });
  }
  return errors;
}

/**
 * Every problem in a file of any source: a deployer file as `validateFile` checks it; a run config
 * or a Python module scope by scope (their syntax is checked by their own tools, not here); any
 * other file has none.
 */
export function validateSource(file: SourceFile, options: ValidationOptions = {}): Finding[] {
  if (file.deployer) return validateFile(file.deployer, options);
  const findings: Finding[] = [];
  const withFixes = options.withFixes !== false;
  const report = (finding: Report): void => {
    findings.push(toFinding(finding, withFixes));
  };
  for (const scope of file.scopes) {
    const json = scope.value;
    if (json !== undefined) runCheck('scope', () => checkScope(scope, json, report, options.onRuleFailure), options.onRuleFailure);
  }
  // A settings object several scopes share (a module-level `AWSDeployerSettings(...)`) is reported once.
  const seen = new Set<string>();
  const unique = findings.filter((finding) => {
    const id = JSON.stringify([finding.code, finding.range, finding.message]);
    return !seen.has(id) && seen.add(id);
  });
  findings.length = 0;
  findings.push(...unique);
  findings.sort(byPosition);
  if (/\r(?!\n)/.test(file.source.text)) for (const finding of findings) finding.fixes = [];
  return applySeverityOverrides(findings, options);
}

let blockKeys: ReadonlySet<string> | undefined;

/** Every key of the fixed blocks (top level, deployment, settings, deployer, resources). */
function anyBlockKeys(): ReadonlySet<string> {
  blockKeys ??= new Set(
    [[], ['deployment'], ['settings'], ['settings', 'deployer'], ['settings', 'resources']].flatMap((path) => knownKeys(path)),
  );
  return blockKeys;
}

/** True when a root key is one we know, or one that belongs in a block (e.g. `name`, `region`). */
function hasAnyKnownKey(doc: DeployerDocument): boolean {
  const known = anyBlockKeys();
  return doc.entries([]).some((ref) => known.has(String(ref.path[0])));
}

function reportDuplicateNames(docs: readonly DeployerDocument[], report: (finding: Report) => void): void {
  const seen = new Map<string, number>();
  for (const doc of docs) {
    const ref = doc.get(['deployment', 'name']);
    if (!ref || !isScalar(ref.value) || typeof ref.value.value !== 'string') continue;
    const name = ref.value.value;
    const first = seen.get(name);
    if (first === undefined) {
      seen.set(name, doc.index);
      continue;
    }
    report({
      code: 'name.duplicate',
      range: doc.rangeOfValue(ref),
      message: `Document ${doc.index + 1} deploys "${name}" like document ${first + 1}: both would update the same App Runner service. Give each deployment its own name.`,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Output

function byPosition(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}

function applySeverityOverrides(findings: Finding[], options: ValidationOptions): Finding[] {
  const overrides = options.severityOverrides;
  if (!overrides) return findings;
  const result: Finding[] = [];
  for (const finding of findings) {
    const override = Object.prototype.hasOwnProperty.call(overrides, finding.code) ? overrides[finding.code] : undefined;
    if (override === 'off') continue;
    result.push(override && isSeverity(override) ? { ...finding, severity: override } : finding);
  }
  return result;
}

function isSeverity(value: unknown): value is Finding['severity'] {
  return value === 'error' || value === 'warning' || value === 'information' || value === 'hint';
}
