// Carrying out a deploy plan: the calls in order, waiting on the service with progress, the
// health URL check, then cleanup of what the new version no longer uses. On failure or
// cancellation before the service changes, what this deploy made is removed again.
import type { Service } from '@aws-sdk/client-apprunner';
import { listOperations } from '../aws/appRunner';
import { serviceLogGroup } from '../aws/logs';
import { executeCall, type CallResults } from './execute';
import type { DeployPlan, PlanCall } from './plan';
import { persistently, rollBack, type CreatedResources } from './rollback';
import { DeployCancelledError, DeployFailedError, type EngineDeps } from './types';
import { ServiceLogFollower, waitForService } from './wait';
import { checkHealthUrl } from './healthUrl';

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
  OPERATION_IN_PROGRESS: 'an operation is running on it. Deploy again once `zenml-apprunner status` shows it settled.',
  PAUSED: 'resume it first (`zenml-apprunner resume`), then deploy.',
  DELETE_FAILED: 'delete it first (`zenml-apprunner delete`), then deploy.',
};

interface ServiceRef {
  arn: string;
  name: string;
  id: string;
}

function serviceOf(output: unknown): Service | undefined {
  return (output as { Service?: Service } | undefined)?.Service;
}

function describeFailure(plan: DeployPlan, call: PlanCall, service: Service | undefined, operationStatus: string | undefined): string {
  const name = plan.serviceName;
  if (call.operation === 'CreateService') return `${name} could not be created (${service?.Status ?? 'failed'}).`;
  return `The ${call.operation === 'StartDeployment' ? 'redeployment' : 'update'} of ${name} failed (${operationStatus ?? service?.Status ?? 'failed'}); App Runner rolled it back and the previous version keeps serving.`;
}

async function operationStatus(deps: EngineDeps, serviceArn: string, operationId: string | undefined): Promise<string | undefined> {
  if (operationId === undefined) return undefined;
  const operations = await listOperations(deps.clients, serviceArn, 5);
  return operations.find((operation) => operation.Id === operationId)?.Status;
}

