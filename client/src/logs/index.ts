// Logs in VS Code: the live log channels, their commands and status bar item, Search Logs… with its
// results document, and the one entry point other features call (the deploy command streams the
// service log while it waits).
import type * as vscode from 'vscode';
import type { AwsConnection } from '../aws/connection';
import { registerLogCommands } from './logCommands';
import { LogFollowers } from './logFollowers';
import { registerSearchLogs } from './searchLogs';
import { createLogsStatusBar } from './statusBar';

export { SHOW_LOGS_COMMAND, STOP_LOGS_COMMAND } from './logCommands';
export { SEARCH_LOGS_COMMAND } from './searchLogs';

let followers: LogFollowers | undefined;

/** Called once from `activate`. */
export function registerLogs(context: vscode.ExtensionContext, connection: AwsConnection): void {
  const created = new LogFollowers(connection);
  followers = created;
  context.subscriptions.push(created, registerLogCommands(created, connection), createLogsStatusBar(created), registerSearchLogs(context, connection), { dispose: () => (followers = undefined) });
}

export interface StreamDeploymentLogsOptions {
  /** The deployment's name (`deployment.name`); its service is found by ZenML's tags, once it exists. */
  deploymentName: string;
  region: string;
  /** Abort when the deploy stops waiting; a string reason is said in the channel ("stopped: <reason>"). */
  signal: AbortSignal;
  /** Show the channel (without taking focus). Default true. */
  reveal?: boolean;
}

/**
 * Streams App Runner's service log of a deployment (deployment events, health checks, failure
 * reasons) into its "App Runner: <name>" channel until `signal` aborts; waits for the service when
 * the deploy is still creating it. Resolves when the stream has stopped; never rejects for AWS
 * failures (the channel says them). A channel already following the deployment stays as it is.
 */
export async function streamDeploymentLogs(options: StreamDeploymentLogsOptions): Promise<void> {
  if (!followers) throw new Error('streamDeploymentLogs: the extension is not active');
  await followers.streamDeploy({ region: options.region, deploymentName: options.deploymentName }, options.signal, options.reveal ?? true);
}
