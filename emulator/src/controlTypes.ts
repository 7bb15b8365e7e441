// The request and response bodies of the control API (`/_emulator/...`), shared by the server
// side (control.ts) and the typed client (controlClient.ts).
import type { Quotas } from './state';

/** `deny` answers AccessDeniedException naming the IAM action, as AWS does for a missing permission. */
/**
 * `fail`: the call is accepted and its operation then fails as App Runner's can (DeleteService
 * leaves the service DELETE_FAILED, a deployment rolls back or ends CREATE_FAILED, a pause or
 * resume ends FAILED); the others fail the call itself.
 */
export type FaultKind = 'throttle' | 'error' | 'drop' | 'latency' | 'deny' | 'fail';

export interface FaultRequest {
  /** `*`, an operation name (`ListServices`) or a qualified one (`AppRunner.ListServices`). */
  operation: string;
  kind: FaultKind;
  /** Chance that a matching request is hit, 0..1 (default 1). */
  probability?: number;
  /** How many hits before the rule retires itself (default: unlimited). */
  count?: number;
  /** For `latency`: the delay added before the request is handled. */
  latencyMs?: number;
}

export interface FaultRule extends Required<Omit<FaultRequest, 'count' | 'latencyMs'>> {
  id: string;
  /** Remaining hits; undefined means unlimited. */
  count?: number;
  latencyMs?: number;
  hits: number;
}

export interface EmulatorSettingsPatch {
  provisioningMs?: number;
  appLogIntervalMs?: number;
  liveTailFlushMs?: number;
  liveTailSessionMs?: number;
  liveTailDenied?: string[];
  quotas?: Partial<Quotas>;
}

export interface SeedService {
  /** Default: `<namePrefix><index>`. */
  name?: string;
  /** Default RUNNING. */
  status?: 'RUNNING' | 'PAUSED' | 'CREATE_FAILED' | 'DELETE_FAILED';
  /** Default: a private ECR image of the emulated account, pulled with an access role. */
  image?: string;
  port?: string;
  cpu?: string;
  memory?: string;
  healthCheckPath?: string;
  environment?: Record<string, string>;
  tags?: Record<string, string>;
  /** The bearer key the stand-in application expects on POST /invoke. */
  authKey?: string;
}

export interface SeedServicesRequest {
  /** Default us-east-1. */
  region?: string;
  services?: SeedService[];
  /** Instead of (or on top of) `services`: this many services named `<namePrefix><n>`. */
  count?: number;
  namePrefix?: string;
  /** Seeded services bypass the services quota unless this is true. */
  enforceQuota?: boolean;
}

export interface SeededService {
  arn: string;
  name: string;
  id: string;
  url: string;
  status: string;
  /** Where the stand-in application answers on this emulator. */
  localUrl: string;
}

export interface AppendLogsRequest {
  region?: string;
  logGroupName: string;
  logStreamName: string;
  /** Explicit messages; otherwise `count` messages from `template` (`{n}` is the index). */
  messages?: string[];
  count?: number;
  template?: string;
  /** Timestamp of the first event (default now) and the step between events (default 0). */
  startTime?: number;
  stepMs?: number;
  /** With a rate the events are written over time by a generator instead of at once. */
  ratePerSecond?: number;
  /** How long a generator runs (default: until stopped or reset). */
  durationMs?: number;
}

export interface AppendLogsResponse {
  appended: number;
  generatorId?: string;
}

export interface StateDump {
  settings: Record<string, unknown>;
  regions: Record<string, RegionDump>;
}

export interface RegionDump {
  services: {
    arn: string;
    name: string;
    id: string;
    status: string;
    url: string;
    tags: Record<string, string>;
    autoScalingConfigurationArn: string;
    image?: string;
    operations: { id: string; type: string; status: string }[];
  }[];
  autoScalingConfigurations: { arn: string; name: string; revision: number; status: 'ACTIVE' | 'INACTIVE'; isDefault: boolean; inUse: boolean; tags: Record<string, string> }[];
  /** Values are never dumped. */
  secrets: { arn: string; name: string; scheduledForDeletion: boolean; versions: number; tags: Record<string, string> }[];
  logGroups: { name: string; streams: { name: string; events: number }[] }[];
}
