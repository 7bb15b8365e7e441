// What a deployment looks like in AWS now: its service, the secret it reads and the scaling
// values it runs with. Read with as few calls as possible (a no-op redeploy is all reads).
import type { Service } from '@aws-sdk/client-apprunner';
import { describeAutoScalingConfiguration, describeService } from '../aws/appRunner';
import type { AwsClients } from '../aws/clientFactory';
import { getSecretString } from '../aws/secrets';
import { parseScalingTag, SCALING_TAG, type ScalingValues } from './desired';
import { findDeployment, type FoundDeployment } from './findDeployment';

export interface ExistingScaling extends ScalingValues {
  arn: string;
  name: string;
  revision: number;
  isDefault: boolean;
}

export interface ExistingDeployment {
  found: FoundDeployment;
  service: Service;
  /** The Secrets Manager secret the service's environment reads, if any. */
  secretArn: string | undefined;
  scaling: ExistingScaling | undefined;
}

/** `arn:aws:secretsmanager:r:acct:secret:name-AbCdEf:KEY::` → the secret's ARN. */
export function secretArnOfReference(reference: string): string | undefined {
  const parts = reference.split(':');
  return parts.length >= 7 && parts[2] === 'secretsmanager' ? parts.slice(0, 7).join(':') : undefined;
}

function secretArnOf(service: Service): string | undefined {
  const refs = Object.values(service.SourceConfiguration?.ImageRepository?.ImageConfiguration?.RuntimeEnvironmentSecrets ?? {});
  return refs.map(secretArnOfReference).find((arn) => arn !== undefined);
}

async function scalingOf(clients: AwsClients, service: Service, tags: Record<string, string>): Promise<ExistingScaling | undefined> {
  const summary = service.AutoScalingConfigurationSummary;
  if (!summary?.AutoScalingConfigurationArn) return undefined;
  const base = {
    arn: summary.AutoScalingConfigurationArn,
    name: summary.AutoScalingConfigurationName ?? '',
    revision: summary.AutoScalingConfigurationRevision ?? 0,
    isDefault: summary.IsDefault ?? summary.AutoScalingConfigurationName === 'DefaultConfiguration',
  };
  const tagged = parseScalingTag(tags[SCALING_TAG]);
  if (tagged && tagged.revision === base.revision && !base.isDefault) {
    return { ...base, MinSize: tagged.MinSize, MaxSize: tagged.MaxSize, MaxConcurrency: tagged.MaxConcurrency };
  }
  const described = await describeAutoScalingConfiguration(clients, base.arn);
  return { ...base, MinSize: described.MinSize ?? 1, MaxSize: described.MaxSize ?? 25, MaxConcurrency: described.MaxConcurrency ?? 100 };
}

/** The deployment as it is in AWS, or undefined when it has no service. */
export async function readExisting(clients: AwsClients, deploymentName: string, serviceNamePrefix: string): Promise<ExistingDeployment | undefined> {
  const found = await findDeployment(clients, deploymentName, { serviceNamePrefix });
  if (!found) return undefined;
  const service = await describeService(clients, found.serviceArn);
  return { found, service, secretArn: secretArnOf(service), scaling: await scalingOf(clients, service, found.tags) };
}

/** The secret's JSON object, or undefined when it is missing or not a JSON object of strings. */
export async function readSecretValues(clients: AwsClients, secretArn: string): Promise<Record<string, string> | undefined> {
  const text = await getSecretString(clients, secretArn);
  if (text === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return undefined;
  }
}
