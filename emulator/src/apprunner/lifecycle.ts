// Service operations over time: an operation is PENDING, then IN_PROGRESS, then SUCCEEDED or
// FAILED (or ROLLBACK_IN_PROGRESS -> ROLLBACK_SUCCEEDED for a failed update of a running service),
// each step `provisioningMs`-driven and written to the service's logs. The plan is stored on the
// operation, so saved state resumes its operations after a restart.
import type { OperationType, ServiceStatus } from '@aws-sdk/client-apprunner';
import { hex32, uuid } from '../ids';
import { resolveSecretReference } from '../secrets/store';
import type { EmulatorState } from '../state';
import type { OperationRecord, ServiceConfig, ServiceRecord } from './records';
import { accessLine, crashLines, EXITED_LINE, healthCheckDescription, logApplication, logDeployment, logServiceEvents, startupLines } from './serviceLogs';
import { STAND_IN_GET_PATHS } from './standInPaths';

/** An image whose tag contains this word fails every deployment (CREATE_FAILED or a rollback). */
export const FAILING_TAG_MARKER = 'fail-deploy';

const DEPLOYING: readonly OperationType[] = ['CREATE_SERVICE', 'UPDATE_SERVICE', 'START_DEPLOYMENT', 'RESUME_SERVICE'];
const FINAL = new Set(['SUCCEEDED', 'FAILED', 'ROLLBACK_SUCCEEDED', 'ROLLBACK_FAILED']);

const START_MESSAGES: Record<OperationType, string> = {
  CREATE_SERVICE: 'Service creation started.',
  UPDATE_SERVICE: 'Service update started.',
  START_DEPLOYMENT: 'Manual deployment started.',
  PAUSE_SERVICE: 'Pausing service.',
  RESUME_SERVICE: 'Resuming service.',
  DELETE_SERVICE: 'Deleting service.',
};

/** Why a deployment fails, and what its new instance printed before it did. */
export interface DeploymentFailure {
  reason: string;
  /** `exited`: the application died at start-up; `not-found`: it answered the health check 404; `none`: it never started. */
  instance: 'exited' | 'not-found' | 'none';
}

/** The failure of an image that exits at start-up (`fail-deploy`, and the seeded CREATE_FAILED samples). */
export function exitedAtStartup(service: ServiceRecord, config: ServiceConfig): DeploymentFailure {
  return { reason: `Health check failed on ${healthCheckDescription(service, config)}: the application exited during startup.`, instance: 'exited' };
}

/** App Runner's first lines for a deployment: the image pull, provisioning, the health check. */
export function deploymentStartLines(service: ServiceRecord, config: ServiceConfig): string[] {
  const image = config.sourceConfiguration.ImageRepository;
  const registry = image?.ImageRepositoryType === 'ECR_PUBLIC' ? 'ECR Public' : 'ECR';
  return [
    `Pulling image ${image?.ImageIdentifier ?? ''} from ${registry} repository.`,
    `Successfully pulled your application image from ${registry}.`,
    `Provisioning instances and deploying image for ${config.networkConfiguration.IngressConfiguration?.IsPubliclyAccessible === false ? 'privately' : 'publicly'} accessible service.`,
    `Performing health check on ${healthCheckDescription(service, config)}.`,
  ];
}

/**
 * What App Runner and the new instance leave in the logs when a deployment fails: an application
 * that exits leaves its output in a new instance stream, one that answers the health check 404
 * leaves the probes; a secret that cannot be read starts nothing. Then App Runner's reason, in the
 * deployment's stream and in the service events ("Deployment with ID : ... failed. Failure reason : ...").
 */
