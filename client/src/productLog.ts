// The extension's own log: "ZenML App Runner" in the Output panel (a log channel, so its level
// follows Developer: Set Log Level…). Every failure that does not reach the user as a message is
// recorded here with its cause, and so is what the extension starts in the background (the Local
// Sandbox), so "nothing happened" can always be explained. Never a secret value.
import * as vscode from 'vscode';
import { PRODUCT_NAME } from '../../common/src/product';

let channel: vscode.LogOutputChannel | undefined;

/** Called once from `activate`; the channel is disposed with the extension. */
export function createProductLog(): vscode.LogOutputChannel {
  channel = vscode.window.createOutputChannel(PRODUCT_NAME, { log: true });
  return channel;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (cause: ${error.cause.name}: ${error.cause.message})` : '';
  return `${error.name}: ${error.message}${cause}`;
}

export const productLog = {
  info(message: string): void {
    channel?.info(message);
  },
  warn(message: string, error?: unknown): void {
    channel?.warn(error === undefined ? message : `${message}: ${describe(error)}`);
  },
  error(message: string, error?: unknown): void {
    channel?.error(error === undefined ? message : `${message}: ${describe(error)}`);
  },
};
