// AWS resource names and tags for a deployment, following ZenML's conventions so services that
// ZenML created and services we create look the same.
import { createHash } from 'node:crypto';

export interface SanitizeOptions {
  /** Longest allowed result, suffix included. */
  maxLength: number;
  /** Characters allowed besides `[A-Za-z0-9]`; the first one replaces everything else. */
  extras: string;
  /** Appended after the first extra; ZenML uses the first 8 characters of the deployment id. */
  suffix: string;
}

export type SanitizedName = { ok: true; name: string; truncated: boolean } | { ok: false; reason: string };

const EDGES = /^[^a-zA-Z0-9]+|[^a-zA-Z0-9]+$/gu;

function escapeForClass(chars: string): string {
  return chars.replace(/[\\\]^-]/g, '\\$&');
}

/**
 * ZenML's name sanitising: replace every character outside `[A-Za-z0-9]` and `extras` with the
 * first extra; collapse runs of the same extra; trim non-alphanumerics at both ends; truncate so
 * that the separator and the suffix fit `maxLength`; trim again; fail when nothing is left;
 * append `<first extra><suffix>`.
 */
export function sanitizeName(name: string, options: SanitizeOptions): SanitizedName {
  const { maxLength, extras, suffix } = options;
  if (extras.length === 0) return { ok: false, reason: 'No separator character was given.' };
  if (!/^[a-zA-Z0-9]{4,}$/.test(suffix)) {
    return { ok: false, reason: `The suffix "${suffix}" must be at least 4 letters or digits.` };
  }
  const separator = extras[0];
  let sanitized = name.replace(new RegExp(`[^a-zA-Z0-9${escapeForClass(extras)}]`, 'gu'), separator);
  for (const char of new Set(extras)) {
    sanitized = sanitized.replace(new RegExp(`[${escapeForClass(char)}]+`, 'gu'), char);
  }
  sanitized = sanitized.replace(EDGES, '');
  const maxBaseLength = maxLength - suffix.length - 1;
  let truncated = false;
  if (sanitized.length > maxBaseLength) {
    // Python's `s[:n]`, negative n included (only reachable with a tiny maxLength).
    sanitized = sanitized.slice(0, maxBaseLength);
    truncated = true;
    sanitized = sanitized.replace(EDGES, '');
  }
  if (sanitized.length === 0) {
    return { ok: false, reason: `"${name}" has no letter or digit to build a name from.` };
  }
  return { ok: true, name: `${sanitized}${separator}${suffix}`, truncated };
}

/**
 * The id of a deployment this tool creates: a name-based UUID (version 5) of its region and name.
 * Because the id decides the service, secret and scaling names, two deploys of one new deployment
 * started at once ask App Runner for the same service name, and the second is refused instead of
 * making a duplicate. ZenML's own deployments keep the random id ZenML gave them (read from tags).
 */
export function deploymentIdFor(region: string, deploymentName: string): string {
  const bytes = createHash('sha1').update(DEPLOYMENT_ID_NAMESPACE).update(`${region}/${deploymentName}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** This project's namespace UUID (fixed), so name-based ids of other tools never equal ours. */
const DEPLOYMENT_ID_NAMESPACE = Buffer.from('6f1c1e0a9b3d4c7e8a2f5d4b3c2a1908', 'hex');

/** The suffix ZenML appends to names: the first 8 characters of the deployment id. */
export function idSuffix(deploymentId: string): string {
  return deploymentId.slice(0, 8);
}

/** App Runner service name: `<prefix><name>-<id8>`, at most 40 characters, extras `-_`. */
export function serviceNameFor(prefix: string, deploymentName: string, deploymentId: string): SanitizedName {
  return sanitizeName(`${prefix}${deploymentName}`, { maxLength: 40, extras: '-_', suffix: idSuffix(deploymentId) });
}

/** Secrets Manager secret name: `<prefix><name>-<id8>`, at most 512 characters, extras `-_./`. */
export function secretNameFor(prefix: string, deploymentName: string, deploymentId: string): SanitizedName {
  return sanitizeName(`${prefix}${deploymentName}`, { maxLength: 512, extras: '-_./', suffix: idSuffix(deploymentId) });
}

/**
 * Auto-scaling configuration name: `zenml-<name>-<id8>`, at most 32 characters, extras `-_`,
 * valid for App Runner's `[A-Za-z0-9][A-Za-z0-9\-_]{3,31}`. (ZenML puts the id in twice; ours
 * carries it once, leaving more room for the name.)
 */
export function autoScalingConfigurationNameFor(deploymentName: string, deploymentId: string): SanitizedName {
  return sanitizeName(`zenml-${deploymentName}`, { maxLength: 32, extras: '-_', suffix: idSuffix(deploymentId) });
}

export const TAG_DEPLOYMENT_ID = 'zenml-deployment-id';
export const TAG_DEPLOYMENT_NAME = 'zenml-deployment-name';
export const TAG_DEPLOYER_NAME = 'zenml-deployer-name';
export const TAG_DEPLOYER_ID = 'zenml-deployer-id';
export const TAG_MANAGED_BY = 'managed-by';
export const MANAGED_BY_ZENML = 'zenml';

/** The tag keys ZenML sets itself; they override user tags of the same key. */
export const ZENML_TAG_KEYS: readonly string[] = Object.freeze([
  TAG_DEPLOYMENT_ID,
  TAG_DEPLOYMENT_NAME,
  TAG_DEPLOYER_NAME,
  TAG_DEPLOYER_ID,
  TAG_MANAGED_BY,
]);

export interface TagIds {
  deploymentId: string;
  deploymentName: string;
  deployerName: string;
  deployerId: string;
}

/** The tags of the service, secret and scaling configuration: user tags, then ZenML's keys. */
export function zenmlTags(userTags: Readonly<Record<string, string>>, ids: TagIds): Record<string, string> {
  return {
    ...userTags,
    [TAG_DEPLOYMENT_ID]: ids.deploymentId,
    [TAG_DEPLOYMENT_NAME]: ids.deploymentName,
    [TAG_DEPLOYER_NAME]: ids.deployerName,
    [TAG_DEPLOYER_ID]: ids.deployerId,
    [TAG_MANAGED_BY]: MANAGED_BY_ZENML,
  };
}
