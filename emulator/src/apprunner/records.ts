// What the emulator stores about App Runner resources. Plain JSON-compatible data, so that
// `--state FILE` can save and restore it and the control API can dump it.
import type {
  HealthCheckConfiguration,
  InstanceConfiguration,
  NetworkConfiguration,
  OperationStatus,
  OperationType,
  ServiceObservabilityConfiguration,
  ServiceStatus,
  SourceConfiguration,
} from '@aws-sdk/client-apprunner';

/** The part of a service that UpdateService can change and a deployment rolls out. */
export interface ServiceConfig {
  sourceConfiguration: SourceConfiguration;
  instanceConfiguration: InstanceConfiguration & { Cpu: string; Memory: string };
  healthCheckConfiguration: Required<HealthCheckConfiguration>;
  networkConfiguration: NetworkConfiguration;
  observabilityConfiguration: ServiceObservabilityConfiguration;
  autoScalingConfigurationArn: string;
}

export interface OperationRecord {
  id: string;
  type: OperationType;
  status: OperationStatus;
  targetArn: string;
  startedAt: number;
  updatedAt: number;
  endedAt?: number;
  /** Emulator-only: what the operation does when its time is up. */
  plan: {
    /** The configuration an UPDATE_SERVICE/CREATE_SERVICE rolls out. */
    nextConfig?: ServiceConfig;
    /** The status the service returns to if the operation fails and rolls back. */
    previousStatus: ServiceStatus;
    inProgressAt: number;
    completesAt: number;
    /** Injected (`fail` fault): the operation fails when its time is up. */
    fails?: boolean;
  };
}

export interface ServiceRecord {
  /** Creation order, used for stable pagination. */
  seq: number;
  arn: string;
  name: string;
  id: string;
  region: string;
  /** ServiceUrl: a host name, no scheme. */
  url: string;
  status: ServiceStatus;
  createdAt: number;
  updatedAt: number;
  deletedAt?: number;
  config: ServiceConfig;
  kmsKey?: string;
  tags: Record<string, string>;
  /** Newest last. */
  operations: OperationRecord[];
  /** Whether the stand-in application answers on the service URL. */
  serving: boolean;
  /** The application log stream of the instance currently serving (`instance/<id>`). */
  instanceId: string;
  /** Emulator-only: an auth key set through the control API, overriding the environment. */
  authKeyOverride?: string;
  invocations: number;
}

export interface AutoScalingRecord {
  arn: string;
  name: string;
  revision: number;
  maxConcurrency: number;
  minSize: number;
  maxSize: number;
  createdAt: number;
  deletedAt?: number;
  isDefault: boolean;
  tags: Record<string, string>;
}
