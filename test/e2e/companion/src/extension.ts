// The companion's entry point in code-server: on startup, if the e2e harness named a results
// file in the settings, run the suite and write the results there (written to a temporary name
// and renamed, so the waiting test never reads half a file).
import { renameSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { runSuite } from './suite';

export function activate(): void {
  const resultsFile = vscode.workspace.getConfiguration('zenmlAppRunnerCompanion').get<string>('resultsFile', '');
  if (!resultsFile) return;
  void runSuite()
    .catch((error: unknown) => ({ vscodeVersion: vscode.version, error: error instanceof Error ? (error.stack ?? error.message) : String(error), results: [] }))
    .then((results) => {
      writeFileSync(`${resultsFile}.partial`, `${JSON.stringify(results, null, 2)}\n`);
      renameSync(`${resultsFile}.partial`, resultsFile);
    });
}

export function deactivate(): void {
  // Nothing to release: the suite ends by itself.
}
