// The deploy plan: the exact, ordered AWS calls that bring a deployment from what exists to what
// the file asks for, grouped by what they do, and a readable list of the changes. Pure: built
// from the desired state and what was read, so `plan` shows exactly what `deploy` will send.
import type { AwsServiceName } from '../aws/clientFactory';
import { NEW_SCALING_ARN, NEW_SCALING_REVISION, NEW_SECRET_ARN, type CallOf, type PlanCall } from './calls';
import { SCALING_TAG, scalingTagValue, type DesiredDeployment } from './desired';
import type { ExistingDeployment } from './existing';
import { createScalingCall, createSecretCall, desiredServiceTags, planScaling, planSecret, planService, planTags, serviceInput, tagList, type ServiceStep } from './planParts';

export type { PlanCall } from './calls';
export type { ServiceStep } from './planParts';
export type PlanAction = 'create' | 'update' | 'replace' | 'none';

export interface PlanSteps {
  /** Before the service changes: a new or updated secret, a new auto-scaling revision. */
  prepare: (CallOf<'CreateSecret'> | CallOf<'PutSecretValue'> | CallOf<'CreateAutoScalingConfiguration'>)[];
  /** The service change App Runner runs as an operation, waited for until it settles. */
  service: ServiceStep | undefined;
  /** After the service change: its tags (a failure there does not undo a live version). */
  tags: (CallOf<'TagResource'> | CallOf<'UntagResource'>)[];
  /** Once the new version is live: what it no longer uses. */
  cleanup: (CallOf<'DeleteSecret'> | CallOf<'DeleteAutoScalingConfiguration'>)[];
}

export interface DeployPlan {
  action: PlanAction;
  deploymentName: string;
  deploymentId: string;
  region: string;
  serviceName: string;
  steps: PlanSteps;
  /** Every call of `steps`, in the order they are made. */
  calls: PlanCall[];
  /** What changes, one line each (values of secrets never shown). */
  changes: string[];
  notes: string[];
  /** Secret values the plan's inputs contain, to hide wherever it is shown. */
  secretValues: string[];
  desired: DesiredDeployment;
  existing: ExistingDeployment | undefined;
  /** The input the service should end up with, to recognise the new version in DescribeService. */
  wanted: CallOf<'CreateService'>['input'];
  /** The secret's content before this deploy (restored if an update fails). */
  previousSecretValues: Record<string, string> | undefined;
}

export const REDACTED = '<redacted>';
export { NEW_SCALING_ARN, NEW_SCALING_REVISION, NEW_SECRET_ARN };

export interface PlanInputs {
  desired: DesiredDeployment;
  existing?: ExistingDeployment;
  /** The current content of the existing secret (read only when the deploy needs a secret). */
  existingSecretValues?: Record<string, string>;
}

export function stepCalls(steps: PlanSteps): PlanCall[] {
  const service = steps.service === undefined ? [] : steps.service.kind === 'replace' ? [steps.service.remove, steps.service.create] : [steps.service.call];
  return [...steps.prepare, ...service, ...steps.tags, ...steps.cleanup];
}

function secretValuesOf(desired: DesiredDeployment): string[] {
  const plainSecrets = desired.secretEnvNames.map((name) => String(desired.service.SourceConfiguration?.ImageRepository?.ImageConfiguration?.RuntimeEnvironmentVariables?.[name] ?? ''));
  return [...Object.values(desired.secretValues ?? {}), ...plainSecrets].filter((value) => value !== '');
}

/** A new deployment: secret, auto-scaling configuration, then the service that uses both. */
function planCreate(desired: DesiredDeployment): { steps: PlanSteps; changes: string[] } {
  const secret = createSecretCall(desired);
  const changes = [`+ service ${desired.serviceName} (${desired.service.InstanceConfiguration?.Cpu} / ${desired.service.InstanceConfiguration?.Memory}, image ${desired.service.SourceConfiguration?.ImageRepository?.ImageIdentifier})`];
  if (desired.secretName !== undefined) changes.push(`+ secret ${desired.secretName} (${Object.keys(desired.secretValues ?? {}).sort().join(', ')}; values not shown)`);
  changes.push(`+ auto scaling configuration ${desired.scalingName} (min ${desired.scaling.MinSize}, max ${desired.scaling.MaxSize}, concurrency ${desired.scaling.MaxConcurrency})`);
  const tags = { ...desired.tags, [SCALING_TAG]: scalingTagValue(desired.scaling, NEW_SCALING_REVISION) };
  const create: CallOf<'CreateService'> = { service: 'apprunner', operation: 'CreateService', input: { ...serviceInput(desired, NEW_SECRET_ARN, NEW_SCALING_ARN), Tags: tagList(tags) } };
  return { steps: { prepare: [...(secret ? [secret] : []), createScalingCall(desired)], service: { kind: 'create', call: create }, tags: [], cleanup: [] }, changes };
}

export function buildPlan({ desired, existing, existingSecretValues }: PlanInputs): DeployPlan {
  const base = {
    deploymentName: desired.deploymentName,
    deploymentId: desired.deploymentId,
    region: desired.region,
    notes: [...desired.notes],
    secretValues: secretValuesOf(desired),
    desired,
    existing,
    previousSecretValues: existingSecretValues,
  };
  if (!existing) {
    const { steps, changes } = planCreate(desired);
    return { ...base, action: 'create', serviceName: desired.serviceName, steps, calls: stepCalls(steps), changes, wanted: serviceInput(desired, NEW_SECRET_ARN, NEW_SCALING_ARN) };
  }
  const secret = planSecret(desired, existing, existingSecretValues);
  const scaling = planScaling(desired, existing);
  const service = planService(desired, existing, secret, scaling);
  const replacing = service.step?.kind === 'replace';
  // A replacement's CreateService carries the tags; otherwise they are set on the service as it is.
  const tags = replacing ? { calls: [], changes: [] } : planTags(existing, desiredServiceTags(desired, existing, scaling, service.configChanged));
  const steps: PlanSteps = {
    prepare: [...secret.prepare, ...scaling.prepare],
    service: service.step,
    tags: tags.calls,
    cleanup: [...secret.cleanup, ...scaling.cleanup],
  };
  const calls = stepCalls(steps);
  const changes = replacing ? [...service.changes, ...secret.changes, ...scaling.changes] : [...secret.changes, ...scaling.changes, ...service.changes, ...tags.changes];
  const action = replacing ? 'replace' : calls.length === 0 ? 'none' : 'update';
  return { ...base, action, serviceName: existing.found.serviceName, steps, calls, changes, wanted: service.wanted };
}

function redact(value: unknown, secrets: ReadonlySet<string>, key = ''): unknown {
  if (typeof value === 'string') return key === 'SecretString' || secrets.has(value) ? REDACTED : value;
  if (Array.isArray(value)) return value.map((item) => redact(item, secrets));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, secrets, k)]));
  return value;
}

/** The contract's JSON: `{"calls":[{service, operation, input}]}` with secret values redacted. */
export function planToJson(plan: DeployPlan): { calls: { service: AwsServiceName; operation: string; input: unknown }[] } {
  const secrets = new Set(plan.secretValues);
  return { calls: plan.calls.map((call) => ({ service: call.service, operation: call.operation, input: redact(call.input, secrets) })) };
}
