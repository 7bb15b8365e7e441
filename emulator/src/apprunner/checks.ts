// App Runner's rules that its API model cannot express: the 11 CPU/memory pairs (and the numeric
// form AWS stores them in), image repository types, the access role for private ECR, and the
// features the emulator does not implement (refused loudly rather than ignored).
import type { HealthCheckConfiguration, ImageRepository, InstanceConfiguration, NetworkConfiguration, ServiceObservabilityConfiguration, SourceConfiguration } from '@aws-sdk/client-apprunner';
import { AwsError } from '../protocol';
import type { ServiceConfig } from './records';

/** CPU units (1024 = 1 vCPU) and the memory sizes in MB each one allows. */
const VALID_PAIRS: ReadonlyMap<number, readonly number[]> = new Map([
  [256, [512, 1024]],
  [512, [1024]],
  [1024, [2048, 3072, 4096]],
  [2048, [4096, 6144]],
  [4096, [8192, 10240, 12288]],
]);

export const DEFAULT_CPU = '1024';
export const DEFAULT_MEMORY = '2048';

function invalid(message: string): AwsError {
  return new AwsError('InvalidRequestException', message);
}

/** `1 vCPU` -> 1024, `512` -> 512 (the model's pattern has already checked the form). */
function cpuUnits(cpu: string): number {
  return cpu.endsWith(' vCPU') ? Number(cpu.slice(0, -5)) * 1024 : Number(cpu);
}

function memoryMb(memory: string): number {
  return memory.endsWith(' GB') ? Number(memory.slice(0, -3)) * 1024 : Number(memory);
}

function vcpuText(units: number): string {
  return `${units / 1024} vCPU`;
}

function gbText(mb: number): string {
  return `${mb / 1024} GB`;
}

/** Checks the pair and returns it in the numeric form DescribeService reports (`1024`, `2048`). */
export function normaliseInstance(instance: InstanceConfiguration | undefined): ServiceConfig['instanceConfiguration'] {
  const cpu = cpuUnits(instance?.Cpu ?? DEFAULT_CPU);
  const memory = memoryMb(instance?.Memory ?? DEFAULT_MEMORY);
  const allowed = VALID_PAIRS.get(cpu);
  if (!allowed || !allowed.includes(memory)) {
    const choices = allowed ? allowed.map(gbText).join(', ') : 'none';
    throw invalid(`Cpu '${instance?.Cpu ?? DEFAULT_CPU}' and Memory '${instance?.Memory ?? DEFAULT_MEMORY}' are not a supported combination. With ${vcpuText(cpu)}, Memory must be one of: ${choices}.`);
  }
  return {
    Cpu: String(cpu),
    Memory: String(memory),
    ...(instance?.InstanceRoleArn !== undefined ? { InstanceRoleArn: instance.InstanceRoleArn } : {}),
  };
}

const PRIVATE_ECR = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com\//;

/** The account that owns a private ECR image, or undefined for ECR Public. */
export function imageAccount(identifier: string): string | undefined {
  return PRIVATE_ECR.exec(identifier)?.[1];
}

function checkImage(image: ImageRepository, accessRoleArn: string | undefined): void {
  const identifier = image.ImageIdentifier!;
  const isPublic = identifier.startsWith('public.ecr.aws/');
  if (image.ImageRepositoryType === 'ECR_PUBLIC' && !isPublic) {
    throw invalid(`ImageRepositoryType ECR_PUBLIC needs an Amazon ECR Public image (public.ecr.aws/...), not ${identifier}.`);
  }
  if (image.ImageRepositoryType === 'ECR' && isPublic) {
    throw invalid(`ImageRepositoryType ECR needs a private Amazon ECR image, not the ECR Public image ${identifier}.`);
  }
  if (image.ImageRepositoryType === 'ECR' && accessRoleArn === undefined) {
    throw invalid('Authentication configuration is invalid: an AccessRoleArn is required to pull images from a private Amazon ECR repository.');
  }
}

/** Validates a SourceConfiguration and fills AutoDeploymentsEnabled as AWS does. */
export function normaliseSource(source: SourceConfiguration, accountId: string): SourceConfiguration {
  if (source.CodeRepository) throw invalid('The emulator serves image repositories only (CodeRepository is not supported).');
  if (!source.ImageRepository) throw invalid('SourceConfiguration needs an ImageRepository.');
  if (source.AuthenticationConfiguration?.ConnectionArn !== undefined) {
    throw invalid('A ConnectionArn is only valid with a CodeRepository.');
  }
  const accessRoleArn = source.AuthenticationConfiguration?.AccessRoleArn;
  checkImage(source.ImageRepository, accessRoleArn);
  const sameAccountEcr = source.ImageRepository.ImageRepositoryType === 'ECR' && imageAccount(source.ImageRepository.ImageIdentifier!) === accountId;
  return {
    ImageRepository: {
      ImageIdentifier: source.ImageRepository.ImageIdentifier,
      ImageRepositoryType: source.ImageRepository.ImageRepositoryType,
      ImageConfiguration: { Port: '8080', ...source.ImageRepository.ImageConfiguration },
    },
    AutoDeploymentsEnabled: source.AutoDeploymentsEnabled ?? sameAccountEcr,
    ...(source.AuthenticationConfiguration ? { AuthenticationConfiguration: { ...source.AuthenticationConfiguration } } : {}),
  };
}

export function normaliseHealthCheck(check: HealthCheckConfiguration | undefined): Required<HealthCheckConfiguration> {
  return {
    Protocol: check?.Protocol ?? 'TCP',
    Path: check?.Path ?? '/',
    Interval: check?.Interval ?? 5,
    Timeout: check?.Timeout ?? 2,
    HealthyThreshold: check?.HealthyThreshold ?? 1,
    UnhealthyThreshold: check?.UnhealthyThreshold ?? 5,
  };
}

export function normaliseNetwork(network: NetworkConfiguration | undefined): NetworkConfiguration {
  const egress = network?.EgressConfiguration;
  if (egress?.EgressType === 'VPC' || egress?.VpcConnectorArn !== undefined) {
    throw invalid('The emulator has no VPC connectors: EgressType must be DEFAULT.');
  }
  return {
    EgressConfiguration: { EgressType: 'DEFAULT' },
    IngressConfiguration: { IsPubliclyAccessible: network?.IngressConfiguration?.IsPubliclyAccessible ?? true },
    IpAddressType: network?.IpAddressType ?? 'IPV4',
  };
}

export function normaliseObservability(observability: ServiceObservabilityConfiguration | undefined): ServiceObservabilityConfiguration {
  if (observability?.ObservabilityEnabled === true || observability?.ObservabilityConfigurationArn !== undefined) {
    throw invalid('The emulator has no observability configurations: ObservabilityEnabled must be false.');
  }
  return { ObservabilityEnabled: false };
}

const MAX_TAGS = 50;

/** Tags as an ordered map; AWS allows 50 per resource. */
export function mergeTags(existing: Record<string, string>, tags: readonly { Key?: string; Value?: string }[]): Record<string, string> {
  const merged = { ...existing };
  for (const tag of tags) {
    if (tag.Key === undefined) throw invalid('A tag needs a Key.');
    merged[tag.Key] = tag.Value ?? '';
  }
  if (Object.keys(merged).length > MAX_TAGS) throw invalid(`A resource can have at most ${MAX_TAGS} tags.`);
  return merged;
}
