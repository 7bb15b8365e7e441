import * as vscode from 'vscode';
import { startLanguageClient } from './language/languageClient';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const languageClient = await startLanguageClient(context);
  context.subscriptions.push(
    vscode.commands.registerCommand('zenmlAppRunner.restartLanguageServer', () => languageClient.restart()),
  );
}

export function deactivate(): void {
  // The language client is disposed through the extension context's subscriptions.
}
