// Deleting a deployment: its service (waiting until it is gone; a DELETE_FAILED service is deleted
// again), then every auto-scaling revision and secret made for it. What the service itself used is
// known from it and deleted even when listing is not permitted; listing by tags and names finds
// what an interrupted deploy or delete left behind. A search that could not run is said, not skipped.
import type { Service } from '@aws-sdk/client-apprunner';
import { deleteAutoScalingConfiguration, describeService, listAutoScalingRevisions, listTags } from '../aws/appRunner';
import { deleteSecretNow, listSecretsByTag } from '../aws/secrets';
import { describeError } from '../describeError';
import { autoScalingConfigurationNameFor, MANAGED_BY_ZENML, TAG_DEPLOYMENT_ID, TAG_DEPLOYMENT_NAME, TAG_MANAGED_BY } from '../domain/naming';
import { secretArnOfReference } from './existing';
import { findDeployment } from './findDeployment';
import { removeService } from './removeService';
import { persistently } from './rollback';
import { DeployFailedError, type EngineDeps } from './types';

const DEFAULT_TIMEOUT_MS = 600_000;

export interface DeleteResult {
  deploymentName: string;
  /** What was removed, one line each (empty: nothing existed). */
  removed: string[];
}

interface Doomed {
  secrets: Map<string, string>;
  /** Revision ARNs by the line that names them. */
  revisions: Map<string, string>;
  /** Scaling names whose revisions could not be listed: deleted with DeleteAllRevisions. */
  wholeNames: Map<string, string>;
  deploymentIds: Set<string>;
  /** Searches that could not run (no permission, AWS failing): leftovers may remain. */
  unsearched: string[];
}

/** `arn:aws:secretsmanager:r:a:secret:<name>-AbCdEf` → `<name>`. */
function secretArnName(arn: string): string {
  return arn.split(':secret:')[1]?.replace(/-[A-Za-z0-9]{6}$/, '') ?? arn;
}

/** `.../autoscalingconfiguration/<name>/<revision>/<id>` → `.../autoscalingconfiguration/<name>`, for DeleteAllRevisions. */
function nameArn(revisionArn: string): string {
  return revisionArn.split('/').slice(0, 2).join('/');
}

/** What the service itself uses, read before it goes. */
function usedBy(service: Service, doomed: Doomed): void {
  for (const reference of Object.values(service.SourceConfiguration?.ImageRepository?.ImageConfiguration?.RuntimeEnvironmentSecrets ?? {})) {
    const arn = secretArnOfReference(reference);
    if (arn) doomed.secrets.set(arn, secretArnName(arn));
  }
  const scaling = service.AutoScalingConfigurationSummary;
  if (scaling?.AutoScalingConfigurationArn && scaling.AutoScalingConfigurationName && !scaling.IsDefault && scaling.AutoScalingConfigurationName !== 'DefaultConfiguration') {
    doomed.wholeNames.set(scaling.AutoScalingConfigurationName, nameArn(scaling.AutoScalingConfigurationArn));
  }
}

async function search(doomed: Doomed, what: string, action: () => Promise<void>): Promise<void> {
  try {
    await persistently(what, action);
  } catch (error) {
    doomed.unsearched.push(describeError(error));
  }
}

/** Secrets tagged for the deployment (left by interrupted deploys), and the ids they name. */
async function secretsByTag(deps: EngineDeps, deploymentName: string, doomed: Doomed): Promise<void> {
  await search(doomed, 'list the secrets tagged for the deployment', async () => {
    for (const secret of await listSecretsByTag(deps.clients, TAG_DEPLOYMENT_NAME, deploymentName)) {
      const tags: Record<string, string | undefined> = Object.fromEntries((secret.Tags ?? []).map((tag) => [tag.Key ?? '', tag.Value]));
      if (tags[TAG_MANAGED_BY] !== MANAGED_BY_ZENML || !secret.ARN) continue;
      doomed.secrets.set(secret.ARN, secret.Name ?? secretArnName(secret.ARN));
      if (tags[TAG_DEPLOYMENT_ID]) doomed.deploymentIds.add(tags[TAG_DEPLOYMENT_ID]);
    }
  });
}

