// The key a deployment's /invoke expects, read where the engine put it: the service's plain
// environment (use_secrets_manager: false) or its Secrets Manager secret. Undefined when the
// deployment has none; a failed read (no secretsmanager:GetSecretValue) is thrown for the caller
// to record, which then asks the user.
import type { Service } from '@aws-sdk/client-apprunner';
import type { AwsClients } from '../../../common/src/aws/clientFactory';
import { AUTH_KEY_ENV } from '../../../common/src/deploy/desired';
import { readSecretValues, secretArnOfReference } from '../../../common/src/deploy/existing';

export async function deploymentAuthKey(clients: AwsClients, service: Service): Promise<string | undefined> {
  const image = service.SourceConfiguration?.ImageRepository?.ImageConfiguration;
  const plain = image?.RuntimeEnvironmentVariables?.[AUTH_KEY_ENV];
  if (plain !== undefined) return plain;
  const reference = image?.RuntimeEnvironmentSecrets?.[AUTH_KEY_ENV];
  const secretArn = reference !== undefined ? secretArnOfReference(reference) : undefined;
  if (secretArn === undefined) return undefined;
  return (await readSecretValues(clients, secretArn))?.[AUTH_KEY_ENV];
}
