// Where the extension's AWS calls go: the settings (profile, regions, endpoint) or, while it runs,
// the Local Sandbox. Hands out one set of clients per region and tells listeners when the target
// changes, so the explorer refreshes after a profile switch (a common AWS Toolkit complaint).
import * as vscode from 'vscode';
import type { AwsClientOptions, AwsClients, AwsTarget } from '../../../common/src/aws/clientFactory';
import { lazyModule } from '../lazyModule';

/** The AWS SDK is evaluated on the first AWS call, not when the extension activates. */
const factory = lazyModule(() => import('../../../common/src/aws/clientFactory.js'));

export interface SandboxTarget {
  endpoint: string;
  regions: string[];
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** Prepended to a ServiceUrl to reach the service on loopback (the sandbox says where). */
  serviceUrlBase: string;
}

export type Resolved =
  | { ok: true; profile?: string; endpoint?: string; regions: string[]; sandbox: boolean }
  | { ok: false; reason: 'noRegion'; profile?: string };

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
}

export class AwsConnection implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the profile, regions, endpoint or sandbox change. */
  readonly onDidChange = this.changed.event;
  private clients = new Map<string, AwsClients>();
  private sandbox: SandboxTarget | undefined;
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (['profile', 'regions', 'endpoint'].some((key) => event.affectsConfiguration(`zenmlAppRunner.${key}`))) this.reset();
    });
  }

  get sandboxTarget(): SandboxTarget | undefined {
    return this.sandbox;
  }

  useSandbox(target: SandboxTarget | undefined): void {
    this.sandbox = target;
    this.reset();
  }

  /**
   * Where this machine reaches a service's URL (`host` as App Runner reports it, no scheme):
   * `https://<host>` as on AWS, whatever the endpoint; only the Local Sandbox maps it to loopback.
   */
  serviceUrl(host: string): string {
    return this.sandbox ? `${this.sandbox.serviceUrlBase}${host}` : `https://${host}`;
  }

  /** Where calls go, from the settings alone (no AWS SDK, no file read): for the status bar. */
  describe(): { sandbox: boolean; profile?: string; endpoint?: string; regions: string[] } {
    if (this.sandbox) return { sandbox: true, endpoint: this.sandbox.endpoint, regions: this.sandbox.regions };
    const config = vscode.workspace.getConfiguration('zenmlAppRunner');
    const profile = nonEmpty(config.get<string>('profile'));
    const endpoint = nonEmpty(config.get<string>('endpoint'));
    const regions = (config.get<string[]>('regions') ?? []).filter((region) => region.trim() !== '');
    return { sandbox: false, ...(profile ? { profile } : {}), ...(endpoint ? { endpoint } : {}), regions };
  }

  /**
   * Makes the view list `region` (a deploy went there): the sandbox's regions for this session,
   * else the regions setting (user scope, as Select Regions writes it). False when it is listed.
   */
  async listRegion(region: string): Promise<boolean> {
    const resolved = await this.resolve();
    if (!resolved.ok || resolved.regions.includes(region)) return false;
    if (this.sandbox) {
      this.sandbox = { ...this.sandbox, regions: [...this.sandbox.regions, region] };
      this.changed.fire();
    } else {
      await vscode.workspace.getConfiguration('zenmlAppRunner').update('regions', [...resolved.regions, region], vscode.ConfigurationTarget.Global);
    }
    return true;
  }

  /** Profile, endpoint and regions in effect; the SDK's default region when none is configured. */
  async resolve(): Promise<Resolved> {
    if (this.sandbox) return { ok: true, endpoint: this.sandbox.endpoint, regions: this.sandbox.regions, sandbox: true };
    const config = vscode.workspace.getConfiguration('zenmlAppRunner');
    const profile = nonEmpty(config.get<string>('profile'));
    const endpoint = nonEmpty(config.get<string>('endpoint'));
    let regions = (config.get<string[]>('regions') ?? []).filter((region) => region.trim() !== '');
    if (regions.length === 0) {
      const fallback = await (await factory()).defaultRegion(profile);
      if (fallback === undefined) return { ok: false, reason: 'noRegion', ...(profile ? { profile } : {}) };
      regions = [fallback];
    }
    return { ok: true, ...(profile ? { profile } : {}), ...(endpoint ? { endpoint } : {}), regions, sandbox: false };
  }

  /** The clients for one region of the current target (made once, dropped on change). */
  async clientsFor(region: string, resolved: Extract<Resolved, { ok: true }>): Promise<AwsClients> {
    const existing = this.clients.get(region);
    if (existing) return existing;
    const made = await this.makeClients(region, resolved);
    // Another caller may have made them while this one waited for the SDK to load.
    const raced = this.clients.get(region);
    if (raced) {
      made.destroy();
      return raced;
    }
    this.clients.set(region, made);
    return made;
  }

  /** Clients for `region` of whatever target is in effect (commands acting on a tree node). */
  async clientsForRegion(region: string): Promise<AwsClients> {
    return this.clientsFor(region, await this.resolvedOrThrow());
  }

  /**
   * A set of clients the caller owns and destroys, for long-lived work such as a log follower:
   * a change of target must not cut it off mid-stream the way it drops the shared clients.
   */
  async ownClients(region: string): Promise<AwsClients> {
    return this.makeClients(region, await this.resolvedOrThrow());
  }

  private async resolvedOrThrow(): Promise<Extract<Resolved, { ok: true }>> {
    const resolved = await this.resolve();
    if (!resolved.ok) throw new Error('No AWS region is configured: run "ZenML App Runner: Select Regions".');
    return resolved;
  }

  private async makeClients(region: string, resolved: Extract<Resolved, { ok: true }>): Promise<AwsClients> {
    const target: AwsTarget = { region, ...(resolved.profile ? { profile: resolved.profile } : {}), ...(resolved.endpoint ? { endpoint: resolved.endpoint } : {}) };
    const options: AwsClientOptions = this.sandbox ? { credentials: this.sandbox.credentials } : {};
    return (await factory()).createAwsClients(target, options);
  }

  private reset(): void {
    for (const made of this.clients.values()) made.destroy();
    this.clients = new Map();
    this.changed.fire();
  }

  dispose(): void {
    this.subscription.dispose();
    for (const made of this.clients.values()) made.destroy();
    this.clients.clear();
    this.changed.dispose();
  }
}
