// The other things done to a deployment: delete (with everything deploy made for it), pause,
// resume, redeploy (StartDeployment), status, operations and the list for the sidebar.
import type { OperationSummary, Service } from '@aws-sdk/client-apprunner';
import {
  deleteAutoScalingConfiguration,
  deleteService,
  describeService,
  listAutoScalingRevisions,
  listOperations,
  listServices,
  listTags,
  pauseService,
  resumeService,
  startDeployment,
} from '../aws/appRunner';
import { isNotFound } from '../aws/errors';
import { deleteSecretNow, listSecretsByTag } from '../aws/secrets';
import { autoScalingConfigurationNameFor, MANAGED_BY_ZENML, TAG_DEPLOYMENT_ID, TAG_DEPLOYMENT_NAME, TAG_MANAGED_BY } from '../domain/naming';
import { secretArnOfReference } from './existing';
import { findDeployment, type FoundDeployment } from './findDeployment';
import { persistently } from './rollback';
import { DeployFailedError, type EngineDeps } from './types';
import { waitForService } from './wait';

const DEFAULT_TIMEOUT_MS = 600_000;

export interface DeleteResult {
  deploymentName: string;
  /** What was removed, one line each (empty: nothing existed). */
  removed: string[];
}

function requireFound(found: FoundDeployment | undefined, name: string): FoundDeployment {
  if (!found) throw new DeployFailedError(`No deployment named "${name}" in this region (no App Runner service tagged managed-by=zenml and zenml-deployment-name=${name}).`, 'absent');
  return found;
}

function target(found: FoundDeployment, deps: EngineDeps, timeoutMs: number, until: 'settled' | 'deleted') {
  return { serviceArn: found.serviceArn, serviceName: found.serviceName, serviceId: found.serviceId, since: deps.clock.now(), timeoutMs, until };
}

async function deleteServiceAndWait(deps: EngineDeps, found: FoundDeployment, timeoutMs: number): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const current = await describeService(deps.clients, found.serviceArn).catch((error: unknown) => {
      if (isNotFound(error)) return undefined;
      throw error;
    });
    if (!current || current.Status === 'DELETED') return;
    if (current.Status === 'OPERATION_IN_PROGRESS') await waitForService(deps, target(found, deps, timeoutMs, 'settled'));
    deps.onProgress?.({ kind: 'step', message: `DeleteService ${found.serviceName}` });
    try {
      await deleteService(deps.clients, found.serviceArn);
    } catch (error) {
      if (isNotFound(error)) return;
      throw error;
    }
    const after = await waitForService(deps, target(found, deps, timeoutMs, 'deleted'));
    if (!after) return;
    if (attempt >= 2) throw new DeployFailedError(`${found.serviceName} is ${after.Status ?? 'DELETE_FAILED'} after a second delete attempt: look at its service log, then delete it in the console.`, after.Status ?? 'DELETE_FAILED');
    deps.onProgress?.({ kind: 'step', message: `${found.serviceName} is ${after.Status ?? 'DELETE_FAILED'}; trying once more` });
  }
}

/**
 * Deletes the deployment's service (waiting until it is gone), then its secret and every
 * auto-scaling revision made for it. Missing pieces are fine: a half-deleted deployment is
 * finished off, found by its tags and names.
 */
