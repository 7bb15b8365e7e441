// Thin typed Secrets Manager calls. Values pass through; they are never logged or put in errors
// (AWS's own messages do not carry them).
import { DeleteSecretCommand, GetSecretValueCommand, paginateListSecrets, PutSecretValueCommand } from './sdk';
import type { SecretListEntry } from '@aws-sdk/client-secrets-manager';
import type { AwsClients } from './clientFactory';
import { awsCall, isNotFound } from './errors';

function call<T>(clients: AwsClients, operation: string, run: () => Promise<T>): Promise<T> {
  return awsCall(clients.target, 'secretsmanager', operation, run);
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
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** Deletes at once, without a recovery window, so the name can be reused; a missing secret is fine. */
export async function deleteSecretNow(clients: AwsClients, secretId: string): Promise<boolean> {
  try {
    await call(clients, 'DeleteSecret', () => clients.secrets.send(new DeleteSecretCommand({ SecretId: secretId, ForceDeleteWithoutRecovery: true })));
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

/** Secrets carrying a tag with this value (all pages). */
export function listSecretsByTag(clients: AwsClients, key: string, value: string): Promise<SecretListEntry[]> {
  return call(clients, 'ListSecrets', async () => {
    const found: SecretListEntry[] = [];
    const input = { Filters: [{ Key: 'tag-key' as const, Values: [key] }, { Key: 'tag-value' as const, Values: [value] }] };
    for await (const page of paginateListSecrets({ client: clients.secrets, pageSize: 100 }, input)) {
      // The two filters match the key and the value separately: keep the secrets that have the pair.
      found.push(...(page.SecretList ?? []).filter((secret) => secret.Tags?.some((tag) => tag.Key === key && tag.Value === value)));
    }
    return found;
  });
}
