// A typed client for the emulator's control API, for tests, benchmarks and the demo.
import type {
  AppendLogsRequest,
  AppendLogsResponse,
  EmulatorSettingsPatch,
  FaultRequest,
  FaultRule,
  SeededService,
  SeedServicesRequest,
  StateDump,
} from './controlTypes';
import type { RuntimeSettings } from './state';

export class ControlClient {
  /** @param emulatorUrl `http://HOST:PORT` of a running emulator. */
  constructor(readonly emulatorUrl: string) {}

  private async call<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.emulatorUrl}/_emulator/${path}`, {
      method,
      ...(body !== undefined ? { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`emulator control ${method} ${path}: HTTP ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  }

  async health(): Promise<boolean> {
    return (await this.call<{ ok: boolean }>('GET', 'health')).ok;
  }

  /** Deletes every resource in every region, stops log generators and clears faults. */
  async reset(): Promise<void> {
    await this.call('POST', 'reset');
  }

  /** Everything the emulator holds (secret values excluded): for orphan audits. */
  state(): Promise<StateDump> {
    return this.call('GET', 'state');
  }

  settings(): Promise<RuntimeSettings> {
    return this.call('GET', 'config');
  }

  configure(patch: EmulatorSettingsPatch): Promise<RuntimeSettings> {
    return this.call('POST', 'config', patch);
  }

  async seedServices(request: SeedServicesRequest): Promise<SeededService[]> {
    return (await this.call<{ services: SeededService[] }>('POST', 'services', request)).services;
  }

  appendLogs(request: AppendLogsRequest): Promise<AppendLogsResponse> {
    return this.call('POST', 'logs', request);
  }

  async stopLogGenerator(id: string): Promise<void> {
    await this.call('DELETE', `logs/generators/${encodeURIComponent(id)}`);
  }

  /** Drops every open Live Tail session's connection mid-stream; answers how many were open. */
  async dropLiveTailSessions(): Promise<number> {
    return (await this.call<{ dropped: number }>('POST', 'live-tail/drop')).dropped;
  }

  /** AWS requests received since the start (or the last `clearRequestCounts`), by target. */
  requestCounts(): Promise<{ total: number; byTarget: Record<string, number> }> {
    return this.call('GET', 'requests');
  }

  async clearRequestCounts(): Promise<void> {
    await this.call('DELETE', 'requests');
  }

  addFault(fault: FaultRequest): Promise<FaultRule> {
    return this.call('POST', 'faults', fault);
  }

  async faults(): Promise<FaultRule[]> {
    return (await this.call<{ faults: FaultRule[] }>('GET', 'faults')).faults;
  }

  async clearFaults(): Promise<void> {
    await this.call('DELETE', 'faults');
  }
}
