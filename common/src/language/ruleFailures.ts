// A check that throws must neither hide the other checks' findings nor break the editor, and it
// must not pass unnoticed either: the failure goes to the caller's `onRuleFailure` (the language
// server logs it once per rule and document version, with the stack), and in strict mode (the
// project's tests) it is rethrown so that every test and fuzzer that reaches the bug fails.

/** One check that threw while validating a text. */
export interface RuleFailure {
  /** The rule family (`Rule.name`) or the built-in pass that threw, e.g. `yaml problems`. */
  rule: string;
  error: unknown;
}

export type RuleFailureListener = (failure: RuleFailure) => void;

/** A rule failure rethrown in strict mode, naming the rule; `cause` is the original error. */
export class RuleFailureError extends Error {
  constructor(readonly failure: RuleFailure) {
    super(`The check "${failure.rule}" threw: ${failure.error instanceof Error ? failure.error.message : String(failure.error)}`, { cause: failure.error });
    this.name = 'RuleFailureError';
  }
}

/**
 * Strict mode, switched on explicitly with `ZENML_APPRUNNER_STRICT=1` (the project's test command
 * sets it, and the servers and CLIs its tests start inherit it); never guessed from the runner.
 */
export function strictRuleFailures(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.ZENML_APPRUNNER_STRICT === '1';
}

/** Runs one check; a throw is reported to `listener` and, in strict mode, rethrown. */
export function runCheck(rule: string, action: () => void, listener: RuleFailureListener | undefined): void {
  try {
    action();
  } catch (error) {
    if (error instanceof RuleFailureError) throw error;
    const failure: RuleFailure = { rule, error };
    listener?.(failure);
    // Read at failure time (rare), so a test can switch it for one case.
    if (strictRuleFailures()) throw new RuleFailureError(failure);
  }
}
