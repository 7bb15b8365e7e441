// The other things done to a deployment: pause, resume, redeploy (StartDeployment), status,
// operations and the list for the sidebar (delete is deleteDeployment.ts).
import type { OperationSummary, Service } from '@aws-sdk/client-apprunner';
import {
  describeService,
  listOperations,
  listServices,
  listTags,
  pauseService,
  resumeService,
  startDeployment,
} from '../aws/appRunner';
import { AwsCallError, isNotFound } from '../aws/errors';
import { MANAGED_BY_ZENML, TAG_DEPLOYMENT_ID, TAG_DEPLOYMENT_NAME, TAG_MANAGED_BY } from '../domain/naming';
import { findDeployment, type FoundDeployment } from './findDeployment';
import { judgeOperation } from './outcome';
import { DeployFailedError, type EngineDeps } from './types';
import { followerFor, waitForService } from './wait';

const DEFAULT_TIMEOUT_MS = 600_000;

function requireFound(found: FoundDeployment | undefined, name: string): FoundDeployment {
  if (!found) throw new DeployFailedError(`No deployment named "${name}" in this region (no App Runner service tagged managed-by=zenml and zenml-deployment-name=${name}).`, 'absent');
  return found;
}

export interface DeploymentStatus {
  found: FoundDeployment;
  service: Service;
  /** `https://...` when the service has a URL. */
  url: string | undefined;
}

export async function deploymentStatus(deps: EngineDeps, deploymentName: string): Promise<DeploymentStatus> {
  const found = requireFound(await findDeployment(deps.clients, deploymentName), deploymentName);
  const service = await describeService(deps.clients, found.serviceArn);
  return { found, service, url: service.ServiceUrl ? `https://${service.ServiceUrl}` : undefined };
}

export async function deploymentOperations(deps: EngineDeps, deploymentName: string): Promise<OperationSummary[]> {
  const found = requireFound(await findDeployment(deps.clients, deploymentName), deploymentName);
  return listOperations(deps.clients, found.serviceArn);
}

export type ServiceAction = 'pause' | 'resume' | 'redeploy';
const ACTIONS: Record<ServiceAction, { call: typeof pauseService; from: string; expect: string; doing: string }> = {
  pause: { call: pauseService, from: 'RUNNING', expect: 'PAUSED', doing: 'Pausing' },
  resume: { call: resumeService, from: 'PAUSED', expect: 'RUNNING', doing: 'Resuming' },
  redeploy: { call: startDeployment, from: 'RUNNING', expect: 'RUNNING', doing: 'Redeploying' },
};

/**
 * Pause, resume or redeploy, then wait until the operation settles. Succeeds only on positive
 * evidence (the operation SUCCEEDED, or App Runner's log says so); a busy service is refused first.
 */
export async function changeDeployment(deps: EngineDeps, deploymentName: string, action: ServiceAction, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Service> {
  const found = requireFound(await findDeployment(deps.clients, deploymentName), deploymentName);
  const { call, from, expect, doing } = ACTIONS[action];
  const before = await describeService(deps.clients, found.serviceArn);
  if (before.Status !== from) {
    const why = before.Status === 'OPERATION_IN_PROGRESS' ? 'an operation is running on it (another deploy, a pause or a resume); try again once it has finished' : `it must be ${from}`;
    throw new DeployFailedError(`Cannot ${action} ${deploymentName}: its service is ${before.Status ?? 'in an unknown state'}, and ${why}. Nothing was changed.`, before.Status ?? 'unknown');
  }
  deps.onProgress?.({ kind: 'step', message: `${doing} ${deploymentName}` });
  const since = Date.now();
  let operationId: string | undefined;
  try {
    ({ operationId } = await call(deps.clients, found.serviceArn));
  } catch (error) {
    if (error instanceof AwsCallError && error.kind === 'invalid-state') {
      throw new DeployFailedError(`Cannot ${action} ${deploymentName}: another operation started on its service meanwhile. Nothing was changed.`, 'OPERATION_IN_PROGRESS');
    }
    throw error;
  }
  const target = { serviceArn: found.serviceArn, serviceName: found.serviceName, serviceId: found.serviceId, since, timeoutMs, until: 'settled' as const };
  const log = followerFor(deps, target);
  const service = await waitForService(deps, target, log);
  await log.poll();
  const outcome = await judgeOperation(deps, { serviceArn: found.serviceArn, operationId, settled: service }, log);
  if (outcome.kind === 'succeeded' && service?.Status === expect) return service;
  // A pause or resume that fails leaves the service as it was: reaching the other status proves it.
  if (outcome.kind === 'unknown' && from !== expect && service?.Status === expect) return service;
  const status = service?.Status ?? 'unknown';
  if (outcome.kind === 'unknown') {
    throw new DeployFailedError(`${deploymentName} is ${status}, but whether the ${action} succeeded could not be read: ${outcome.why.join('; ')}.`, `${status}, outcome unknown`, log.tail(10));
  }
  const reason = outcome.kind === 'failed' && outcome.reason ? `: ${outcome.reason}` : '';
  throw new DeployFailedError(`The ${action} of ${deploymentName} did not succeed${reason}; its service is ${status} (${outcome.evidence}).`, status, log.tail(10));
}

export interface ListedDeployment extends FoundDeployment {
  updatedAt: Date | undefined;
}

/** Every service in the region made by ZenML or by us (tagged managed-by=zenml). */
export async function listDeployments(deps: EngineDeps): Promise<ListedDeployment[]> {
  const listed: ListedDeployment[] = [];
  for (const summary of await listServices(deps.clients)) {
    if (!summary.ServiceArn) continue;
    const tags = await listTags(deps.clients, summary.ServiceArn).catch((error: unknown) => {
      if (isNotFound(error)) return undefined;
      throw error;
    });
    if (tags?.[TAG_MANAGED_BY] !== MANAGED_BY_ZENML) continue;
    listed.push({
      serviceName: summary.ServiceName ?? '',
      serviceId: summary.ServiceId ?? '',
      serviceArn: summary.ServiceArn,
      serviceUrl: summary.ServiceUrl ?? '',
      status: summary.Status ?? 'UNKNOWN',
      deploymentName: tags[TAG_DEPLOYMENT_NAME] ?? '',
      deploymentId: tags[TAG_DEPLOYMENT_ID] ?? '',
      tags,
      updatedAt: summary.UpdatedAt,
    });
  }
  return listed;
}
