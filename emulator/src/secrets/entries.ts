// How a secret is described in DescribeSecret and ListSecrets.
import type { SecretListEntry } from '@aws-sdk/client-secrets-manager';
import { epochSeconds } from '../protocol';
import type { Wire } from '../wire';
import type { SecretRecord } from './records';

export function versionsToStages(secret: SecretRecord): Record<string, string[]> {
  return Object.fromEntries(secret.versions.filter((version) => version.stages.length > 0).map((version) => [version.id, [...version.stages]]));
}

export function secretEntry(secret: SecretRecord): Wire<SecretListEntry> {
  return {
    ARN: secret.arn,
    Name: secret.name,
    ...(secret.description !== undefined ? { Description: secret.description } : {}),
    ...(secret.kmsKeyId !== undefined ? { KmsKeyId: secret.kmsKeyId } : {}),
    LastChangedDate: epochSeconds(secret.lastChangedAt),
    ...(secret.lastAccessedAt !== undefined ? { LastAccessedDate: epochSeconds(secret.lastAccessedAt) } : {}),
    ...(secret.deletedAt !== undefined ? { DeletedDate: epochSeconds(secret.deletedAt) } : {}),
    Tags: secret.tags.map((tag) => ({ ...tag })),
    SecretVersionsToStages: versionsToStages(secret),
    CreatedDate: epochSeconds(secret.createdAt),
  };
}
