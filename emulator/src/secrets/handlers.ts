// The Secrets Manager operations (JSON 1.1, `secretsmanager.*`).
import type {
  CreateSecretRequest,
  CreateSecretResponse,
  DeleteSecretRequest,
  DeleteSecretResponse,
  DescribeSecretResponse,
  GetSecretValueRequest,
  GetSecretValueResponse,
  PutSecretValueRequest,
  PutSecretValueResponse,
  RestoreSecretRequest,
  TagResourceRequest,
  UntagResourceRequest,
  UpdateSecretRequest,
  UpdateSecretResponse,
} from '@aws-sdk/client-secrets-manager';
import { secretsmanagerModel } from '../generated/awsModels';
import { arn, secretArnSuffix, uuid } from '../ids';
import { AwsError, epochSeconds, type AwsServiceDefinition, type OperationHandler, type RequestContext } from '../protocol';
import type { EmulatorState } from '../state';
import type { Wire } from '../wire';
import { secretEntry } from './entries';
import { listSecrets } from './listing';
import type { SecretRecord, SecretVersion } from './records';
import { CURRENT, PREVIOUS, purgeExpired, requireNotScheduled, requireSecret, versionByStage } from './store';

const NAME_PATTERN = /^[A-Za-z0-9/_+=.@-]+$/;
const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_TAGS = 50;

interface SecretValue {
  SecretString?: string;
  SecretBinary?: string;
}

function secretValue(request: { SecretString?: string; SecretBinary?: unknown }): SecretValue | undefined {
  if (request.SecretString !== undefined && request.SecretBinary !== undefined) {
    throw new AwsError('InvalidParameterException', "You can't specify both a binary secret value and a string secret value in the same secret.");
  }
  if (request.SecretString !== undefined) return { SecretString: request.SecretString };
  if (request.SecretBinary !== undefined) return { SecretBinary: request.SecretBinary as string };
  return undefined;
}

function sameValue(version: SecretVersion, value: SecretValue): boolean {
  return version.secretString === value.SecretString && version.secretBinary === value.SecretBinary;
}

function checkTags(tags: readonly { Key?: string; Value?: string }[]): { Key: string; Value: string }[] {
  for (const tag of tags) {
    if (tag.Key === undefined) throw new AwsError('InvalidParameterException', 'Tag keys must not be empty.');
    if (tag.Key.toLowerCase().startsWith('aws:')) throw new AwsError('InvalidParameterException', 'Tag keys prefixed with aws: are reserved for AWS use.');
  }
  return tags.map((tag) => ({ Key: tag.Key!, Value: tag.Value ?? '' }));
}

/**
 * Adds a version holding `value` and moves `stages` to it; the version losing AWSCURRENT becomes
 * AWSPREVIOUS. A retry with the same token and value is a no-op, a different value is refused.
 */
function addVersion(secret: SecretRecord, value: SecretValue, token: string | undefined, stages: string[], now: number): SecretVersion {
  const id = token ?? uuid();
  const existing = secret.versions.find((version) => version.id === id);
  if (existing) {
    if (sameValue(existing, value)) return existing;
    throw new AwsError('ResourceExistsException', "You can't modify an existing version, you can only create a new version.");
  }
  const version: SecretVersion = { id, ...(value.SecretString !== undefined ? { secretString: value.SecretString } : {}), ...(value.SecretBinary !== undefined ? { secretBinary: value.SecretBinary } : {}), stages: [...stages], createdAt: now };
  if (stages.includes(CURRENT)) {
    for (const other of secret.versions) other.stages = other.stages.filter((stage) => stage !== PREVIOUS);
    const current = versionByStage(secret, CURRENT);
    if (current) current.stages.push(PREVIOUS);
  }
  for (const other of secret.versions) other.stages = other.stages.filter((stage) => !stages.includes(stage));
  secret.versions.push(version);
  // AWS keeps about 100 versions; unlabelled ones beyond that go first.
  while (secret.versions.length > 100) {
    const index = secret.versions.findIndex((candidate) => candidate.stages.length === 0);
    if (index < 0) break;
    secret.versions.splice(index, 1);
  }
  secret.lastChangedAt = now;
  return version;
}

