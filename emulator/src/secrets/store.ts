// Finding secrets by id (name, full ARN or ARN without the random suffix), expiring scheduled
// deletions, and resolving the secret references App Runner puts in RuntimeEnvironmentSecrets.
import { AwsError } from '../protocol';
import type { EmulatorState, RegionState } from '../state';
import type { SecretRecord, SecretVersion } from './records';

export const CURRENT = 'AWSCURRENT';
export const PREVIOUS = 'AWSPREVIOUS';

export function notFound(): AwsError {
  return new AwsError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
}

/** Scheduled deletions take effect lazily, whenever the region's secrets are looked at. */
export function purgeExpired(state: EmulatorState, region: RegionState, now: number): void {
  for (const [arn, secret] of region.secrets) {
    if (secret.deletionDate !== undefined && secret.deletionDate <= now) {
      region.secrets.delete(arn);
      state.changed();
    }
  }
}

export function findSecret(state: EmulatorState, region: RegionState, secretId: string, now: number): SecretRecord | undefined {
  purgeExpired(state, region, now);
  const exact = region.secrets.get(secretId);
  if (exact) return exact;
  for (const secret of region.secrets.values()) {
    if (secret.name === secretId || secret.arn.slice(0, -7) === secretId) return secret;
  }
  return undefined;
}

export function requireSecret(state: EmulatorState, region: RegionState, secretId: string, now: number): SecretRecord {
  const secret = findSecret(state, region, secretId, now);
  if (!secret) throw notFound();
  return secret;
}

/** Refuses changes and reads of a secret that is scheduled for deletion, as AWS does. */
export function requireNotScheduled(secret: SecretRecord): void {
  if (secret.deletionDate !== undefined) {
    throw new AwsError('InvalidRequestException', "You can't perform this operation on the secret because it was marked for deletion.");
  }
}

export function versionByStage(secret: SecretRecord, stage: string): SecretVersion | undefined {
  return secret.versions.find((version) => version.stages.includes(stage));
}

export type SecretResolution = { ok: true; value: string } | { ok: false; reason: string };

/**
 * Resolves `arn:aws:secretsmanager:<region>:<account>:secret:<name>-<6>` optionally followed by
 * `:<json-key>:<version-stage>:<version-id>` the way App Runner does when it starts an instance.
 */
export function resolveSecretReference(state: EmulatorState, reference: string, now: number): SecretResolution {
  const parts = reference.split(':');
  if (parts.length < 7 || parts[0] !== 'arn' || parts[2] !== 'secretsmanager' || parts[5] !== 'secret') {
    return { ok: false, reason: `${reference} is not a Secrets Manager secret ARN` };
  }
  const secretArn = parts.slice(0, 7).join(':');
  const [jsonKey = '', stage = '', versionId = ''] = parts.slice(7);
  const region = state.regions.get(parts[3]);
  const secret = region ? findSecret(state, region, secretArn, now) : undefined;
  if (!secret || secret.arn !== secretArn) return { ok: false, reason: `secret ${secretArn} does not exist` };
  if (secret.deletionDate !== undefined) return { ok: false, reason: `secret ${secretArn} is marked for deletion` };
  const version = versionId ? secret.versions.find((v) => v.id === versionId) : versionByStage(secret, stage || CURRENT);
  if (!version || version.secretString === undefined) return { ok: false, reason: `secret ${secretArn} has no string value for that version` };
  if (!jsonKey) return { ok: true, value: version.secretString };
  let document: unknown;
  try {
    document = JSON.parse(version.secretString);
  } catch {
    return { ok: false, reason: `secret ${secretArn} is not a JSON object, so key ${jsonKey} cannot be read` };
  }
  const value = typeof document === 'object' && document !== null ? (document as Record<string, unknown>)[jsonKey] : undefined;
  if (value === undefined) return { ok: false, reason: `secret ${secretArn} has no key ${jsonKey}` };
  return { ok: true, value: typeof value === 'string' ? value : JSON.stringify(value) };
}
