// The settings of one `zenml.deployer.yaml` document as typed values, with ZenML's defaults
// filled in from the schema, and what App Runner will actually get for size and scaling.
import { parseMemory } from './memory';
import {
  matchResources,
  pairsFromCombinations,
  type MatchOutcome,
  type ResourceRequest,
} from './resourceMatching';
import { defaultOf, factsAt, isPlainObject, knownKeys, matchesSchemaType, schemaDefault, type SettingFacts } from './schemaFacts';

/** The two spellings ZenML accepts for the deployer block; `deployer` wins when both appear. */
/** The two spellings ZenML accepts for the deployer settings block. */
export const DEPLOYER_BLOCK_KEYS = ['deployer', 'deployer.aws'] as const;
export type DeployerBlockKey = (typeof DEPLOYER_BLOCK_KEYS)[number];

/** The block a file's settings use: `deployer` wins when both are written. */
export function activeDeployerKey(isWritten: (key: DeployerBlockKey) => boolean): DeployerBlockKey | undefined {
  return DEPLOYER_BLOCK_KEYS.find(isWritten);
}

/** `deployment`: what a direct deploy needs. Keys as in the file. */
export interface DeploymentSettings {
  name?: string;
  image?: string;
  port: number;
  start_command: string | null;
  health_path: string;
  /** Secret name → `${env:NAME}` reference (never a value). */
  secrets: Record<string, string>;
}

export type HealthCheckProtocol = 'TCP' | 'HTTP';

/** ZenML's `AWSDeployerSettings` plus the base deployer settings. Keys as in the file. */
export interface AWSDeployerSettings {
  auth_key: string | null;
  generate_auth_key: boolean;
  lcm_timeout: number;
  region: string | null;
  service_name_prefix: string;
  health_check_protocol: HealthCheckProtocol;
  health_check_interval_seconds: number;
  health_check_timeout_seconds: number;
  health_check_healthy_threshold: number;
  health_check_unhealthy_threshold: number;
  health_check_grace_period_seconds: number;
  is_publicly_accessible: boolean;
  ingress_vpc_configuration: string | null;
  environment_variables: Record<string, string>;
  tags: Record<string, string>;
  use_secrets_manager: boolean;
  secret_name_prefix: string;
  instance_role_arn: string | null;
  access_role_arn: string | null;
  observability_configuration_arn: string | null;
  encryption_kms_key: string | null;
  traffic_allocation: Record<string, number>;
  strict_resource_matching: boolean;
  /** `[vCPU, GB]` pairs the deployer may choose from (default: App Runner's 11). Never empty. */
  resource_combinations: [number, number][];
  /** Deprecated; present only when the file sets it (no default is filled in). */
  port?: number;
  /** Deprecated; present only when the file sets it (no default is filled in). */
  health_check_path?: string;
}

export type AutoscalingMetric = 'cpu' | 'memory' | 'concurrency' | 'rps';

/** ZenML's `ResourceSettings`; ZenML has no defaults for them, so absent stays absent. */
export interface ResourceSettings {
  cpu_count?: number;
  memory?: string;
  min_replicas?: number;
  max_replicas?: number;
  max_concurrency?: number;
  gpu_count?: number;
  autoscaling_metric?: AutoscalingMetric;
  autoscaling_target?: number;
}

export interface DeployerFile {
  deployment: DeploymentSettings;
  deployer: AWSDeployerSettings;
  /** Which spelling the file uses for the deployer block; `undefined` when it has none. */
  deployerKey: DeployerBlockKey | undefined;
  resources: ResourceSettings;
  /** Deployer keys the file sets with a usable value (the rest are defaults). */
  explicitDeployerKeys: ReadonlySet<string>;
}

const DEPLOYER_FACTS_PATH = ['settings', 'deployer'] as const;

/**
 * Reads a parsed document (a plain JS value) into typed settings. Values of the wrong type or
 * outside an enum are dropped (diagnostics report them separately); deployer and deployment
 * settings fall back to the schema defaults; resource settings stay absent when unset.
 */
