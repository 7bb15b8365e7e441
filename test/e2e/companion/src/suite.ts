// The extension-host suite: checks that need the real `vscode` API (documents, diagnostics, our
// commands, and from the explorer and logs issues on our tree view and output channels). It runs
// inside code-server through the companion extension and under @vscode/test-electron.
// Add a check: write it in a file under src/checks/ and list its array in CHECK_GROUPS below.
import * as vscode from 'vscode';
import { languageChecks } from './checks/language';

export interface Check {
  name: string;
  run(): Promise<void>;
  /** Per-check limit (default 60 s): a check never hangs the suite. */
  timeoutMs?: number;
}

export interface CheckResult {
  name: string;
  passed: boolean;
  /** The failure's message (and stack), empty when passed. */
  message: string;
  durationMs: number;
}

export interface SuiteResults {
  vscodeVersion: string;
  results: CheckResult[];
}

const CHECK_GROUPS: readonly (readonly Check[])[] = [languageChecks];

export async function runSuite(): Promise<SuiteResults> {
  const results: CheckResult[] = [];
  for (const check of CHECK_GROUPS.flat()) {
    const started = Date.now();
    try {
      await withTimeout(check.run(), check.timeoutMs ?? 60_000, check.name);
      results.push({ name: check.name, passed: true, message: '', durationMs: Date.now() - started });
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      results.push({ name: check.name, passed: false, message, durationMs: Date.now() - started });
    }
  }
  return { vscodeVersion: vscode.version, results };
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, name: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`"${name}" timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
