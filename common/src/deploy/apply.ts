// Carrying out a deploy plan: a fresh look that the service is free, the secret and scaling
// revision the new version needs, the service change (waited for and judged on evidence), its
// tags, the health URL, then clean-up of what the new version no longer uses. On failure or
// cancellation before the service changes, what this deploy made is removed again.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Service } from '@aws-sdk/client-apprunner';
import { describeService } from '../aws/appRunner';
import { AwsCallError } from '../aws/errors';
import { describeError } from '../describeError';
import { startRun, type ApplyRun } from './applyRun';
import { callInWords, executeCall, type PlanCall } from './calls';
import { checkHealthUrl } from './healthUrl';
import type { DeployPlan } from './plan';
import { persistently, rollBack } from './rollback';
import { changeService } from './serviceChange';
import { DeployCancelledError, DeployFailedError, type EngineDeps } from './types';

export interface DeployResult {
  action: DeployPlan['action'];
  serviceName: string;
  serviceArn: string | undefined;
  /** `https://...` (the real URL, also with an endpoint override). */
  url: string | undefined;
  status: string;
  /** Warnings that did not fail the deploy (a cleanup that could not finish, a skipped check). */
  warnings: string[];
}

/** Statuses in which App Runner refuses changes, and the way out. */
const BLOCKING_STATUS: Record<string, string> = {
  OPERATION_IN_PROGRESS: 'an operation is running on it (another deploy, a pause or a resume). Deploy again once it has settled.',
  PAUSED: 'resume it first, then deploy.',
  DELETE_FAILED: 'delete it first (a delete retries one that failed), then deploy.',
};

/** AWS finishes a forced secret deletion a few seconds after it answers; the name is taken until then. */
const SECRET_NAME_FREED_WITHIN_MS = 30_000;

/** The plan may be minutes old (a confirmation waited): the service is looked at again before the first change. */
async function refuseIfBusy(plan: DeployPlan, deps: EngineDeps): Promise<void> {
  if (!plan.existing) return;
  const current = await describeService(deps.clients, plan.existing.found.serviceArn);
  // A replacement deletes the old service anyway, retrying a delete that failed.
  if (current.Status === 'DELETE_FAILED' && plan.steps.service?.kind === 'replace') return;
  const busy = BLOCKING_STATUS[current.Status ?? ''];
  if (busy) throw new DeployFailedError(`${plan.serviceName} is ${current.Status ?? ''}: ${busy} Nothing was changed.`, current.Status ?? '');
}

async function createSecret(run: ApplyRun, call: Extract<PlanCall, { operation: 'CreateSecret' }>): Promise<unknown> {
  const deadline = Date.now() + SECRET_NAME_FREED_WITHIN_MS;
  for (;;) {
    try {
      return await executeCall(run.deps.clients, call, run.results);
    } catch (error) {
      const scheduled = error instanceof AwsCallError && /scheduled for deletion/i.test(error.message);
      if (!scheduled || Date.now() > deadline) throw error;
      await sleep(2_000);
    }
  }
}

/** A failed preparation says what happened; a taken secret name means another deploy got there first. */
function preparationFailure(run: ApplyRun, call: PlanCall, error: unknown): string {
  if (call.operation === 'CreateSecret' && error instanceof AwsCallError && error.code === 'ResourceExistsException') {
    const name = run.plan.deploymentName;
    return `Another deploy of ${name} is in progress, or one was interrupted: its secret ${call.input.Name ?? ''} exists already. Wait for the other deploy to finish, then deploy again; if none runs, deleting ${name} removes what was left.`;
  }
  return describeError(error);
}

