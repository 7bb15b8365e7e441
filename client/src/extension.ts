import * as vscode from 'vscode';
import { startLanguageClient } from './language/languageClient';
import { registerLogs } from './logs';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // Commands first: a command that activates the extension must find its handler even while the
  // language server is still starting.
  registerLogs(context);
  const languageClient = await startLanguageClient(context);
  context.subscriptions.push(
    vscode.commands.registerCommand('zenmlAppRunner.restartLanguageServer', () => languageClient.restart()),
  );
}

export function deactivate(): void {
  // The language client and the log channels are disposed through the extension context's subscriptions.
}