export function resolveSettings(json: unknown): DeployerFile {
  const root = isPlainObject(json) ? json : {};
  const settings = isPlainObject(root.settings) ? root.settings : {};
  const deployerKey = activeDeployerKey((key) => settings[key] !== undefined);
  const deployerBlock = deployerKey !== undefined && isPlainObject(settings[deployerKey]) ? settings[deployerKey] : {};
  const deployer = readBlock(deployerBlock, DEPLOYER_FACTS_PATH, true);
  const explicitDeployerKeys = new Set(Object.keys(deployer.explicit));
  const combinations = deployer.values.resource_combinations;
  if (!Array.isArray(combinations) || combinations.length === 0) {
    deployer.values.resource_combinations = schemaDefault([...DEPLOYER_FACTS_PATH, 'resource_combinations']);
    explicitDeployerKeys.delete('resource_combinations');
  }
  return {
    deployment: readBlock(root.deployment, ['deployment'], true).values as unknown as DeploymentSettings,
    deployer: deployer.values as unknown as AWSDeployerSettings,
    deployerKey,
    resources: readBlock(settings.resources, ['settings', 'resources'], false).values,
    explicitDeployerKeys,
  };
}

interface ReadBlock {
  values: Record<string, unknown>;
  explicit: Record<string, true>;
}

interface KeyFacts {
  key: string;
  facts: SettingFacts;
  /** For maps: the type every entry's value must have. */
  entryType: SettingFacts['type'];
}

const blockFacts = new Map<string, readonly KeyFacts[]>();

/** The facts of every key of the block at `path`, looked up once per block. */
function keyFactsOf(path: readonly string[]): readonly KeyFacts[] {
  const cacheKey = path.join('\u0000');
  let list = blockFacts.get(cacheKey);
  if (!list) {
    list = knownKeys(path).flatMap((key) => {
      const facts = factsAt([...path, key]);
      return facts ? [{ key, facts, entryType: facts.isMap ? factsAt([...path, key, '*'])?.type : undefined }] : [];
    });
    blockFacts.set(cacheKey, list);
  }
  return list;
}

function readBlock(block: unknown, path: readonly string[], fillDefaults: boolean): ReadBlock {
  const source = isPlainObject(block) ? block : {};
  const values: Record<string, unknown> = {};
  const explicit: Record<string, true> = {};
  for (const { key, facts, entryType } of keyFactsOf(path)) {
    const value = source[key];
    if (facts.isMap && isPlainObject(value)) {
      lazyMap(values, key, value, entryType);
      explicit[key] = true;
      continue;
    }
    const usable = usableValue(value, facts);
    if (usable !== undefined) {
      values[key] = usable;
      explicit[key] = true;
    } else if (fillDefaults && !facts.deprecated && facts.default !== undefined) {
      values[key] = defaultOf(facts);
    }
  }
  return { values, explicit };
}

/**
 * `values[key]`: the entries of `map` whose values have the schema's type, filtered on first
 * read. Maps can hold thousands of entries and the editor's checks read them from the
 * document, so a validation pass need not copy them.
 */
function lazyMap(values: Record<string, unknown>, key: string, map: Record<string, unknown>, entryType: SettingFacts['type']): void {
  Object.defineProperty(values, key, {
    enumerable: true,
    configurable: true,
    get() {
      const usable = Object.fromEntries(Object.entries(map).filter(([, item]) => matchesSchemaType(item, entryType)));
      Object.defineProperty(values, key, { value: usable, enumerable: true, configurable: true, writable: true });
      return usable;
    },
  });
}

/** The value if it fits the schema's type and enum (lists filtered item by item). */
function usableValue(value: unknown, facts: SettingFacts): unknown {
  if (value === undefined || !matchesSchemaType(value, facts.type)) return undefined;
  if (facts.enum && !facts.enum.includes(value)) return undefined;
  if (Array.isArray(value)) {
    // resource_combinations: keep the [cpu, memory] pairs of two positive numbers.
    return value.filter(
      (item): item is [number, number] =>
        Array.isArray(item) && item.length === 2 && item.every((n) => typeof n === 'number' && Number.isFinite(n) && n > 0),
    ).map(([cpu, memory]) => [cpu, memory]);
  }
  return value;
}

export interface EffectiveScaling {
  /** App Runner `MinSize`. */
  minSize: number;
  /** App Runner `MaxSize`. */
  maxSize: number;
  /** App Runner `MaxConcurrency`. */
  maxConcurrency: number;
  /** Where the values differ from what the file says, one sentence each. */
  notes: string[];
}