/** The secret and scaling revision the new version needs. A failure or a cancel removes what was made. */
async function prepare(run: ApplyRun): Promise<void> {
  const { plan, deps, created } = run;
  for (const call of plan.steps.prepare) {
    if (deps.signal?.aborted) {
      const problems = await rollBack(deps, created);
      throw new DeployCancelledError(`Deploy cancelled before ${callInWords(call).toLowerCase()}; ${problems.length === 0 ? 'what it had made is removed again, nothing changed.' : problems.join(' ')}`, 'unchanged');
    }
    deps.onProgress?.({ kind: 'step', message: callInWords(call) });
    let output: unknown;
    try {
      output = call.operation === 'CreateSecret' ? await createSecret(run, call) : await executeCall(deps.clients, call, run.results);
    } catch (error) {
      const problems = await rollBack(deps, created);
      const undone = problems.length > 0 ? `Cleanup left work behind: ${problems.join(' ')}` : created.secretArn || created.scalingArn || created.restoreSecret ? 'What this deploy made was removed again.' : 'Nothing was changed.';
      throw new DeployFailedError(`${preparationFailure(run, call, error)} ${undone}`, 'unchanged');
    }
    if (call.operation === 'CreateSecret') created.secretArn = (output as { ARN?: string }).ARN;
    if (call.operation === 'CreateAutoScalingConfiguration') created.scalingArn = (output as { AutoScalingConfiguration?: { AutoScalingConfigurationArn?: string } }).AutoScalingConfiguration?.AutoScalingConfigurationArn;
    if (call.operation === 'PutSecretValue' && plan.previousSecretValues && call.input.SecretString !== undefined) {
      created.restoreSecret = { arn: call.input.SecretId ?? '', previous: JSON.stringify(plan.previousSecretValues), written: call.input.SecretString };
    }
  }
}

/** Calls made once the new version is live: a failure is a warning, never a rollback of that version. */
async function afterwards(run: ApplyRun, calls: readonly PlanCall[], retry: boolean): Promise<void> {
  for (const call of calls) {
    run.deps.onProgress?.({ kind: 'step', message: callInWords(call) });
    try {
      if (retry) await persistently(callInWords(call).toLowerCase(), () => executeCall(run.deps.clients, call, run.results));
      else await executeCall(run.deps.clients, call, run.results);
    } catch (error) {
      run.warnings.push(retry ? `${describeError(error)}; delete it by hand.` : `${describeError(error)} The service is deployed; run the deploy again to finish.`);
    }
  }
}

function resultOf(run: ApplyRun, serviceName: string, serviceArn: string | undefined, service: Service | undefined): DeployResult {
  return { action: run.plan.action, serviceName, serviceArn, url: service?.ServiceUrl ? `https://${service.ServiceUrl}` : undefined, status: service?.Status ?? 'UNKNOWN', warnings: run.warnings };
}

export async function applyPlan(plan: DeployPlan, deps: EngineDeps): Promise<DeployResult> {
  const run = startRun(plan, deps);
  const existing = plan.existing;
  if (plan.calls.length === 0) return resultOf(run, plan.serviceName, existing?.found.serviceArn, existing?.service);
  await refuseIfBusy(plan, deps);
  await prepare(run);
  const changed = plan.steps.service ? await changeService(run, plan.steps.service) : undefined;
  // From here on the new version is live and uses what this deploy made: nothing is rolled back.
  run.created = {};
  await afterwards(run, plan.steps.tags, false);
  const live = changed?.settled ?? existing?.service;
  const health = changed && live?.ServiceUrl && live.Status === 'RUNNING' ? await checkHealthUrl(deps, plan.desired, live.ServiceUrl, run.timeoutMs) : undefined;
  if (health?.kind === 'unreachable') run.warnings.push(health.warning);
  // What the new version no longer uses goes, also when its health URL fails.
  await afterwards(run, plan.steps.cleanup, true);
  if (health?.kind === 'unhealthy') {
    throw new DeployFailedError(`${health.failure} Nothing was rolled back: App Runner runs the new version.${run.warnings.length > 0 ? ` ${run.warnings.join(' ')}` : ''}`, 'RUNNING');
  }
  return resultOf(run, changed?.serviceName ?? plan.serviceName, changed?.serviceArn ?? existing?.found.serviceArn, live);
}