export function writeFailure(state: EmulatorState, service: ServiceRecord, operationId: string, config: ServiceConfig, failure: DeploymentFailure): void {
  const instanceId = hex32();
  if (failure.instance === 'exited') {
    logApplication(state, service, crashLines(service), instanceId);
    logDeployment(state, service, operationId, [EXITED_LINE]);
  } else if (failure.instance === 'not-found') {
    const path = config.healthCheckConfiguration.Path;
    logApplication(state, service, [...startupLines(service, config), ...Array.from({ length: 3 }, () => accessLine('GET', path, 404))], instanceId);
  }
  logDeployment(state, service, operationId, [failure.reason]);
  logServiceEvents(state, service, [`Deployment with ID : ${operationId} failed. Failure reason : ${failure.reason}`]);
}

/** Why a deployment of `config` cannot become healthy, or undefined when it can. */
function deploymentFailure(state: EmulatorState, service: ServiceRecord, config: ServiceConfig, now: number): DeploymentFailure | undefined {
  const image = config.sourceConfiguration.ImageRepository;
  const identifier = image?.ImageIdentifier ?? '';
  const tag = identifier.includes('@') ? '' : identifier.slice(identifier.lastIndexOf(':') + 1);
  if (tag.includes(FAILING_TAG_MARKER)) return exitedAtStartup(service, config);
  const check = config.healthCheckConfiguration;
  if (check.Protocol === 'HTTP' && !STAND_IN_GET_PATHS.includes(check.Path)) {
    return { reason: `Health check failed on ${healthCheckDescription(service, config)}: the application answered 404.`, instance: 'not-found' };
  }
  const secrets = Object.entries(image?.ImageConfiguration?.RuntimeEnvironmentSecrets ?? {});
  if (secrets.length > 0 && config.instanceConfiguration.InstanceRoleArn === undefined) {
    return { reason: 'Failed to fetch runtime environment secrets: the service has no instance role to read them with.', instance: 'none' };
  }
  for (const [name, reference] of secrets) {
    const resolution = resolveSecretReference(state, reference, now);
    if (!resolution.ok) return { reason: `Failed to fetch the value of runtime environment secret ${name}: ${resolution.reason}.`, instance: 'none' };
  }
  return undefined;
}

function schedule(state: EmulatorState, service: ServiceRecord, operation: OperationRecord): void {
  const next = operation.status === 'PENDING' ? operation.plan.inProgressAt : operation.plan.completesAt;
  state.schedule(next - Date.now(), () => advance(state, service, operation));
}

function finish(service: ServiceRecord, operation: OperationRecord, status: OperationRecord['status'], serviceStatus: ServiceStatus, now: number): void {
  operation.status = status;
  operation.updatedAt = now;
  operation.endedAt = now;
  service.status = serviceStatus;
  service.updatedAt = now;
}

function completeDeployment(state: EmulatorState, service: ServiceRecord, operation: OperationRecord, now: number): void {
  const config = operation.plan.nextConfig ?? service.config;
  const failure: DeploymentFailure | undefined = operation.plan.fails ? { reason: 'Deployment failed (injected by the emulator).', instance: 'none' } : deploymentFailure(state, service, config, now);
  if (failure === undefined) {
    service.config = config;
    service.instanceId = hex32();
    service.serving = true;
    finish(service, operation, 'SUCCEEDED', 'RUNNING', now);
    logDeployment(state, service, operation.id, [`Health check on ${healthCheckDescription(service)} is successful.`, 'Routing traffic to the new deployment.']);
    logServiceEvents(state, service, [`Deployment with ID : ${operation.id} was successful.`, 'Service status is set to RUNNING.']);
    logApplication(state, service, startupLines(service));
    return;
  }
  writeFailure(state, service, operation.id, config, failure);
  const wasRunning = operation.plan.previousStatus === 'RUNNING' && operation.type !== 'CREATE_SERVICE';
  if (!wasRunning) {
    const status = operation.type === 'RESUME_SERVICE' ? 'PAUSED' : 'CREATE_FAILED';
    finish(service, operation, 'FAILED', status, now);
    logServiceEvents(state, service, [`Service status is set to ${status}.`]);
    return;
  }
  // A failed update of a running service rolls back: the previous deployment keeps serving.
  operation.status = 'ROLLBACK_IN_PROGRESS';
  operation.updatedAt = now;
  operation.plan.completesAt = now + state.settings.provisioningMs / 2;
  logServiceEvents(state, service, ['Rollback started: the previous deployment keeps serving traffic.']);
  schedule(state, service, operation);
}

