// The service settings a deploy controls, in one normalised shape for both what the file asks
// for (a CreateService input) and what App Runner reports (DescribeService), so comparing them
// finds real changes only (App Runner reports `1 vCPU` as `1024`, fills defaults, and so on).
import type { CreateServiceCommandInput, Service } from '@aws-sdk/client-apprunner';

export interface ServiceShape {
  source: Record<string, unknown>;
  instance: Record<string, unknown>;
  health: Record<string, unknown>;
  network: Record<string, unknown>;
  observability: Record<string, unknown>;
  scaling: Record<string, unknown>;
  encryption: Record<string, unknown>;
}

export type ShapeMember = keyof ServiceShape;

/** The UpdateService member that carries each part (encryption has none: KMS is fixed at creation). */
export const UPDATE_MEMBER: Record<Exclude<ShapeMember, 'encryption'>, string> = {
  source: 'SourceConfiguration',
  instance: 'InstanceConfiguration',
  health: 'HealthCheckConfiguration',
  network: 'NetworkConfiguration',
  observability: 'ObservabilityConfiguration',
  scaling: 'AutoScalingConfigurationArn',
};

function vcpu(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  return /vcpu/i.test(value) ? Number.parseFloat(value) : Number(value) / 1024;
}

function gigabytes(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  return /gb/i.test(value) ? Number.parseFloat(value) : Number(value) / 1024;
}

function sorted(map: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(map ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

type ServiceLike = Pick<
  CreateServiceCommandInput,
  'SourceConfiguration' | 'InstanceConfiguration' | 'HealthCheckConfiguration' | 'NetworkConfiguration' | 'ObservabilityConfiguration' | 'EncryptionConfiguration' | 'AutoScalingConfigurationArn'
>;

function shapeOf(service: ServiceLike): ServiceShape {
  const image = service.SourceConfiguration?.ImageRepository;
  const config = image?.ImageConfiguration;
  const health = service.HealthCheckConfiguration;
  const protocol = health?.Protocol ?? 'TCP';
  const observability = service.ObservabilityConfiguration;
  return {
    source: {
      image: image?.ImageIdentifier ?? '',
      repositoryType: image?.ImageRepositoryType ?? '',
      port: config?.Port ?? '8080',
      startCommand: config?.StartCommand ?? '',
      environment: sorted(config?.RuntimeEnvironmentVariables),
      secrets: sorted(config?.RuntimeEnvironmentSecrets),
      autoDeployments: service.SourceConfiguration?.AutoDeploymentsEnabled ?? false,
      accessRole: service.SourceConfiguration?.AuthenticationConfiguration?.AccessRoleArn ?? '',
    },
    instance: {
      cpu: vcpu(service.InstanceConfiguration?.Cpu) ?? 1,
      memory: gigabytes(service.InstanceConfiguration?.Memory) ?? 2,
      instanceRole: service.InstanceConfiguration?.InstanceRoleArn ?? '',
    },
    health: {
      protocol,
      path: protocol === 'HTTP' ? (health?.Path ?? '/') : '',
      interval: health?.Interval ?? 5,
      timeout: health?.Timeout ?? 2,
      healthyThreshold: health?.HealthyThreshold ?? 1,
      unhealthyThreshold: health?.UnhealthyThreshold ?? 5,
    },
    network: { publiclyAccessible: service.NetworkConfiguration?.IngressConfiguration?.IsPubliclyAccessible ?? true },
    observability: {
      enabled: observability?.ObservabilityEnabled ?? false,
      configuration: observability?.ObservabilityEnabled ? (observability.ObservabilityConfigurationArn ?? '') : '',
    },
    scaling: { arn: service.AutoScalingConfigurationArn ?? '' },
    encryption: { kmsKey: service.EncryptionConfiguration?.KmsKey ?? '' },
  };
}

export function desiredShape(input: CreateServiceCommandInput): ServiceShape {
  return shapeOf(input);
}

export function existingShape(service: Service): ServiceShape {
  return shapeOf({ ...service, AutoScalingConfigurationArn: service.AutoScalingConfigurationSummary?.AutoScalingConfigurationArn });
}

/** Leaf values by dotted path, e.g. `source.environment.LOG_LEVEL`. */
function flatten(value: unknown, path: string, into: Map<string, unknown>): Map<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, item] of Object.entries(value)) flatten(item, path ? `${path}.${key}` : key, into);
  } else into.set(path, value);
  return into;
}

export interface FieldChange {
  member: ShapeMember;
  path: string;
  before: unknown;
  after: unknown;
}

/** Every leaf that differs, member by member. */
export function compareShapes(before: ServiceShape, after: ServiceShape): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const member of Object.keys(after) as ShapeMember[]) {
    const old = flatten(before[member], member, new Map());
    const next = flatten(after[member], member, new Map());
    for (const path of new Set([...old.keys(), ...next.keys()])) {
      if (JSON.stringify(old.get(path)) !== JSON.stringify(next.get(path))) changes.push({ member, path, before: old.get(path), after: next.get(path) });
    }
  }
  return changes;
}
