// ListSecrets: filters (prefix matches, `!` negation, values OR-ed, filters AND-ed), creation-date
// order and pagination.
import type { ListSecretsRequest, ListSecretsResponse } from '@aws-sdk/client-secrets-manager';
import { AwsError } from '../protocol';
import type { Wire } from '../wire';
import type { SecretRecord } from './records';
import { secretEntry } from './entries';

function matchesValue(secret: SecretRecord, key: string, value: string): boolean {
  const lower = value.toLowerCase();
  switch (key) {
    case 'name':
      return secret.name.startsWith(value);
    case 'description':
      return (secret.description ?? '').toLowerCase().startsWith(lower);
    case 'tag-key':
      return secret.tags.some((tag) => tag.Key.startsWith(value));
    case 'tag-value':
      return secret.tags.some((tag) => tag.Value.startsWith(value));
    case 'primary-region':
    case 'owning-service':
      // The emulator has neither replicas nor secrets owned by other services.
      return false;
    case 'all': {
      const words = [secret.name, secret.description ?? '', ...secret.tags.flatMap((tag) => [tag.Key, tag.Value])].map((word) => word.toLowerCase());
      return lower.split(/\s+/).every((term) => words.some((word) => word.includes(term)));
    }
    default:
      throw new AwsError('InvalidParameterException', `Invalid filter key: ${key}`);
  }
}

function matchesFilter(secret: SecretRecord, key: string, values: readonly string[]): boolean {
  const positive = values.filter((value) => !value.startsWith('!'));
  const negative = values.filter((value) => value.startsWith('!')).map((value) => value.slice(1));
  return (positive.length === 0 || positive.some((value) => matchesValue(secret, key, value))) && !negative.some((value) => matchesValue(secret, key, value));
}

function parseToken(token: string | undefined): number {
  if (token === undefined) return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!match) throw new AwsError('InvalidNextTokenException', 'The NextToken value is invalid.');
  return Number(match[1]);
}

export function listSecrets(secrets: readonly SecretRecord[], input: Record<string, unknown>): Wire<ListSecretsResponse> {
  const request = input as unknown as ListSecretsRequest;
  const filters = request.Filters ?? [];
  const matching = secrets
    .filter((secret) => request.IncludePlannedDeletion === true || secret.deletionDate === undefined)
    .filter((secret) => filters.every((filter) => matchesFilter(secret, filter.Key!, filter.Values ?? [])))
    .sort((a, b) => a.createdAt - b.createdAt);
  if (request.SortOrder !== 'asc') matching.reverse();
  const offset = parseToken(request.NextToken);
  const limit = request.MaxResults ?? 100;
  const page = matching.slice(offset, offset + limit);
  return {
    SecretList: page.map(secretEntry),
    ...(offset + limit < matching.length ? { NextToken: Buffer.from(`offset:${offset + limit}`).toString('base64url') } : {}),
  };
}
