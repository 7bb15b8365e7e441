// Every deployment's log channel ("App Runner: <name>") and the follower feeding it, at most one
// per deployment. Channels stay after their follower stops (the text is still worth reading) and
// are reused when it starts again; state changes are announced for the status bar and `when` clauses.
import * as vscode from 'vscode';
import { AwsCallError } from '../../../common/src/aws/errors';
import type { FollowerState } from '../../../common/src/logs';
import type { AwsClients } from '../../../common/src/aws/clientFactory';
import type { AwsConnection } from '../aws/connection';
import { headerLine, type LogWriter } from './channelSink';
import { followKey, type DeploymentRef, type ResolvedDeployment } from './deploymentRef';
import { LogSession, type LogScope } from './logSession';
import { resolveDeployment } from './resolveDeployment';

/** How far back Show Logs starts (as the CLI's `--since` default). */
const SHOW_SINCE_MS = 10 * 60_000;
/** During a deploy: a little before the call, for clocks that disagree. */
const DEPLOY_SKEW_MS = 5_000;

export interface Followed {
  key: string;
  deployment: ResolvedDeployment;
  scope: LogScope;
  state: FollowerState | undefined;
}

interface Entry {
  channel: ChannelWriter;
  session?: LogSession;
}

/**
 * A plain output channel (language `log`, so times and levels are coloured): VS Code adds no time
 * of its own, so each line carries one, the event's.
 */
class ChannelWriter implements LogWriter {
  constructor(readonly channel: vscode.OutputChannel) {}
  info(message: string): void {
    this.channel.appendLine(message);
  }
  warn(message: string): void {
    this.channel.appendLine(message);
  }
  error(message: string): void {
    this.channel.appendLine(message);
  }
  show(preserveFocus: boolean): void {
    this.channel.show(preserveFocus);
  }
  dispose(): void {
    this.channel.dispose();
  }
}

export class LogFollowers implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly connection: AwsConnection) {}

  /** Followers that are running now. */
  followed(): Followed[] {
    return [...this.entries.entries()].flatMap(([key, entry]) =>
      entry.session?.running ? [{ key, deployment: entry.session.deployment, scope: entry.session.scope, state: entry.session.state }] : [],
    );
  }

  /** Show Logs: finds the deployment, shows its channel and follows both log groups (if not already). */
  async show(ref: DeploymentRef): Promise<void> {
    const clients = await this.connection.ownClients(ref.region);
    let handedOver = false;
    try {
      const resolution = await resolveDeployment(clients, ref);
      if ('missing' in resolution) {
        void vscode.window.showErrorMessage(`Show Logs: ${resolution.missing}.`);
        return;
      }
      if (!('found' in resolution)) return;
      const deployment = resolution.found;
      const entry = this.entry(deployment);
      entry.channel.show(true);
      const running = entry.session?.running ? entry.session : undefined;
      if (running?.scope === 'all') return;
      if (running) await running.stop('following all logs instead');
      // After Stop Logs, go on after the last line shown (when that is within the usual span).
      const startTime = Date.now() - SHOW_SINCE_MS;
      this.start(entry, deployment, 'all', startTime, clients);
      handedOver = true;
    } catch (error) {
      if (!(error instanceof AwsCallError)) throw error;
      void vscode.window.showErrorMessage(`Show Logs: ${error.message}`);
    } finally {
      if (!handedOver) clients.destroy();
    }
  }

  /**
   * During a deploy: App Runner's service log of `deploymentName` in its channel until `signal`
   * aborts. Waits for the service to exist (a deploy may be creating it). A channel that already
   * follows the deployment is left as it is.
   */
  async streamDeploy(ref: DeploymentRef & { deploymentName: string }, signal: AbortSignal, reveal: boolean): Promise<void> {
    const key = followKey(ref.region, ref.deploymentName);
    const existing = this.entries.get(key);
    if (existing?.session?.running) {
      if (reveal) existing.channel.show(true);
      return;
    }
    const startTime = Date.now() - DEPLOY_SKEW_MS;
    const channel = this.entry({ region: ref.region, displayName: ref.deploymentName }).channel;
    if (reveal) channel.show(true);
    channel.info(headerLine(`${ref.deploymentName}: waiting for its App Runner service in ${ref.region}`));
    const clients = await this.connection.ownClients(ref.region);
    let session: LogSession | undefined;
    try {
      const resolution = await resolveDeployment(clients, ref, { waitForService: true, signal });
      if (!('found' in resolution)) {
        channel.info(headerLine(`stopped: ${'missing' in resolution ? resolution.missing : stopReason(signal)}`));
        return;
      }
      const entry = this.entry(resolution.found);
      if (entry.session?.running) return; // Show Logs started following it meanwhile
      session = this.start(entry, resolution.found, 'service', startTime, clients);
      if (signal.aborted) await session.stop(stopReason(signal));
      else signal.addEventListener('abort', () => void session?.stop(stopReason(signal)), { once: true });
    } catch (error) {
      channel.error(headerLine(`stopped: ${error instanceof Error ? error.message : String(error)}`));
    } finally {
      if (!session) clients.destroy();
    }
    await session?.done;
  }

  /** Stops the follower of `key`; resolves when its channel says so. */
  async stop(key: string, reason: string): Promise<boolean> {
    const session = this.entries.get(key)?.session;
    if (!session?.running) return false;
    await session.stop(reason);
    return true;
  }

  reveal(key: string): void {
    this.entries.get(key)?.channel.show(true);
  }

  dispose(): void {
    for (const entry of this.entries.values()) {
      void entry.session?.stop('VS Code is closing');
      entry.channel.dispose();
    }
    this.entries.clear();
    this.changed.dispose();
  }

  private entry(deployment: Pick<ResolvedDeployment, 'region' | 'displayName'>): Entry {
    const key = followKey(deployment.region, deployment.displayName);
    let entry = this.entries.get(key);
    if (!entry) {
      const sameName = [...this.entries.keys()].some((other) => other.endsWith(`/${deployment.displayName}`));
      const name = `App Runner: ${deployment.displayName}${sameName ? ` (${deployment.region})` : ''}`;
      entry = { channel: new ChannelWriter(vscode.window.createOutputChannel(name, 'log')) };
      this.entries.set(key, entry);
    }
    return entry;
  }

  private start(entry: Entry, deployment: ResolvedDeployment, scope: LogScope, startTime: number, clients: AwsClients): LogSession {
    const previous = entry.session;
    // A follower of both groups may go on where the last one stopped; from a service-only
    // follower only the span before is re-read (its application lines were never shown).
    const point = previous?.resumePoint;
    const resume = point && point.timestamp >= startTime ? point : undefined;
    const session = new LogSession(deployment, scope, { client: clients.logs, writer: entry.channel, scope, startTime, ...(resume ? { resume } : {}), onState: () => this.changed.fire() });
    entry.session = session;
    this.changed.fire();
    void session.done.finally(() => {
      clients.destroy();
      this.changed.fire();
    });
    return session;
  }
}

/** What the channel says when a deploy's stream ends: the caller's reason if it gave a string. */
function stopReason(signal: AbortSignal): string {
  return typeof signal.reason === 'string' ? signal.reason : 'the deploy is no longer waiting';
}