export async function deleteDeployment(deps: EngineDeps, deploymentName: string, options: { serviceNamePrefix?: string; timeoutMs?: number } = {}): Promise<DeleteResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const removed: string[] = [];
  const found = await findDeployment(deps.clients, deploymentName, options);
  const secretArns = new Set<string>();
  const scalingNames = new Set<string>();
  const deploymentIds = new Set<string>();
  if (found) {
    const service = await describeService(deps.clients, found.serviceArn);
    for (const reference of Object.values(service.SourceConfiguration?.ImageRepository?.ImageConfiguration?.RuntimeEnvironmentSecrets ?? {})) {
      const arn = secretArnOfReference(reference);
      if (arn) secretArns.add(arn);
    }
    const scaling = service.AutoScalingConfigurationSummary;
    if (scaling?.AutoScalingConfigurationName && !scaling.IsDefault && scaling.AutoScalingConfigurationName !== 'DefaultConfiguration') scalingNames.add(scaling.AutoScalingConfigurationName);
    if (found.deploymentId) deploymentIds.add(found.deploymentId);
    await deleteServiceAndWait(deps, found, timeoutMs);
    removed.push(`service ${found.serviceName}`);
  }
  for (const secret of await listSecretsByTag(deps.clients, TAG_DEPLOYMENT_NAME, deploymentName)) {
    const tags: Record<string, string | undefined> = Object.fromEntries((secret.Tags ?? []).map((tag) => [tag.Key ?? '', tag.Value]));
    if (tags[TAG_MANAGED_BY] !== MANAGED_BY_ZENML || !secret.ARN) continue;
    secretArns.add(secret.ARN);
    if (tags[TAG_DEPLOYMENT_ID]) deploymentIds.add(tags[TAG_DEPLOYMENT_ID]);
  }
  for (const arn of secretArns) {
    deps.onProgress?.({ kind: 'step', message: `DeleteSecret ${arn}` });
    let deleted = false;
    await persistently(deps, `delete secret ${arn}`, async () => {
      deleted = await deleteSecretNow(deps.clients, arn);
    });
    if (deleted) removed.push(`secret ${arn}`);
  }
  for (const id of deploymentIds) {
    const name = autoScalingConfigurationNameFor(deploymentName, id);
    if (name.ok) scalingNames.add(name.name);
  }
  for (const name of scalingNames) {
    for (const revision of await listAutoScalingRevisions(deps.clients, name)) {
      const arn = revision.AutoScalingConfigurationArn;
      if (!arn || revision.IsDefault) continue;
      const tags = await listTags(deps.clients, arn).catch((): Record<string, string> => ({}));
      if (tags[TAG_DEPLOYMENT_NAME] !== undefined && tags[TAG_DEPLOYMENT_NAME] !== deploymentName) continue;
      deps.onProgress?.({ kind: 'step', message: `DeleteAutoScalingConfiguration ${name} revision ${revision.AutoScalingConfigurationRevision ?? '?'}` });
      await persistently(deps, `delete auto scaling configuration ${arn}`, () => deleteAutoScalingConfiguration(deps.clients, arn));
      removed.push(`auto scaling configuration ${name} revision ${revision.AutoScalingConfigurationRevision ?? '?'}`);
    }
  }
  return { deploymentName, removed };
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

type Action = 'pause' | 'resume' | 'redeploy';
const ACTIONS: Record<Action, { call: typeof pauseService; expect: string }> = {
  pause: { call: pauseService, expect: 'PAUSED' },
  resume: { call: resumeService, expect: 'RUNNING' },
  redeploy: { call: startDeployment, expect: 'RUNNING' },
};

/** Pause, resume or redeploy, then wait until the operation settles; fails when it does not end as expected. */
export async function changeDeployment(deps: EngineDeps, deploymentName: string, action: Action, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Service> {
  const found = requireFound(await findDeployment(deps.clients, deploymentName), deploymentName);
  const { call, expect } = ACTIONS[action];
  deps.onProgress?.({ kind: 'step', message: `${action} ${found.serviceName}` });
  const { operationId } = await call(deps.clients, found.serviceArn);
  const service = await waitForService(deps, target(found, deps, timeoutMs, 'settled'));
  const operation = (await listOperations(deps.clients, found.serviceArn, 5)).find((op) => op.Id === operationId);
  if (service?.Status !== expect || (operation?.Status !== undefined && operation.Status !== 'SUCCEEDED')) {
    throw new DeployFailedError(`${action} of ${found.serviceName} did not succeed: the service is ${service?.Status ?? 'unknown'} (operation ${operation?.Status ?? 'unknown'}).`, service?.Status ?? 'unknown');
  }
  return service;
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