export function secretsManagerService(state: EmulatorState): AwsServiceDefinition {
  const regionOf = (context: RequestContext) => state.region(context.region);
  const secretOf = (context: RequestContext, secretId: string | undefined) => requireSecret(state, regionOf(context), secretId!, context.now);

  const handlers: Record<string, OperationHandler> = {
    CreateSecret(input, context) {
      const request = input as unknown as CreateSecretRequest;
      const name = request.Name!;
      if (!NAME_PATTERN.test(name)) {
        throw new AwsError('InvalidParameterException', 'Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!');
      }
      const value = secretValue(request);
      const region = regionOf(context);
      purgeExpired(state, region, context.now);
      const existing = [...region.secrets.values()].find((secret) => secret.name === name);
      if (existing) {
        if (existing.deletionDate !== undefined) {
          throw new AwsError('InvalidRequestException', "You can't create this secret because a secret with this name is already scheduled for deletion.");
        }
        const first = existing.versions[0];
        const isRetry = request.ClientRequestToken !== undefined && first?.id === request.ClientRequestToken && value !== undefined && sameValue(first, value);
        if (!isRetry) throw new AwsError('ResourceExistsException', `The operation failed because the secret ${name} already exists.`);
        return { ARN: existing.arn, Name: existing.name, VersionId: first.id } satisfies Wire<CreateSecretResponse>;
      }
      const secret: SecretRecord = {
        arn: arn(context.region, state.settings.accountId, 'secretsmanager', `secret:${name}-${secretArnSuffix()}`),
        name,
        ...(request.Description !== undefined ? { description: request.Description } : {}),
        ...(request.KmsKeyId !== undefined ? { kmsKeyId: request.KmsKeyId } : {}),
        createdAt: context.now,
        lastChangedAt: context.now,
        tags: checkTags(request.Tags ?? []),
        versions: [],
      };
      if (secret.tags.length > MAX_TAGS) throw new AwsError('InvalidParameterException', `A secret can have at most ${MAX_TAGS} tags.`);
      const version = value ? addVersion(secret, value, request.ClientRequestToken, [CURRENT], context.now) : undefined;
      region.secrets.set(secret.arn, secret);
      state.changed();
      return { ARN: secret.arn, Name: name, ...(version ? { VersionId: version.id } : {}) } satisfies Wire<CreateSecretResponse>;
    },

    UpdateSecret(input, context) {
      const request = input as unknown as UpdateSecretRequest;
      const secret = secretOf(context, request.SecretId);
      requireNotScheduled(secret);
      const value = secretValue(request);
      if (request.Description !== undefined) secret.description = request.Description;
      if (request.KmsKeyId !== undefined) secret.kmsKeyId = request.KmsKeyId;
      const version = value ? addVersion(secret, value, request.ClientRequestToken, [CURRENT], context.now) : undefined;
      secret.lastChangedAt = context.now;
      state.changed();
      return { ARN: secret.arn, Name: secret.name, ...(version ? { VersionId: version.id } : {}) } satisfies Wire<UpdateSecretResponse>;
    },

    PutSecretValue(input, context) {
      const request = input as unknown as PutSecretValueRequest;
      const secret = secretOf(context, request.SecretId);
      requireNotScheduled(secret);
      const value = secretValue(request);
      if (!value) throw new AwsError('InvalidParameterException', 'You must provide either SecretString or SecretBinary.');
      const version = addVersion(secret, value, request.ClientRequestToken, request.VersionStages ?? [CURRENT], context.now);
      state.changed();
      return { ARN: secret.arn, Name: secret.name, VersionId: version.id, VersionStages: [...version.stages] } satisfies Wire<PutSecretValueResponse>;
    },

    GetSecretValue(input, context) {
      const request = input as unknown as GetSecretValueRequest;
      const secret = secretOf(context, request.SecretId);
      requireNotScheduled(secret);
      let version: SecretVersion | undefined;
      if (request.VersionId !== undefined) {
        version = secret.versions.find((candidate) => candidate.id === request.VersionId);
        if (version && request.VersionStage !== undefined && !version.stages.includes(request.VersionStage)) {
          throw new AwsError('InvalidRequestException', 'You provided a VersionStage that is not associated to the provided VersionId.');
        }
      } else {
        version = versionByStage(secret, request.VersionStage ?? CURRENT);
      }
      if (!version) {
        const what = request.VersionId !== undefined ? `VersionId: ${request.VersionId}` : `staging label: ${request.VersionStage ?? CURRENT}`;
        throw new AwsError('ResourceNotFoundException', `Secrets Manager can't find the specified secret value for ${what}`);
      }
      secret.lastAccessedAt = Math.floor(context.now / DAY_MS) * DAY_MS;
      const response: Wire<GetSecretValueResponse> = {
        ARN: secret.arn,
        Name: secret.name,
        VersionId: version.id,
        ...(version.secretString !== undefined ? { SecretString: version.secretString } : {}),
        ...(version.secretBinary !== undefined ? { SecretBinary: version.secretBinary } : {}),
        VersionStages: [...version.stages],
        CreatedDate: epochSeconds(version.createdAt),
      };
      return response;
    },

    DescribeSecret(input, context) {
      const secret = secretOf(context, (input as { SecretId?: string }).SecretId);
      const entry = secretEntry(secret);
      const response: Wire<DescribeSecretResponse> = {
        ARN: entry.ARN,
        Name: entry.Name,
        ...(entry.Description !== undefined ? { Description: entry.Description } : {}),
        ...(entry.KmsKeyId !== undefined ? { KmsKeyId: entry.KmsKeyId } : {}),
        LastChangedDate: entry.LastChangedDate,
        ...(entry.LastAccessedDate !== undefined ? { LastAccessedDate: entry.LastAccessedDate } : {}),
        ...(entry.DeletedDate !== undefined ? { DeletedDate: entry.DeletedDate } : {}),
        Tags: entry.Tags,
        VersionIdsToStages: entry.SecretVersionsToStages,
        CreatedDate: entry.CreatedDate,
      };
      return response;
    },

    DeleteSecret(input, context) {
      const request = input as unknown as DeleteSecretRequest;
      const region = regionOf(context);
      const secret = secretOf(context, request.SecretId);
      if (request.ForceDeleteWithoutRecovery === true && request.RecoveryWindowInDays !== undefined) {
        throw new AwsError('InvalidParameterException', "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
      }
      const days = request.RecoveryWindowInDays ?? 30;
      if (days < 7 || days > 30) throw new AwsError('InvalidParameterException', 'The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).');
      if (request.ForceDeleteWithoutRecovery === true) {
        region.secrets.delete(secret.arn);
        state.changed();
        return { ARN: secret.arn, Name: secret.name, DeletionDate: epochSeconds(context.now) } satisfies Wire<DeleteSecretResponse>;
      }
      if (secret.deletionDate !== undefined) {
        throw new AwsError('InvalidRequestException', "You can't perform this operation on the secret because it was marked for deletion.");
      }
      secret.deletedAt = context.now;
      secret.deletionDate = context.now + days * DAY_MS;
      state.changed();
      return { ARN: secret.arn, Name: secret.name, DeletionDate: epochSeconds(secret.deletionDate) } satisfies Wire<DeleteSecretResponse>;
    },

    RestoreSecret(input, context) {
      const request = input as unknown as RestoreSecretRequest;
      const secret = secretOf(context, request.SecretId);
      delete secret.deletionDate;
      delete secret.deletedAt;
      state.changed();
      return { ARN: secret.arn, Name: secret.name };
    },

    TagResource(input, context) {
      const request = input as unknown as TagResourceRequest;
      const secret = secretOf(context, request.SecretId);
      requireNotScheduled(secret);
      const merged = new Map(secret.tags.map((tag) => [tag.Key, tag.Value]));
      for (const tag of checkTags(request.Tags!)) merged.set(tag.Key, tag.Value);
      if (merged.size > MAX_TAGS) throw new AwsError('InvalidParameterException', `A secret can have at most ${MAX_TAGS} tags.`);
      secret.tags = [...merged].map(([Key, Value]) => ({ Key, Value }));
      state.changed();
      return {};
    },

    UntagResource(input, context) {
      const request = input as unknown as UntagResourceRequest;
      const secret = secretOf(context, request.SecretId);
      requireNotScheduled(secret);
      secret.tags = secret.tags.filter((tag) => !request.TagKeys!.includes(tag.Key));
      state.changed();
      return {};
    },

    ListSecrets(input, context) {
      const region = regionOf(context);
      purgeExpired(state, region, context.now);
      return listSecrets([...region.secrets.values()], input);
    },
  };

  return {
    model: secretsmanagerModel,
    validationErrorCode: 'ValidationException',
    internalErrorCode: 'InternalServiceError',
    handlers,
    capitalisedMessage: true,
  };
}
