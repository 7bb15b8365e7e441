// The service step of a deploy: create, update, redeploy or replace the App Runner service, wait
// until App Runner settles, and judge the outcome on positive evidence. A failure removes what
// this deploy made (a failed new service included) and says what keeps serving.
import type { Service } from '@aws-sdk/client-apprunner';
import { AwsCallError } from '../aws/errors';
import { callInWords, executeCall, resolvePlaceholders, type CallOf } from './calls';
import { explainFailure } from './failureReason';
import { judgeOperation, type Outcome } from './outcome';
import type { ServiceStep } from './planParts';
import { removeService, type ServiceRef } from './removeService';
import { rollBack } from './rollback';
import type { ApplyRun } from './applyRun';
import { DeployCancelledError, DeployFailedError } from './types';
import { followerFor, waitForService, type ServiceLogFollower } from './wait';

export interface ChangedService extends ServiceRef {
  settled: Service | undefined;
}

const withoutStop = (text: string): string => text.replace(/\.\s*$/, '');

/** A CreateService App Runner refused because the name is taken: another deploy of this deployment made it. */
function takenName(error: unknown): boolean {
  return error instanceof AwsCallError && error.kind === 'invalid-request' && /already exists/i.test(error.message);
}

/** The application's last lines before the failure (read before a failed new service goes). */
async function applicationLines(run: ApplyRun, ref: ServiceRef, status: string): Promise<string[]> {
  const explained = await explainFailure(run.deps.clients, { ...ref, status }, { applicationLines: 5 }).catch(() => undefined);
  return explained?.applicationLines.map((line) => line.message) ?? [];
}

async function failWith(run: ApplyRun, message: string, state: string, log?: ServiceLogFollower, lines: string[] = []): Promise<never> {
  const madeService = run.created.service !== undefined;
  const problems = await rollBack(run.deps, run.created);
  const undone =
    problems.length > 0
      ? `Cleanup left work behind: ${problems.join(' ')}`
      : madeService
        ? 'The failed service and what this deploy made were removed.'
        : run.plan.existing
          ? 'What this deploy added was removed again.'
          : 'What this deploy made was removed again.';
  throw new DeployFailedError(`${message} ${undone}`, state, log?.tail(10) ?? [], lines);
}

async function create(run: ApplyRun, call: CallOf<'CreateService'>): Promise<ChangedService> {
  const { plan, deps } = run;
  deps.onProgress?.({ kind: 'step', message: callInWords(call) });
  let output: { Service?: Service; OperationId?: string };
  try {
    output = (await executeCall(deps.clients, call, run.results)) as typeof output;
  } catch (error) {
    if (takenName(error)) return failWith(run, `Another deploy of ${plan.deploymentName} is in progress: App Runner already has its service ${call.input.ServiceName}. Wait for it to finish, then deploy again if needed.`, 'unchanged');
    return failWith(run, (error as Error).message, 'unchanged');
  }
  const answered = output.Service;
  const ref: ServiceRef = { serviceArn: answered?.ServiceArn ?? '', serviceName: answered?.ServiceName ?? plan.serviceName, serviceId: answered?.ServiceId ?? '' };
  run.created.service = { name: ref.serviceName, remove: () => removeService({ ...deps, signal: undefined }, ref, run.timeoutMs) };
  const log = followerFor(deps, { ...ref, since: run.since });
  let settled: Service | undefined;
  try {
    settled = await waitForService(deps, { ...ref, since: run.since, timeoutMs: run.timeoutMs, until: 'settled' }, log);
  } catch (error) {
    if (error instanceof DeployCancelledError || error instanceof DeployFailedError) throw error;
    return failWith(run, `Lost track of ${ref.serviceName} while it was being created: ${(error as Error).message}`, 'unknown', log);
  }
  if (settled?.Status === 'RUNNING') return { ...ref, settled };
  await log.poll();
  const outcome = await judgeOperation(deps, { serviceArn: ref.serviceArn, operationId: output.OperationId, settled }, log);
  const reason = outcome.kind === 'failed' && outcome.reason ? `: ${withoutStop(outcome.reason)}` : '';
  const status = settled?.Status ?? 'CREATE_FAILED';
  return failWith(run, `${ref.serviceName} could not be created (${status})${reason}.`, status, log, await applicationLines(run, ref, status));
}

