// Finds a deployment's App Runner service by ZenML's tags, so a deploy from any machine, and
// services ZenML made itself, land on the same service. AWS holds the truth; nothing is cached.
import type { AwsClients } from '../aws/clientFactory';
import { listServices, listTags } from '../aws/appRunner';
import { isNotFound } from '../aws/errors';
import { MANAGED_BY_ZENML, serviceNameFor, TAG_DEPLOYMENT_ID, TAG_DEPLOYMENT_NAME, TAG_MANAGED_BY } from '../domain/naming';

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
 * whose name follows ZenML's naming for this deployment are checked first (one tag read in the
 * usual case); the others only when none of those matches, e.g. after a prefix change.
 */
export async function findDeployment(clients: AwsClients, deploymentName: string, options: FindOptions = {}): Promise<FoundDeployment | undefined> {
  const prefix = options.serviceNamePrefix ?? 'zenml-';
  const summaries = await listServices(clients);
  const likely = summaries.filter((summary) => looksLike(summary.ServiceName ?? '', prefix, deploymentName));
  const others = summaries.filter((summary) => !likely.includes(summary));
  for (const summary of [...likely, ...others]) {
    if (summary.ServiceArn === undefined) continue;
    let tags: Record<string, string>;
    try {
      tags = await listTags(clients, summary.ServiceArn);
    } catch (error) {
      if (isNotFound(error)) continue; // deleted between the list and the tag read
      throw error;
    }
    if (tags[TAG_MANAGED_BY] !== MANAGED_BY_ZENML || tags[TAG_DEPLOYMENT_NAME] !== deploymentName) continue;
    return {
      serviceName: summary.ServiceName ?? '',
      serviceId: summary.ServiceId ?? '',
      serviceArn: summary.ServiceArn,
      serviceUrl: summary.ServiceUrl ?? '',
      status: summary.Status ?? 'UNKNOWN',
      deploymentName,
      deploymentId: tags[TAG_DEPLOYMENT_ID] ?? '',
      tags,
    };
  }
  return undefined;
}