export async function applyPlan(plan: DeployPlan, deps: EngineDeps): Promise<DeployResult> {
  const results: CallResults = new Map();
  const created: CreatedResources = {};
  const warnings: string[] = [];
  const timeoutMs = plan.desired.lcmTimeoutMs;
  const since = deps.clock.now();
  let service: ServiceRef | undefined = plan.existing
    ? { arn: plan.existing.found.serviceArn, name: plan.existing.found.serviceName, id: plan.existing.found.serviceId }
    : undefined;
  let lastService: Service | undefined = plan.existing?.service;
  const progress = (message: string): void => deps.onProgress?.({ kind: 'step', message });
  let serviceDone = false;

  const fail = async (message: string, state: string, logLines: string[] = []): Promise<never> => {
    const problems = await rollBack(deps, created, timeoutMs);
    const how = problems.length === 0 ? state : `${state} Cleanup left work behind: ${problems.join(' ')}`;
    throw new DeployFailedError(`${message} ${how}`.trim(), how, logLines);
  };

  const busy = plan.existing && plan.calls.length > 0 ? BLOCKING_STATUS[plan.existing.service.Status ?? ''] : undefined;
  if (busy) throw new DeployFailedError(`${plan.serviceName} is ${plan.existing?.service.Status ?? ''}: ${busy} Nothing was changed.`, plan.existing?.service.Status ?? '');

  for (const call of plan.calls.filter((c) => !c.cleanup)) {
    if (deps.signal?.aborted) {
      const problems = await rollBack(deps, created, timeoutMs);
      throw new DeployCancelledError(`Deploy cancelled before ${call.operation}; ${problems.length === 0 ? 'what it had made is removed again, nothing changed.' : problems.join(' ')}`, 'unchanged');
    }
    progress(`${call.operation} ${describeTarget(call)}`);
    let output: unknown;
    try {
      output = await executeCall(deps.clients, call, results);
    } catch (error) {
      if (serviceDone) {
        // The service already runs the new version: what is left (tags) must not undo it.
        warnings.push(`${(error as Error).message} The service is deployed; run the deploy again to finish.`);
        continue;
      }
      return fail(`${(error as Error).message}`, created.serviceArn || created.secretArn || created.scalingArn ? 'What this deploy made was removed again.' : 'Nothing was changed by this step.');
    }
    if (call.operation === 'CreateSecret') created.secretArn = (output as { ARN?: string }).ARN;
    if (call.operation === 'CreateAutoScalingConfiguration') created.scalingArn = (output as { AutoScalingConfiguration?: { AutoScalingConfigurationArn?: string } }).AutoScalingConfiguration?.AutoScalingConfigurationArn;
    if (call.operation === 'PutSecretValue' && plan.previousSecretValues && plan.existing?.secretArn) {
      created.restoreSecret = { arn: plan.existing.secretArn, value: JSON.stringify(plan.previousSecretValues) };
    }
    const answered = serviceOf(output);
    if (call.operation === 'CreateService' && answered?.ServiceArn) {
      service = { arn: answered.ServiceArn, name: answered.ServiceName ?? plan.serviceName, id: answered.ServiceId ?? '' };
      Object.assign(created, { serviceArn: service.arn, serviceName: service.name, serviceId: service.id });
    }
    if (!call.waitFor || !service) continue;

    const follower = new ServiceLogFollower(deps, serviceLogGroup(service.name, service.id), since);
    const target = { serviceArn: service.arn, serviceName: service.name, serviceId: service.id, since, timeoutMs, until: call.waitFor };
    if (call.waitFor === 'deleted') {
      await waitForService({ ...deps, signal: undefined }, target, follower);
      continue;
    }
    try {
      lastService = await waitForService(deps, target, follower);
    } catch (error) {
      if (error instanceof DeployCancelledError || error instanceof DeployFailedError) throw error;
      return fail((error as Error).message, 'The service was left as it is.');
    }
    const opStatus = call.operation === 'CreateService' ? undefined : await operationStatus(deps, service.arn, (output as { OperationId?: string }).OperationId).catch(() => undefined);
    const failed = lastService?.Status === 'CREATE_FAILED' || (opStatus !== undefined && opStatus !== 'SUCCEEDED');
    if (failed) {
      await follower.poll().catch(() => undefined);
      // An update that App Runner rolled back keeps the service: only what this deploy added goes.
      if (call.operation !== 'CreateService') delete created.serviceArn;
      return fail(describeFailure(plan, call, lastService, opStatus), call.operation === 'CreateService' ? 'The failed service and what this deploy made were removed.' : 'What this deploy added was removed again.', follower.tail(10));
    }
    // From here on the new version is live and uses what this deploy made: nothing to roll back.
    serviceDone = true;
    for (const key of Object.keys(created) as (keyof CreatedResources)[]) delete created[key];
  }

  const result: DeployResult = {
    action: plan.action,
    serviceName: service?.name ?? plan.serviceName,
    serviceArn: service?.arn,
    url: lastService?.ServiceUrl ? `https://${lastService.ServiceUrl}` : undefined,
    status: lastService?.Status ?? 'UNKNOWN',
    warnings,
  };
  const health = plan.action !== 'none' && lastService?.ServiceUrl && lastService.Status === 'RUNNING' ? await checkHealthUrl(deps, plan.desired, lastService.ServiceUrl, timeoutMs) : undefined;
  if (health?.kind === 'unreachable') warnings.push(health.warning);
  // The new version is live either way: what it no longer uses goes, also when its health URL fails.
  for (const call of plan.calls.filter((c) => c.cleanup)) {
    progress(`${call.operation} ${describeTarget(call)} (no longer used)`);
    try {
      await persistently(deps, `${call.operation} ${describeTarget(call)}`, () => executeCall(deps.clients, call, results));
    } catch (error) {
      warnings.push(`${(error as Error).message}; delete it by hand.`);
    }
  }
  if (health?.kind === 'unhealthy') {
    throw new DeployFailedError(`${health.failure} Nothing was rolled back: App Runner runs the new version.${warnings.length > 0 ? ` ${warnings.join(' ')}` : ''}`, 'RUNNING');
  }
  return result;
}

/** The resource a call acts on, for progress lines. */
export function describeTarget(call: PlanCall): string {
  const input = call.input;
  const name = input.ServiceName ?? input.Name ?? input.AutoScalingConfigurationName ?? input.ServiceArn ?? input.SecretId ?? input.ResourceArn ?? input.AutoScalingConfigurationArn;
  return typeof name === 'string' ? name : '';
}
