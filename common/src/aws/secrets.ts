// Thin typed Secrets Manager calls. Values pass through; they are never logged or put in errors
// (AWS's own messages do not carry them).
import {
  CreateSecretCommand,
  DeleteSecretCommand,
  GetSecretValueCommand,
  ListSecretsCommand,
  PutSecretValueCommand,
  type SecretListEntry,
} from '@aws-sdk/client-secrets-manager';
import type { AwsClients } from './clientFactory';
import { awsCall } from './errors';

function call<T>(clients: AwsClients, operation: string, run: () => Promise<T>): Promise<T> {
  return awsCall(clients.target, 'secretsmanager', operation, run);
}

export async function createSecret(clients: AwsClients, input: { Name: string; SecretString: string; Description?: string; Tags: { Key: string; Value: string }[] }): Promise<{ arn: string }> {
  const answer = await call(clients, 'CreateSecret', () => clients.secrets.send(new CreateSecretCommand(input)));
  if (answer.ARN === undefined) throw new Error('Secrets Manager answered without an ARN');
  return { arn: answer.ARN };
}

export async function putSecretValue(clients: AwsClients, secretId: string, value: string): Promise<void> {
  await call(clients, 'PutSecretValue', () => clients.secrets.send(new PutSecretValueCommand({ SecretId: secretId, SecretString: value })));
}

/** The current string value, or undefined when the secret does not exist. */
export async function getSecretString(clients: AwsClients, secretId: string): Promise<string | undefined> {
  try {
    const answer = await call(clients, 'GetSecretValue', () => clients.secrets.send(new GetSecretValueCommand({ SecretId: secretId })));
    return answer.SecretString;
  } catch (error) {
    if ((error as { code?: string }).code === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}

/** Deletes at once, without a recovery window, so the name can be reused; a missing secret is fine. */
export async function deleteSecretNow(clients: AwsClients, secretId: string): Promise<boolean> {
  try {
    await call(clients, 'DeleteSecret', () => clients.secrets.send(new DeleteSecretCommand({ SecretId: secretId, ForceDeleteWithoutRecovery: true })));
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'ResourceNotFoundException') return false;
    throw error;
  }
}

/** Secrets carrying a tag with this value (all pages). */
export async function listSecretsByTag(clients: AwsClients, key: string, value: string): Promise<SecretListEntry[]> {
  const found: SecretListEntry[] = [];
  let NextToken: string | undefined;
  do {
    const page = await call(clients, 'ListSecrets', () =>
      clients.secrets.send(new ListSecretsCommand({ Filters: [{ Key: 'tag-key', Values: [key] }, { Key: 'tag-value', Values: [value] }], MaxResults: 100, NextToken })),
    );
    found.push(...(page.SecretList ?? []).filter((secret) => secret.Tags?.some((tag) => tag.Key === key && tag.Value === value)));
    NextToken = page.NextToken;
  } while (NextToken);
  return found;
}
