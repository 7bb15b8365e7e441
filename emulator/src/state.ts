// All emulated resources, per region, plus the emulator's runtime settings and its timers.
import { EventEmitter } from 'node:events';
import type { AutoScalingRecord, ServiceRecord } from './apprunner/records';
import { MetricStore } from './cloudwatch/metricStore';
import type { LogEventRecord, LogGroupRecord } from './logs/records';
import type { SecretRecord } from './secrets/records';

export interface Quotas {
  /** App Runner services per region (CREATE_FAILED ones count). AWS default: 30. */
  services: number;
  /** Distinct auto-scaling configuration names per region. AWS default: 10. */
  autoScalingNames: number;
  /** Revisions per auto-scaling configuration name. AWS default: 5. */
  autoScalingRevisions: number;
  /** Largest MaxSize an auto-scaling configuration may ask for (instances per service). AWS default: 25. */
  maxInstances: number;
}

export interface RuntimeSettings {
  accountId: string;
  /** How long an App Runner operation stays in progress. */
  provisioningMs: number;
  /** How often a RUNNING service with an HTTP health check logs the check (0: never). */
  appLogIntervalMs: number;
  /** How often a Live Tail session sends a sessionUpdate. */
  liveTailFlushMs: number;
  /** How long a Live Tail session lasts before SessionTimeoutException (AWS: 3 hours). */
  liveTailSessionMs: number;
  /** Access key ids refused StartLiveTail (AccessDeniedException). */
  liveTailDenied: string[];
  quotas: Quotas;
}

export const DEFAULT_QUOTAS: Quotas = { services: 30, autoScalingNames: 10, autoScalingRevisions: 5, maxInstances: 25 };

export interface RegionState {
  readonly name: string;
  /** By ARN, in creation order. */
  readonly services: Map<string, ServiceRecord>;
  /** By ARN, in creation order. */
  readonly autoScaling: Map<string, AutoScalingRecord>;
  /** By ARN, in creation order. */
  readonly secrets: Map<string, SecretRecord>;
  /** By name. */
  readonly logGroups: Map<string, LogGroupRecord>;
}

export interface LogAppend {
  region: string;
  group: string;
  stream: string;
  events: readonly LogEventRecord[];
}

export class EmulatorState {
  readonly regions = new Map<string, RegionState>();
  /** Emits `append` (LogAppend) after events are stored, and `change` after any mutation. */
  readonly events = new EventEmitter();
  /** What App Runner publishes to CloudWatch metrics, from the traffic the services really get. */
  readonly metrics = new MetricStore();
  private nextSeq = 1;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(readonly settings: RuntimeSettings) {
    this.events.setMaxListeners(0);
  }

  region(name: string): RegionState {
    let region = this.regions.get(name);
    if (!region) {
      region = { name, services: new Map(), autoScaling: new Map(), secrets: new Map(), logGroups: new Map() };
      this.regions.set(name, region);
    }
    return region;
  }

  /** A strictly increasing number: creation order of services, ingestion order of log events. */
  seq(): number {
    return this.nextSeq++;
  }

  /** The last number handed out (saved with the state). */
  get lastSeq(): number {
    return this.nextSeq - 1;
  }

  /** Restores the counter after loading saved state. */
  bumpSeq(atLeast: number): void {
    this.nextSeq = Math.max(this.nextSeq, atLeast + 1);
  }

  changed(): void {
    this.events.emit('change');
  }

  /** A timer that `clearTimers()` cancels (on reset and stop). */
  schedule(delayMs: number, task: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      task();
    }, Math.max(0, delayMs));
    this.timers.add(timer);
  }

  clearTimers(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  reset(): void {
    this.clearTimers();
    this.regions.clear();
    this.metrics.clear();
    this.changed();
  }
}
