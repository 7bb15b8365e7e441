// A rule that throws is a bug: its findings are missing from the Problems panel. Each failure
// goes to the server's output (the client's output channel) with its stack, once per rule and
// document version, however many times that version is validated (diagnostics, code actions).
import type { RemoteConsole } from 'vscode-languageserver';
import type { RuleFailure, RuleFailureListener } from '../../../common/src/language/ruleFailures';
import { describeError } from '../../../common/src/describeError';

export class RuleFailureLog {
  /** Per document URI: the `version rule` pairs already logged. */
  private readonly logged = new Map<string, Set<string>>();

  constructor(private readonly console: RemoteConsole) {}

  /** The listener to pass to validation for this document version. */
  listenerFor(uri: string, version: number): RuleFailureListener {
    return (failure) => this.report(uri, version, failure);
  }

  forget(uri: string): void {
    this.logged.delete(uri);
  }

  private report(uri: string, version: number, { rule, error }: RuleFailure): void {
    let seen = this.logged.get(uri);
    if (!seen) {
      seen = new Set();
      this.logged.set(uri, seen);
    }
    const key = `${version} ${rule}`;
    if (seen.has(key)) return;
    // Only the current version's failures matter; older ones are done with.
    for (const old of seen) if (!old.startsWith(`${version} `)) seen.delete(old);
    seen.add(key);
    this.console.error(`The check "${rule}" failed on ${uri} (version ${version}); its problems are missing until it is fixed. Please report this bug:\n${describeError(error, { stack: true })}`);
  }
}
