// What a deployment should look like in AWS, computed from the validated settings alone: names
// and tags by ZenML's conventions, the secret's content, the scaling values and the exact
// CreateService input. Pure: no AWS call, so every problem is found before anything changes.
import type { CreateServiceCommandInput } from '@aws-sdk/client-apprunner';
import { autoScalingConfigurationNameFor, secretNameFor, serviceNameFor, zenmlTags } from '../domain/naming';
import type { ResourcePair } from '../domain/resourceMatching';
import { formatCpu, formatMemoryGb } from '../domain/resourceFormat';
import { effectiveResources, effectiveScaling, type DeployerFile } from '../domain/settingsModel';
import { DeployInputError } from './types';

/** The environment variable ZenML's server reads its bearer key from. */
export const AUTH_KEY_ENV = 'ZENML_DEPLOYMENT_AUTH_KEY';
/**
 * Our bookkeeping tag on the service: the scaling values of the revision it uses, so a redeploy
 * knows them without another read. Trusted only while the revision it names is the one in use.
 */
export const SCALING_TAG = 'zenml-apprunner-scaling';
export const DEPLOYER_NAME = 'zenml-apprunner';

export interface ScalingValues {
  MinSize: number;
  MaxSize: number;
  MaxConcurrency: number;
}

export interface DesiredDeployment {
  deploymentName: string;
  deploymentId: string;
  region: string;
  serviceName: string;
  /** Undefined when nothing goes to Secrets Manager. */
  secretName: string | undefined;
  /** The secret's JSON object (values resolved; never printed). */
  secretValues: Record<string, string> | undefined;
  scalingName: string;
  scaling: ScalingValues;
  tags: Record<string, string>;
  size: ResourcePair;
  /** CreateService's input, with `SECRET_ARN` and `SCALING_ARN` where the ARNs go. */
  service: CreateServiceCommandInput;
  /** Values to hide wherever the input is shown (plain secret env vars when Secrets Manager is off). */
  secretEnvNames: string[];
  healthPath: string | undefined;
  isPublic: boolean;
  lcmTimeoutMs: number;
  /** Things worth knowing about what will be deployed, one sentence each. */
  notes: string[];
}

/** Stand-ins replaced by real ARNs (or plan placeholders) once known. */
export const SECRET_ARN = '@@SECRET_ARN@@';
export const SCALING_ARN = '@@SCALING_ARN@@';

export interface DesiredInputs {
  file: DeployerFile;
  region: string;
  deploymentId: string;
  env: Readonly<Record<string, string | undefined>>;
  /** The auth key the deployment already has (kept across deploys). */
  existingAuthKey?: string;
  newAuthKey(): string;
}

function nameOrThrow(result: ReturnType<typeof serviceNameFor>, what: string): string {
  if (!result.ok) throw new DeployInputError(`No valid ${what} can be built: ${result.reason}`);
  return result.name;
}