function failureMessage(run: ApplyRun, what: string, outcome: Exclude<Outcome, { kind: 'succeeded' }>, settled: Service | undefined): string {
  const name = run.plan.serviceName;
  if (outcome.kind === 'failed') {
    const reason = outcome.reason ? `: ${withoutStop(outcome.reason)}` : '';
    const keeps = outcome.rolledBack ? ' App Runner rolled it back and the previous version keeps serving.' : '';
    return `The ${what} of ${name} failed${reason} (${outcome.evidence}).${keeps}`;
  }
  return `${name} is ${settled?.Status ?? 'in an unknown state'}, but the ${what}'s outcome could not be read: ${outcome.why.join('; ')}. It may be running the previous version; check its status before deploying again.`;
}

/** UpdateService or StartDeployment on the existing service, judged by its outcome. */
async function change(run: ApplyRun, call: CallOf<'UpdateService'> | CallOf<'StartDeployment'>, what: string): Promise<ChangedService> {
  const { plan, deps } = run;
  const existing = plan.existing;
  if (!existing) throw new Error(`a ${what} needs an existing service`);
  const ref: ServiceRef = { serviceArn: existing.found.serviceArn, serviceName: existing.found.serviceName, serviceId: existing.found.serviceId };
  deps.onProgress?.({ kind: 'step', message: callInWords(call) });
  let output: { OperationId?: string };
  try {
    output = (await executeCall(deps.clients, call, run.results)) as typeof output;
  } catch (error) {
    const busy = error instanceof AwsCallError && error.kind === 'invalid-state';
    return failWith(run, busy ? `${plan.deploymentName} is busy: another operation started on ${ref.serviceName} (another deploy of ${plan.deploymentName} may be in progress). Deploy again once it has finished.` : (error as Error).message, 'unchanged');
  }
  const log = followerFor(deps, { ...ref, since: run.since });
  let settled: Service | undefined;
  try {
    settled = await waitForService(deps, { ...ref, since: run.since, timeoutMs: run.timeoutMs, until: 'settled' }, log);
  } catch (error) {
    if (error instanceof DeployCancelledError || error instanceof DeployFailedError) throw error;
    // The operation runs on in App Runner: undoing what it may use would break it.
    throw new DeployFailedError(`Lost track of the ${what} of ${ref.serviceName}: ${(error as Error).message} App Runner goes on with it; check its status later.`, 'unknown', log.tail(10));
  }
  await log.poll();
  const wanted = call.operation === 'UpdateService' ? resolvePlaceholders(plan.wanted, run.results) : undefined;
  const outcome = await judgeOperation(deps, { serviceArn: ref.serviceArn, operationId: output.OperationId, settled, ...(wanted ? { wanted, previous: existing.service } : {}) }, log);
  if (outcome.kind === 'succeeded') return { ...ref, settled };
  if (outcome.kind === 'failed') return failWith(run, failureMessage(run, what, outcome, settled), settled?.Status ?? 'unknown', log, await applicationLines(run, ref, settled?.Status ?? 'unknown'));
  // Unknown: nothing is undone (the new version may use what this deploy made) and nothing claimed.
  throw new DeployFailedError(failureMessage(run, what, outcome, settled), `${settled?.Status ?? 'unknown'}, outcome unknown`, log.tail(10));
}

/** Replacement: the old service goes (retried once if its delete fails), then the new one is created. */
async function replace(run: ApplyRun, step: Extract<ServiceStep, { kind: 'replace' }>): Promise<ChangedService> {
  const existing = run.plan.existing;
  if (!existing) throw new Error('a replacement needs an existing service');
  try {
    await removeService({ ...run.deps, signal: undefined }, existing.found, run.timeoutMs);
  } catch (error) {
    return failWith(run, `The old service could not be deleted, so it is not replaced: ${(error as Error).message}`, 'DELETE_FAILED');
  }
  return create(run, step.create);
}

export function changeService(run: ApplyRun, step: ServiceStep): Promise<ChangedService> {
  switch (step.kind) {
    case 'create':
      return create(run, step.call);
    case 'update':
      return change(run, step.call, 'update');
    case 'redeploy':
      return change(run, step.call, 'redeployment');
    case 'replace':
      return replace(run, step);
  }
}