function resourceFacts(key: string): SettingFacts {
  const facts = factsAt(['settings', 'resources', key]);
  if (facts?.deployerDefault === undefined || facts.appRunnerMaximum === undefined) {
    throw new Error(`The schema lacks x-deployerDefault/x-appRunnerMaximum for resources.${key}`);
  }
  return facts;
}

function requireNumber(value: number | undefined): number {
  if (value === undefined) throw new Error('missing schema number');
  return value;
}

/**
 * The auto-scaling configuration for the resource settings: ZenML's rules (min at least 1,
 * default 1; max default 25; concurrency default 100), except that we never send values
 * App Runner rejects: `max_replicas: 0` ("no limit") becomes the default account quota of 25
 * instead of ZenML's 1000, and concurrency is capped at 200 instead of 1000.
 */
export function effectiveScaling(resources: ResourceSettings): EffectiveScaling {
  const notes: string[] = [];
  const minFacts = resourceFacts('min_replicas');
  const maxFacts = resourceFacts('max_replicas');
  const concurrencyFacts = resourceFacts('max_concurrency');
  const minDefault = requireNumber(minFacts.deployerDefault);
  const minLimit = requireNumber(minFacts.appRunnerMaximum);
  const maxDefault = requireNumber(maxFacts.deployerDefault);
  const quota = requireNumber(maxFacts.appRunnerMaximum);
  const concurrencyDefault = requireNumber(concurrencyFacts.deployerDefault);
  const concurrencyLimit = requireNumber(concurrencyFacts.appRunnerMaximum);

  const { min_replicas: min, max_replicas: max, max_concurrency: concurrency } = resources;
  let minSize = minDefault;
  if (min !== undefined && min >= 0) {
    minSize = Math.max(1, min);
    if (min === 0) notes.push('min_replicas 0 becomes 1: App Runner always keeps at least one instance provisioned.');
    if (minSize > minLimit) {
      notes.push(`min_replicas ${min} is above App Runner's limit of ${minLimit}; using ${minLimit}.`);
      minSize = minLimit;
    }
  } else if (min !== undefined) {
    notes.push(`min_replicas ${min} is negative and is ignored; using ${minDefault}.`);
  }

  let maxSize = maxDefault;
  if (max === 0) {
    maxSize = quota;
    notes.push(
      `max_replicas 0 means "no limit": ZenML would ask App Runner for 1000 instances, which it rejects; using the default account quota of ${quota}.`,
    );
  } else if (max !== undefined && max > 0) {
    maxSize = max;
    if (max > quota) notes.push(`max_replicas ${max} is above App Runner's default quota of ${quota} instances; the deploy fails unless your account's quota was raised.`);
  } else if (max !== undefined) {
    notes.push(`max_replicas ${max} is negative and is ignored; using ${maxDefault}.`);
  }
  if (minSize > maxSize) {
    notes.push(`min_replicas (${minSize}) is above max_replicas (${maxSize}), which ZenML rejects; using ${minSize} for both.`);
    maxSize = minSize;
  }

  let maxConcurrency = concurrencyDefault;
  if (concurrency !== undefined && concurrency >= 1) {
    maxConcurrency = Math.min(concurrency, concurrencyLimit);
    if (concurrency > concurrencyLimit) {
      notes.push(`max_concurrency ${concurrency} is above App Runner's limit of ${concurrencyLimit}; using ${concurrencyLimit}.`);
    }
  } else if (concurrency !== undefined) {
    notes.push(`max_concurrency ${concurrency} is below 1 and is ignored; using ${concurrencyDefault}.`);
  }
  return { minSize, maxSize, maxConcurrency, notes };
}

/** The request `settings.resources` makes: cpu_count and memory in GB, when set and valid. */
export function resourceRequest(resources: ResourceSettings): ResourceRequest {
  const request: ResourceRequest = {};
  if (resources.cpu_count !== undefined && resources.cpu_count > 0) request.cpu = resources.cpu_count;
  if (resources.memory !== undefined) {
    const parsed = parseMemory(resources.memory);
    if (parsed.ok) request.memoryGb = parsed.gigabytes;
  }
  return request;
}

/** The CPU/memory pair ZenML deploys for the file (from `resource_combinations` when set). */
export function effectiveResources(file: DeployerFile): MatchOutcome & { request: ResourceRequest } {
  const request = resourceRequest(file.resources);
  const outcome = matchResources(request, pairsFromCombinations(file.deployer.resource_combinations));
  return { ...outcome, request };
}
