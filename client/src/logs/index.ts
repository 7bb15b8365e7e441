// Logs in VS Code: the live log channels, their commands and status bar item, Search Logs…, and
// the one entry point other features call (the deploy command streams the service log while it
// waits). The followers and the search load on first use, not at activation.
import * as vscode from 'vscode';
import type { AwsConnection } from '../aws/connection';
import type { ReadOnlyDocuments } from '../documents/readOnlyDocuments';
import type { SettingsReader } from '../language/languageClient';
import { lazyModule } from '../lazyModule';
import { SEARCH_LOGS_COMMAND, SHOW_LOGS_COMMAND, STOP_LOGS_COMMAND } from './logCommandIds';
import type { Followed, LogFollowers } from './logFollowers';
import { createLogsStatusBar } from './statusBar';

export { SEARCH_LOGS_COMMAND, SHOW_LOGS_COMMAND, STOP_LOGS_COMMAND } from './logCommandIds';

const followersModule = lazyModule(() => import('./logFollowers.js'));
const commandsModule = lazyModule(() => import('./logCommands.js'));
const searchModule = lazyModule(() => import('./searchLogs.js'));

/** The channels' followers, made on first use; until then nothing is followed. */
export class LogsHost implements vscode.Disposable {
  private loaded: LogFollowers | undefined;
  private loading: Promise<LogFollowers> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly connection: AwsConnection) {}

  followers(): Promise<LogFollowers> {
    this.loading ??= followersModule().then(({ LogFollowers }) => {
      const followers = new LogFollowers(this.connection);
      followers.onDidChange(() => this.changed.fire());
      this.loaded = followers;
      return followers;
    });
    return this.loading;
  }

  followed(): Followed[] {
    return this.loaded?.followed() ?? [];
  }

  reveal(key: string): void {
    this.loaded?.reveal(key);
  }

  dispose(): void {
    this.loaded?.dispose();
    this.changed.dispose();
  }
}

let host: LogsHost | undefined;

/** Called once from `activate`. */
export function registerLogs(context: vscode.ExtensionContext, connection: AwsConnection, reader: SettingsReader, documents: ReadOnlyDocuments): void {
  const created = new LogsHost(connection);
  host = created;
  context.subscriptions.push(
    created,
    createLogsStatusBar(created),
    vscode.commands.registerCommand(SHOW_LOGS_COMMAND, async (argument?: unknown) => (await commandsModule()).showLogs(await created.followers(), connection, reader, argument)),
    vscode.commands.registerCommand(STOP_LOGS_COMMAND, async (argument?: unknown) => (await commandsModule()).stopLogs(await created.followers(), argument)),
    vscode.commands.registerCommand(SEARCH_LOGS_COMMAND, async (argument?: unknown) => (await searchModule()).searchLogs(context.globalState, connection, reader, documents, argument)),
    { dispose: () => (host = undefined) },
  );
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
  if (!host) throw new Error('streamDeploymentLogs: the extension is not active');
  const followers = await host.followers();
  await followers.streamDeploy({ region: options.region, deploymentName: options.deploymentName }, options.signal, options.reveal ?? true);
}