/** Moves an operation one step forward; safe to call again for a step already taken. */
export function advance(state: EmulatorState, service: ServiceRecord, operation: OperationRecord): void {
  const now = Date.now();
  if (FINAL.has(operation.status)) return;
  if (operation.status === 'PENDING') {
    operation.status = 'IN_PROGRESS';
    operation.updatedAt = now;
    if (DEPLOYING.includes(operation.type)) logDeployment(state, service, operation.id, deploymentStartLines(service, operation.plan.nextConfig ?? service.config));
  } else if (operation.status === 'ROLLBACK_IN_PROGRESS') {
    finish(service, operation, 'ROLLBACK_SUCCEEDED', operation.plan.previousStatus, now);
    logServiceEvents(state, service, [`Rollback completed. Service status is set to ${operation.plan.previousStatus}.`]);
  } else if (DEPLOYING.includes(operation.type)) {
    completeDeployment(state, service, operation, now);
  } else if (operation.type === 'PAUSE_SERVICE' && operation.plan.fails) {
    finish(service, operation, 'FAILED', operation.plan.previousStatus, now);
    logServiceEvents(state, service, [`Pausing failed (injected by the emulator). Service status is set to ${operation.plan.previousStatus}.`]);
  } else if (operation.type === 'PAUSE_SERVICE') {
    service.serving = false;
    finish(service, operation, 'SUCCEEDED', 'PAUSED', now);
    logServiceEvents(state, service, ['Service status is set to PAUSED.']);
  } else if (operation.plan.fails) {
    // DELETE_SERVICE: the service stays, unusable, until a delete succeeds.
    service.serving = false;
    finish(service, operation, 'FAILED', 'DELETE_FAILED', now);
    logServiceEvents(state, service, ['Service deletion failed (injected by the emulator). Service status is set to DELETE_FAILED.']);
  } else {
    service.serving = false;
    finish(service, operation, 'SUCCEEDED', 'DELETED', now);
    service.deletedAt = now;
    logServiceEvents(state, service, ['Service deleted.']);
  }
  state.changed();
  if (!FINAL.has(operation.status)) schedule(state, service, operation);
}

/** Starts an operation: the service goes OPERATION_IN_PROGRESS until the operation ends. */
export function beginOperation(state: EmulatorState, service: ServiceRecord, type: OperationType, now: number, nextConfig?: ServiceConfig, fails = false): OperationRecord {
  const provisioning = state.settings.provisioningMs;
  const operation: OperationRecord = {
    id: uuid(),
    type,
    status: 'PENDING',
    targetArn: service.arn,
    startedAt: now,
    updatedAt: now,
    plan: {
      ...(nextConfig ? { nextConfig } : {}),
      previousStatus: service.status,
      inProgressAt: now + provisioning / 5,
      completesAt: now + provisioning,
      ...(fails ? { fails } : {}),
    },
  };
  service.operations.push(operation);
  service.status = 'OPERATION_IN_PROGRESS';
  service.updatedAt = now;
  logServiceEvents(state, service, [type === 'START_DEPLOYMENT' ? `Deployment with ID : ${operation.id} started. Triggering event : MANUAL_DEPLOYMENT` : START_MESSAGES[type]]);
  state.changed();
  schedule(state, service, operation);
  return operation;
}

/** After loading saved state: re-arm the timers of operations that were still running. */
export function resumeOperations(state: EmulatorState): void {
  for (const region of state.regions.values()) {
    for (const service of region.services.values()) {
      const operation = service.operations[service.operations.length - 1];
      if (operation && !FINAL.has(operation.status)) schedule(state, service, operation);
    }
  }
}

export function runningOperation(service: ServiceRecord): OperationRecord | undefined {
  const operation = service.operations[service.operations.length - 1];
  return operation && !FINAL.has(operation.status) ? operation : undefined;
}