/** Every revision named the way deploy names this deployment's configurations, checked by its tags. */
async function revisionsByName(deps: EngineDeps, deploymentName: string, doomed: Doomed): Promise<void> {
  const names = new Set(doomed.wholeNames.keys());
  for (const id of doomed.deploymentIds) {
    const named = autoScalingConfigurationNameFor(deploymentName, id);
    if (named.ok) names.add(named.name);
  }
  await search(doomed, 'list the auto scaling configurations', async () => {
    for (const revision of await listAutoScalingRevisions(deps.clients)) {
      const name = revision.AutoScalingConfigurationName ?? '';
      const suffix = /-([0-9a-f]{8})$/.exec(name)?.[1];
      const ours = suffix !== undefined ? autoScalingConfigurationNameFor(deploymentName, suffix) : undefined;
      if (!names.has(name) && !(ours?.ok && ours.name === name)) continue;
      if (revision.IsDefault || !revision.AutoScalingConfigurationArn) continue;
      const arn = revision.AutoScalingConfigurationArn;
      const tags = await listTags(deps.clients, arn);
      if (tags[TAG_DEPLOYMENT_NAME] !== undefined && tags[TAG_DEPLOYMENT_NAME] !== deploymentName) continue;
      doomed.revisions.set(`auto scaling configuration ${name} revision ${revision.AutoScalingConfigurationRevision ?? '?'}`, arn);
      doomed.wholeNames.delete(name);
    }
  });
}

export async function deleteDeployment(deps: EngineDeps, deploymentName: string, options: { serviceNamePrefix?: string; timeoutMs?: number } = {}): Promise<DeleteResult> {
  const removed: string[] = [];
  const doomed: Doomed = { secrets: new Map(), revisions: new Map(), wholeNames: new Map(), deploymentIds: new Set(), unsearched: [] };
  const found = await findDeployment(deps.clients, deploymentName, options);
  if (found) {
    usedBy(await describeService(deps.clients, found.serviceArn), doomed);
    if (found.deploymentId) doomed.deploymentIds.add(found.deploymentId);
    await removeService(deps, found, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    removed.push(`service ${found.serviceName}`);
  }
  await secretsByTag(deps, deploymentName, doomed);
  await revisionsByName(deps, deploymentName, doomed);
  // Scaling revisions go before the secrets: should this stop half-way, the secrets' tags still
  // lead the next delete to them.
  for (const [label, arn] of doomed.revisions) {
    deps.onProgress?.({ kind: 'step', message: `Deleting ${label}` });
    await persistently(`delete ${label}`, () => deleteAutoScalingConfiguration(deps.clients, arn));
    removed.push(label);
  }
  for (const [name, arn] of doomed.wholeNames) {
    deps.onProgress?.({ kind: 'step', message: `Deleting every revision of auto scaling configuration ${name}` });
    await persistently(`delete the revisions of ${name}`, () => deleteAutoScalingConfiguration(deps.clients, arn, true));
    removed.push(`auto scaling configuration ${name} (every revision)`);
  }
  for (const [arn, name] of doomed.secrets) {
    deps.onProgress?.({ kind: 'step', message: `Deleting secret ${name}` });
    let deleted = false;
    await persistently(`delete secret ${name}`, async () => {
      deleted = await deleteSecretNow(deps.clients, arn);
    });
    if (deleted) removed.push(`secret ${name}`);
  }
  if (doomed.unsearched.length > 0) {
    const done = removed.length > 0 ? `Deleted ${removed.join(', ')}, but` : 'Nothing was found to delete, but';
    throw new DeployFailedError(`${done} the search for what an interrupted deploy may have left could not run: ${doomed.unsearched.join(' ')} Grant the permission and run the delete again.`, 'partly deleted');
  }
  return { deploymentName, removed };
}
