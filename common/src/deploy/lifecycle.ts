// The other things done to a deployment: delete (with everything deploy made for it), pause,
// resume, redeploy (StartDeployment), status, operations and the list for the sidebar.
import type { OperationSummary, Service } from '@aws-sdk/client-apprunner';
import {
  deleteAutoScalingConfiguration,
  describeService,
  listAutoScalingRevisions,
  listOperations,
  listServices,
  listTags,
  pauseService,
  resumeService,
  startDeployment,
} from '../aws/appRunner';
import { AwsCallError, isNotFound } from '../aws/errors';
import { deleteSecretNow, listSecretsByTag } from '../aws/secrets';
import { autoScalingConfigurationNameFor, MANAGED_BY_ZENML, TAG_DEPLOYMENT_ID, TAG_DEPLOYMENT_NAME, TAG_MANAGED_BY } from '../domain/naming';
import { secretArnOfReference } from './existing';
import { findDeployment, type FoundDeployment } from './findDeployment';
import { judgeOperation } from './outcome';
import { removeService } from './removeService';
import { persistently } from './rollback';
import { DeployFailedError, type EngineDeps } from './types';
import { followerFor, waitForService } from './wait';

const DEFAULT_TIMEOUT_MS = 600_000;

export interface DeleteResult {
  deploymentName: string;
  /** What was removed, one line each (empty: nothing existed). */
  removed: string[];
}

/** A read that must not fail on a passing storm: retried on top of the SDK's retries; undefined when not found. */
async function retried<T>(what: string, read: () => Promise<T>): Promise<T | undefined> {
  let value: T | undefined;
  await persistently(what, async () => {
    value = await read();
  });
  return value;
}

function requireFound(found: FoundDeployment | undefined, name: string): FoundDeployment {
  if (!found) throw new DeployFailedError(`No deployment named "${name}" in this region (no App Runner service tagged managed-by=zenml and zenml-deployment-name=${name}).`, 'absent');
  return found;
}

/** The secrets and scaling names the deployment's service uses, read before the service goes. */
function resourcesOf(service: Service, found: FoundDeployment, secretArns: Set<string>, scalingNames: Set<string>, deploymentIds: Set<string>): void {
  for (const reference of Object.values(service.SourceConfiguration?.ImageRepository?.ImageConfiguration?.RuntimeEnvironmentSecrets ?? {})) {
    const arn = secretArnOfReference(reference);
    if (arn) secretArns.add(arn);
  }
  const scaling = service.AutoScalingConfigurationSummary;
  if (scaling?.AutoScalingConfigurationName && !scaling.IsDefault && scaling.AutoScalingConfigurationName !== 'DefaultConfiguration') scalingNames.add(scaling.AutoScalingConfigurationName);
  if (found.deploymentId) deploymentIds.add(found.deploymentId);
}

/**
 * Deletes the deployment's service (waiting until it is gone; a DELETE_FAILED service is deleted
 * again), then its secret and every auto-scaling revision made for it. Missing pieces are fine: a
 * half-deleted deployment is finished off, found by its tags and names.
 */
export async function deleteDeployment(deps: EngineDeps, deploymentName: string, options: { serviceNamePrefix?: string; timeoutMs?: number } = {}): Promise<DeleteResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const removed: string[] = [];
  const found = await findDeployment(deps.clients, deploymentName, options);
  const secretArns = new Set<string>();
  const scalingNames = new Set<string>();
  const deploymentIds = new Set<string>();
  if (found) {
    resourcesOf(await describeService(deps.clients, found.serviceArn), found, secretArns, scalingNames, deploymentIds);
    await removeService(deps, found, timeoutMs);
    removed.push(`service ${found.serviceName}`);
  }
  const secrets = (await retried('list the secrets', () => listSecretsByTag(deps.clients, TAG_DEPLOYMENT_NAME, deploymentName))) ?? [];
  const secretNames = new Map<string, string>();
  for (const secret of secrets) {
    const tags: Record<string, string | undefined> = Object.fromEntries((secret.Tags ?? []).map((tag) => [tag.Key ?? '', tag.Value]));
    if (tags[TAG_MANAGED_BY] !== MANAGED_BY_ZENML || !secret.ARN) continue;
    secretArns.add(secret.ARN);
    if (secret.Name) secretNames.set(secret.ARN, secret.Name);
    if (tags[TAG_DEPLOYMENT_ID]) deploymentIds.add(tags[TAG_DEPLOYMENT_ID]);
  }
  for (const id of deploymentIds) {
    const name = autoScalingConfigurationNameFor(deploymentName, id);
    if (name.ok) scalingNames.add(name.name);
  }
  // Scaling revisions go before the secrets: should this stop half-way, the secrets' tags still
  // lead the next delete to them. Names that follow our naming for this deployment are found
  // even when nothing else is left.
  const all = (await retried('list the auto scaling configurations', () => listAutoScalingRevisions(deps.clients))) ?? [];
  for (const revision of all) {
    const name = revision.AutoScalingConfigurationName ?? '';
    const suffix = /-([0-9a-f]{8})$/.exec(name)?.[1];
    const ours = suffix !== undefined && autoScalingConfigurationNameFor(deploymentName, suffix);
    if (ours && ours.ok && ours.name === name) scalingNames.add(name);
  }
  for (const revision of all.filter((r) => scalingNames.has(r.AutoScalingConfigurationName ?? '') && !r.IsDefault && r.AutoScalingConfigurationArn)) {
    const arn = revision.AutoScalingConfigurationArn ?? '';
    const name = revision.AutoScalingConfigurationName ?? '';
    const tags = await retried(`read the tags of ${name}`, () => listTags(deps.clients, arn));
    if (!tags) continue;
    if (tags[TAG_DEPLOYMENT_NAME] !== undefined && tags[TAG_DEPLOYMENT_NAME] !== deploymentName) continue;
    const label = `auto scaling configuration ${name} revision ${revision.AutoScalingConfigurationRevision ?? '?'}`;
    deps.onProgress?.({ kind: 'step', message: `Deleting ${label}` });
    await persistently(`delete ${label}`, () => deleteAutoScalingConfiguration(deps.clients, arn));
    removed.push(label);
  }
  for (const arn of secretArns) {
    const name = secretNames.get(arn) ?? secretArnName(arn);
    deps.onProgress?.({ kind: 'step', message: `Deleting secret ${name}` });
    let deleted = false;
    await persistently(`delete secret ${name}`, async () => {
      deleted = await deleteSecretNow(deps.clients, arn);
    });
    if (deleted) removed.push(`secret ${name}`);
  }
  return { deploymentName, removed };
}

/** `arn:aws:secretsmanager:r:a:secret:<name>-AbCdEf` → `<name>`. */
function secretArnName(arn: string): string {
  return arn.split(':secret:')[1]?.replace(/-[A-Za-z0-9]{6}$/, '') ?? arn;
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
