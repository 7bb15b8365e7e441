// How a finished or failed AWS action is told: one sentence, and the buttons that help next
// ("Open URL", "Show Logs", "Search Logs…"). Every failure is also recorded in the extension's log.
import * as vscode from 'vscode';
import { DeployCancelledError, DeployFailedError, DeployInputError } from '../../../common/src/deploy/types';
import { SEARCH_LOGS_COMMAND, SHOW_LOGS_COMMAND } from '../logs/logCommandIds';
import { productLog } from '../productLog';

export interface LogsTarget {
  deploymentName: string;
  region: string;
}

export async function reportSuccess(message: string, url: string | undefined, logs: LogsTarget | undefined): Promise<void> {
  const buttons = [...(url ? ['Open URL'] : []), ...(logs ? ['Show Logs'] : [])];
  const choice = await vscode.window.showInformationMessage(message, ...buttons);
  if (choice === 'Open URL' && url) await vscode.env.openExternal(vscode.Uri.parse(url));
  if (choice === 'Show Logs' && logs) await vscode.commands.executeCommand(SHOW_LOGS_COMMAND, logs);
}

/** The failure in one sentence (the engine's message says what and the way out), with the application's last word. */
export async function reportFailure(what: string, error: unknown, logs: LogsTarget | undefined): Promise<void> {
  productLog.error(what, error);
  if (error instanceof DeployCancelledError) {
    void vscode.window.showWarningMessage(`${what} was cancelled: ${error.message}`);
    return;
  }
  if (error instanceof DeployInputError) {
    const choice = await vscode.window.showErrorMessage(error.message, ...(error.problems.length > 0 ? ['Show Problems'] : []));
    if (choice) await vscode.commands.executeCommand('workbench.actions.view.problems');
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  const failed = error instanceof DeployFailedError ? error : undefined;
  const lastWords = failed && failed.applicationLines.length > 0 ? ` The application's last line: ${failed.applicationLines[failed.applicationLines.length - 1]}` : '';
  const buttons = logs && failed ? ['Show Logs', 'Search Logs…'] : [];
  const choice = await vscode.window.showErrorMessage(`${what} failed: ${message}${lastWords}`, ...buttons);
  if (choice === 'Show Logs' && logs) await vscode.commands.executeCommand(SHOW_LOGS_COMMAND, logs);
  if (choice === 'Search Logs…' && logs) await vscode.commands.executeCommand(SEARCH_LOGS_COMMAND, logs);
}