function repositoryType(image: string): 'ECR' | 'ECR_PUBLIC' {
  if (image.startsWith('public.ecr.aws/')) return 'ECR_PUBLIC';
  if (/^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//.test(image)) return 'ECR';
  throw new DeployInputError(`The image "${image}" is not in Amazon ECR or ECR Public, the only registries App Runner pulls from: push it to ECR first.`);
}

/** `${env:NAME}` references resolved; every missing variable named in one error. */
function resolveSecrets(secrets: Record<string, string>, env: DesiredInputs['env']): Record<string, string> {
  const resolved: Record<string, string> = {};
  const missing: string[] = [];
  for (const [key, reference] of Object.entries(secrets)) {
    const name = /^\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(reference)?.[1];
    if (name === undefined) throw new DeployInputError(`deployment.secrets.${key} must be a \${env:NAME} reference, not a value.`);
    const value = env[name];
    if (value === undefined || value === '') missing.push(`${name} (for ${key})`);
    else resolved[key] = value;
  }
  if (missing.length > 0) {
    throw new DeployInputError(`Environment variable${missing.length > 1 ? 's' : ''} not set: ${missing.join(', ')}. Export ${missing.length > 1 ? 'them' : 'it'} before deploying; the values go to Secrets Manager, never into the file.`);
  }
  return resolved;
}

function withoutEmpty<T extends object>(value: T): T | undefined {
  return Object.keys(value).length > 0 ? value : undefined;
}

export function desiredDeployment(inputs: DesiredInputs): DesiredDeployment {
  const { file, region, deploymentId } = inputs;
  const { deployment, deployer } = file;
  const deploymentName = deployment.name ?? '';
  const image = deployment.image ?? '';
  const notes: string[] = [];
  const serviceName = nameOrThrow(serviceNameFor(deployer.service_name_prefix, deploymentName, deploymentId), 'App Runner service name');
  const scalingName = nameOrThrow(autoScalingConfigurationNameFor(deploymentName, deploymentId), 'auto scaling configuration name');

  const sized = effectiveResources(file);
  if (sized.kind === 'fallback') throw new DeployInputError('The requested CPU/memory is larger than any App Runner size (4 vCPU / 12 GB): lower cpu_count or memory.');
  const scalingSettings = effectiveScaling(file.resources);
  notes.push(...scalingSettings.notes);

  const secretValues = resolveSecrets(deployment.secrets ?? {}, inputs.env);
  const authKey = deployer.auth_key ?? (deployer.generate_auth_key ? (inputs.existingAuthKey ?? inputs.newAuthKey()) : undefined);
  if (authKey !== undefined) secretValues[AUTH_KEY_ENV] = authKey;
  const hasSecrets = Object.keys(secretValues).length > 0;
  const useSecretsManager = deployer.use_secrets_manager && hasSecrets;

  const plainEnv: Record<string, string> = { ...deployer.environment_variables };
  const secretRefs: Record<string, string> = {};
  for (const key of Object.keys(secretValues)) {
    if (key in plainEnv) notes.push(`environment_variables.${key} is also a secret; the secret wins.`);
    if (useSecretsManager) {
      delete plainEnv[key];
      secretRefs[key] = `${SECRET_ARN}:${key}::`;
    } else plainEnv[key] = secretValues[key];
  }
  if (hasSecrets && !deployer.use_secrets_manager) notes.push('use_secrets_manager is off: secret values are set as plain environment variables of the service.');

  const ids = { deploymentId, deploymentName, deployerName: DEPLOYER_NAME, deployerId: DEPLOYER_NAME };
  const tags = zenmlTags(deployer.tags, ids);
  const isHttp = deployer.health_check_protocol === 'HTTP';
  const healthPath = isHttp ? (deployer.health_check_path ?? deployment.health_path) : undefined;
  const port = deployer.port ?? deployment.port;
  const isPublic = deployer.is_publicly_accessible;
  if (!isPublic && deployer.ingress_vpc_configuration) {
    notes.push('The service is private: create its VPC ingress connection (ingress_vpc_configuration) separately; this deploy does not.');
  }
  const traffic = Object.entries(deployer.traffic_allocation);
  if (!(traffic.length === 1 && traffic[0][0] === 'LATEST' && traffic[0][1] === 100)) notes.push('traffic_allocation is ignored: App Runner sends all traffic to the latest deployment.');

  const service: CreateServiceCommandInput = {
    ServiceName: serviceName,
    SourceConfiguration: {
      ImageRepository: {
        ImageIdentifier: image,
        ImageRepositoryType: repositoryType(image),
        ImageConfiguration: {
          Port: String(port),
          ...(deployment.start_command ? { StartCommand: deployment.start_command } : {}),
          ...(withoutEmpty(plainEnv) ? { RuntimeEnvironmentVariables: plainEnv } : {}),
          ...(withoutEmpty(secretRefs) ? { RuntimeEnvironmentSecrets: secretRefs } : {}),
        },
      },
      AutoDeploymentsEnabled: false,
      ...(deployer.access_role_arn ? { AuthenticationConfiguration: { AccessRoleArn: deployer.access_role_arn } } : {}),
    },
    InstanceConfiguration: {
      Cpu: formatCpu(sized.pair.cpu),
      Memory: formatMemoryGb(sized.pair.memoryGb),
      ...(deployer.instance_role_arn ? { InstanceRoleArn: deployer.instance_role_arn } : {}),
    },
    HealthCheckConfiguration: {
      Protocol: deployer.health_check_protocol,
      ...(healthPath !== undefined ? { Path: healthPath } : {}),
      Interval: deployer.health_check_interval_seconds,
      Timeout: deployer.health_check_timeout_seconds,
      HealthyThreshold: deployer.health_check_healthy_threshold,
      UnhealthyThreshold: deployer.health_check_unhealthy_threshold,
    },
    NetworkConfiguration: { IngressConfiguration: { IsPubliclyAccessible: isPublic } },
    AutoScalingConfigurationArn: SCALING_ARN,
    ...(deployer.encryption_kms_key ? { EncryptionConfiguration: { KmsKey: deployer.encryption_kms_key } } : {}),
    ...(deployer.observability_configuration_arn
      ? { ObservabilityConfiguration: { ObservabilityEnabled: true, ObservabilityConfigurationArn: deployer.observability_configuration_arn } }
      : {}),
  };
  return {
    deploymentName,
    deploymentId,
    region,
    serviceName,
    secretName: useSecretsManager ? nameOrThrow(secretNameFor(deployer.secret_name_prefix, deploymentName, deploymentId), 'secret name') : undefined,
    secretValues: useSecretsManager ? secretValues : undefined,
    scalingName,
    scaling: { MinSize: scalingSettings.minSize, MaxSize: scalingSettings.maxSize, MaxConcurrency: scalingSettings.maxConcurrency },
    tags,
    size: sized.pair,
    service,
    secretEnvNames: useSecretsManager ? [] : Object.keys(secretValues),
    healthPath,
    isPublic,
    lcmTimeoutMs: deployer.lcm_timeout * 1000,
    notes,
  };
}

/** `min=1 max=10 concurrency=80 revision=3`: the bookkeeping tag's value. */
export function scalingTagValue(scaling: ScalingValues, revision: number | string): string {
  return `min=${scaling.MinSize} max=${scaling.MaxSize} concurrency=${scaling.MaxConcurrency} revision=${revision}`;
}

export function parseScalingTag(value: string | undefined): (ScalingValues & { revision: number }) | undefined {
  const match = /^min=(\d+) max=(\d+) concurrency=(\d+) revision=(\d+)$/.exec(value ?? '');
  if (!match) return undefined;
  return { MinSize: Number(match[1]), MaxSize: Number(match[2]), MaxConcurrency: Number(match[3]), revision: Number(match[4]) };
}
