// Finds a deployment's App Runner service by ZenML's tags, so a deploy from any machine, and
// services ZenML made itself, land on the same service. AWS holds the truth; nothing is cached.
import type { ServiceSummary } from '@aws-sdk/client-apprunner';
import type { AwsClients } from '../aws/clientFactory';
import { listServices, listTags } from '../aws/appRunner';
import { isNotFound } from '../aws/errors';
import { MANAGED_BY_ZENML, serviceNameFor, TAG_DEPLOYMENT_ID, TAG_DEPLOYMENT_NAME, TAG_MANAGED_BY } from '../domain/naming';
import { DeployFailedError } from './types';

export interface FoundDeployment {
  serviceName: string;
  serviceId: string;
  serviceArn: string;
  /** Host name without scheme, as App Runner reports it. */
  serviceUrl: string;
  /** App Runner status: RUNNING, OPERATION_IN_PROGRESS, PAUSED, CREATE_FAILED, DELETE_FAILED. */
  status: string;
  deploymentName: string;
  deploymentId: string;
  /** Every tag of the service (read anyway to find it). */
  tags: Record<string, string>;
}

export interface FindOptions {
  /** The file's `service_name_prefix`: services named like ZenML would name them are asked first. */
  serviceNamePrefix?: string;
}

/** True when `name` is what ZenML's naming gives for this deployment with some id. */
function looksLike(name: string, prefix: string, deploymentName: string): boolean {
  const suffix = /-([0-9a-f]{8})$/.exec(name)?.[1];
  if (suffix === undefined) return false;
  const expected = serviceNameFor(prefix, deploymentName, suffix);
  return expected.ok && expected.name === name;
}

/**
 * The service tagged `managed-by=zenml` and `zenml-deployment-name=<name>`, or undefined. Services
 * whose name follows ZenML's naming for this deployment are all checked (one tag read in the usual
 * case), so a deployment with two services is reported instead of one being picked silently; other
 * services named the ZenML way only when none of those matches, e.g. after a prefix change;
 * services named any other way are never asked.
 */
export async function findDeployment(clients: AwsClients, deploymentName: string, options: FindOptions = {}): Promise<FoundDeployment | undefined> {
  const prefix = options.serviceNamePrefix ?? 'zenml-';
  const summaries = await listServices(clients);
  const likely = summaries.filter((summary) => looksLike(summary.ServiceName ?? '', prefix, deploymentName));
  // Every name ZenML or we give ends in `-<8 hex>`: services named otherwise cannot be ours.
  const others = summaries.filter((summary) => !likely.includes(summary) && /-[0-9a-f]{8}$/.test(summary.ServiceName ?? ''));
  const found = await tagged(clients, likely, deploymentName, Number.POSITIVE_INFINITY);
  if (found.length === 0) found.push(...(await tagged(clients, others, deploymentName, 1)));
  if (found.length > 1) {
    const names = found.map((service) => service.serviceName).join(', ');
    throw new DeployFailedError(
      `Deployment ${deploymentName} has ${found.length} App Runner services in ${clients.target.region} (${names}): another tool, or two deploys at once before this one prevented it, made a second one. Delete the one you do not use (\`aws apprunner delete-service --service-arn <its ARN>\`), then try again.`,
      'duplicate',
    );
  }
  return found[0];
}

/** Of `summaries`, the services tagged for this deployment, reading tags until `limit` are found. */
async function tagged(clients: AwsClients, summaries: readonly ServiceSummary[], deploymentName: string, limit: number): Promise<FoundDeployment[]> {
  const found: FoundDeployment[] = [];
  for (const summary of summaries) {
    if (found.length >= limit) break;
    if (summary.ServiceArn === undefined) continue;
    let tags: Record<string, string>;
    try {
      tags = await listTags(clients, summary.ServiceArn);
    } catch (error) {
      if (isNotFound(error)) continue; // deleted between the list and the tag read
      throw error;
    }
    if (tags[TAG_MANAGED_BY] !== MANAGED_BY_ZENML || tags[TAG_DEPLOYMENT_NAME] !== deploymentName) continue;
    found.push({
      serviceName: summary.ServiceName ?? '',
      serviceId: summary.ServiceId ?? '',
      serviceArn: summary.ServiceArn,
      serviceUrl: summary.ServiceUrl ?? '',
      status: summary.Status ?? 'UNKNOWN',
      deploymentName,
      deploymentId: tags[TAG_DEPLOYMENT_ID] ?? '',
      tags,
    });
  }
  return found;
}
