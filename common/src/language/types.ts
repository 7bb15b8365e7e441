// Plain data shared by the language service, the LSP layer and the CLI. Positions are
// zero-based lines and UTF-16 characters, exactly as in LSP and the CLI's JSON output.
import type { RuleFailureListener } from './ruleFailures';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix VS Code applies with "Auto Fix" / the one listed first. */
  isPreferred?: boolean;
}

/** Another place a finding concerns (LSP's related information). */
export interface Related {
  range: Range;
  message: string;
}

/** One problem in a file: what the editor shows as a diagnostic and the CLI prints. */
export interface Finding {
  range: Range;
  severity: Severity;
  /** Stable rule code, e.g. `resources.cpu-memory-pair`; severity overrides key on it. */
  code: string;
  message: string;
  fixes: Fix[];
  /** Other values at fault: the finding's quick fixes are offered on them too. */
  related?: Related[];
  /** `unnecessary` greys the range out, `deprecated` strikes it through. */
  tags?: ('unnecessary' | 'deprecated')[];
}

export type SeverityOverride = Severity | 'off';

export interface ValidationOptions {
  /** Told about each check that threw (its findings are missing); see `ruleFailures.ts`. */
  onRuleFailure?: RuleFailureListener;
  /** Per rule code: another severity, or `off` to drop the finding. */
  severityOverrides?: Readonly<Record<string, SeverityOverride>>;
  /**
   * Build each finding's quick fixes (the default). Diagnostics in the editor leave them out:
   * fixes are built when code actions are asked for, on the text of that moment.
   */
  withFixes?: boolean;
}
