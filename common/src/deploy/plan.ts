// The deploy plan: the exact, ordered AWS calls that bring a deployment from what exists to what
// the file asks for, and a readable list of the changes. Pure: built from the desired state and
// what was read, so `plan` shows exactly what `deploy` will send.
import type { CreateServiceCommandInput } from '@aws-sdk/client-apprunner';
import type { AwsServiceName } from '../aws/clientFactory';
import { TAG_DEPLOYER_ID, TAG_DEPLOYER_NAME } from '../domain/naming';
import { AUTH_KEY_ENV, SCALING_ARN, SCALING_TAG, scalingTagValue, SECRET_ARN, type DesiredDeployment } from './desired';
import type { ExistingDeployment } from './existing';
import { compareShapes, desiredShape, existingShape, UPDATE_MEMBER, type FieldChange, type ShapeMember } from './serviceShape';

export type PlanAction = 'create' | 'update' | 'replace' | 'none';

export interface PlanCall {
  service: AwsServiceName;
  operation: string;
  /** The exact SDK input; `<Operation.Output.Path>` where a value comes from an earlier call. */
  input: Record<string, unknown>;
  /** After this call, wait for the service's operation: until it settles, or until it is gone. */
  waitFor?: 'settled' | 'deleted';
  /** Run after the service is up (a failure of the deploy skips it). */
  cleanup?: boolean;
}

export interface DeployPlan {
  action: PlanAction;
  deploymentName: string;
  deploymentId: string;
  region: string;
  serviceName: string;
  calls: PlanCall[];
  /** What changes, one line each (values of secrets never shown). */
  changes: string[];
  notes: string[];
  /** Secret values the plan's inputs contain, to hide wherever it is shown. */
  secretValues: string[];
  desired: DesiredDeployment;
  existing: ExistingDeployment | undefined;
  /** The secret's content before this deploy (restored if an update fails). */
  previousSecretValues: Record<string, string> | undefined;
}

export const REDACTED = '<redacted>';
export const NEW_SECRET_ARN = '<CreateSecret.ARN>';
export const NEW_SCALING_ARN = '<CreateAutoScalingConfiguration.AutoScalingConfiguration.AutoScalingConfigurationArn>';
export const NEW_SCALING_REVISION = '<CreateAutoScalingConfiguration.AutoScalingConfiguration.AutoScalingConfigurationRevision>';

export interface PlanInputs {
  desired: DesiredDeployment;
  existing?: ExistingDeployment;
  /** The current content of the existing secret (read only when the deploy needs a secret). */
  existingSecretValues?: Record<string, string>;
}

const tagList = (tags: Record<string, string>): { Key: string; Value: string }[] => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));

/** The desired CreateService input with the ARN stand-ins replaced. */
function serviceInput(desired: DesiredDeployment, secretArn: string, scalingArn: string): CreateServiceCommandInput {
  const text = JSON.stringify(desired.service).split(SECRET_ARN).join(secretArn).split(SCALING_ARN).join(scalingArn);
  return JSON.parse(text) as CreateServiceCommandInput;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a, Object.keys(a ?? {}).sort()) === JSON.stringify(b, Object.keys(b ?? {}).sort());
}

const SECRET_LOOKING = /token|secret|password|passwd|api[_-]?key|auth|credential|private/i;

function showValue(change: FieldChange, hidden: ReadonlySet<string>, value: unknown): string {
  const key = change.path.split('.').pop() ?? '';
  if (change.path.startsWith('source.environment.') && (hidden.has(key) || SECRET_LOOKING.test(key))) return '(hidden)';
  return JSON.stringify(value);
}

function describeChange(change: FieldChange, hidden: ReadonlySet<string>): string {
  if (change.before === undefined) return `+ ${change.path} = ${showValue(change, hidden, change.after)}`;
  if (change.after === undefined) return `- ${change.path}`;
  return `~ ${change.path}: ${showValue(change, hidden, change.before)} -> ${showValue(change, hidden, change.after)}`;
}

function createCalls(desired: DesiredDeployment): PlanCall[] {
  const calls: PlanCall[] = [];
  if (desired.secretName !== undefined && desired.secretValues) {
    calls.push({
      service: 'secretsmanager',
      operation: 'CreateSecret',
      input: { Name: desired.secretName, Description: `Secrets of the ZenML deployment ${desired.deploymentName}`, SecretString: JSON.stringify(desired.secretValues), Tags: tagList(desired.tags) },
    });
  }
  calls.push({
    service: 'apprunner',
    operation: 'CreateAutoScalingConfiguration',
    input: { AutoScalingConfigurationName: desired.scalingName, ...desired.scaling, Tags: tagList(desired.tags) },
  });
  const tags = { ...desired.tags, [SCALING_TAG]: scalingTagValue(desired.scaling, NEW_SCALING_REVISION) };
  calls.push({ service: 'apprunner', operation: 'CreateService', input: { ...serviceInput(desired, NEW_SECRET_ARN, NEW_SCALING_ARN), Tags: tagList(tags) }, waitFor: 'settled' });
  return calls;
}

/** Tags ZenML's deployer stamped on a service it made stay as they are (they name that deployer). */
function keepDeployerTags(desired: Record<string, string>, existing: Record<string, string>): Record<string, string> {
  const kept = { ...desired };
  for (const key of [TAG_DEPLOYER_NAME, TAG_DEPLOYER_ID]) if (existing[key] !== undefined) kept[key] = existing[key];
  return kept;
}

export function buildPlan({ desired, existing, existingSecretValues }: PlanInputs): DeployPlan {
  const base = {
    deploymentName: desired.deploymentName,
    deploymentId: desired.deploymentId,
    region: desired.region,
    notes: [...desired.notes],
    secretValues: [...Object.values(desired.secretValues ?? {}), ...desired.secretEnvNames.map((name) => String(desired.service.SourceConfiguration?.ImageRepository?.ImageConfiguration?.RuntimeEnvironmentVariables?.[name] ?? ''))].filter((value) => value !== ''),
    desired,
    existing,
    previousSecretValues: existingSecretValues,
  };
  if (!existing) {
    const changes = [`+ service ${desired.serviceName} (${desired.service.InstanceConfiguration?.Cpu} / ${desired.service.InstanceConfiguration?.Memory}, image ${desired.service.SourceConfiguration?.ImageRepository?.ImageIdentifier})`];
    if (desired.secretName !== undefined) changes.push(`+ secret ${desired.secretName} (${Object.keys(desired.secretValues ?? {}).sort().join(', ')}; values not shown)`);
    changes.push(`+ auto scaling configuration ${desired.scalingName} (min ${desired.scaling.MinSize}, max ${desired.scaling.MaxSize}, concurrency ${desired.scaling.MaxConcurrency})`);
    return { ...base, action: 'create', serviceName: desired.serviceName, calls: createCalls(desired), changes };
  }

  const serviceArn = existing.found.serviceArn;
  const calls: PlanCall[] = [];
  const cleanup: PlanCall[] = [];
  const changes: string[] = [];

  // Secret: keep the one the service reads; create one when it needs one for the first time.
  let secretArn = existing.secretArn ?? NEW_SECRET_ARN;
  let secretValuesChanged = false;
  if (desired.secretValues && desired.secretName !== undefined) {
    if (existing.secretArn === undefined) {
      calls.push(...createCalls(desired).filter((call) => call.operation === 'CreateSecret'));
      changes.push(`+ secret ${desired.secretName} (${Object.keys(desired.secretValues).sort().join(', ')}; values not shown)`);
      secretArn = NEW_SECRET_ARN;
    } else if (!existingSecretValues || !sameJson(existingSecretValues, desired.secretValues)) {
      calls.push({ service: 'secretsmanager', operation: 'PutSecretValue', input: { SecretId: existing.secretArn, SecretString: JSON.stringify(desired.secretValues) } });
      const before = new Set(Object.keys(existingSecretValues ?? {}));
      const keys = Object.keys(desired.secretValues).filter((key) => key !== AUTH_KEY_ENV);
      changes.push(`~ secret values (${keys.filter((key) => !before.has(key) || existingSecretValues?.[key] !== desired.secretValues?.[key]).join(', ') || 'content'}; values not shown)`);
      secretValuesChanged = true;
    }
  } else if (existing.secretArn !== undefined) {
    cleanup.push({ service: 'secretsmanager', operation: 'DeleteSecret', input: { SecretId: existing.secretArn, ForceDeleteWithoutRecovery: true }, cleanup: true });
    changes.push(`- secret ${existing.secretArn} (no longer used)`);
  }

  // Scaling: a new revision only when the values change.
  const scaling = existing.scaling;
  let scalingArn = scaling?.arn ?? NEW_SCALING_ARN;
  let scalingRevision: number | string = scaling?.revision ?? 0;
  const scalingChanged = !scaling || scaling.isDefault || scaling.MinSize !== desired.scaling.MinSize || scaling.MaxSize !== desired.scaling.MaxSize || scaling.MaxConcurrency !== desired.scaling.MaxConcurrency;
  if (scalingChanged) {
    const name = scaling && !scaling.isDefault ? scaling.name : desired.scalingName;
    calls.push({ service: 'apprunner', operation: 'CreateAutoScalingConfiguration', input: { AutoScalingConfigurationName: name, ...desired.scaling, Tags: tagList(desired.tags) } });
    const was = scaling ? `min ${scaling.MinSize}, max ${scaling.MaxSize}, concurrency ${scaling.MaxConcurrency}` : 'none';
    changes.push(`~ auto scaling: ${was} -> min ${desired.scaling.MinSize}, max ${desired.scaling.MaxSize}, concurrency ${desired.scaling.MaxConcurrency} (new revision of ${name})`);
    if (scaling && !scaling.isDefault) cleanup.push({ service: 'apprunner', operation: 'DeleteAutoScalingConfiguration', input: { AutoScalingConfigurationArn: scaling.arn }, cleanup: true });
    scalingArn = NEW_SCALING_ARN;
    scalingRevision = NEW_SCALING_REVISION;
  }

  const wanted = serviceInput(desired, secretArn, scalingArn);
  const fieldChanges = compareShapes(existingShape(existing.service), desiredShape(wanted));
  const hidden = new Set([...desired.secretEnvNames, ...Object.keys(desired.secretValues ?? {}), AUTH_KEY_ENV]);
  changes.push(...fieldChanges.filter((change) => change.member !== 'scaling').map((change) => describeChange(change, hidden)));
  const replace = fieldChanges.some((change) => change.member === 'encryption');

  const desiredTags = keepDeployerTags(desired.tags, existing.found.tags);
  const bookkeeping = scalingTagValue(desired.scaling, scalingRevision);
  const serviceChanging = replace || fieldChanges.length > 0;
  if (serviceChanging || existing.found.tags[SCALING_TAG] !== undefined) desiredTags[SCALING_TAG] = bookkeeping;

  if (replace) {
    calls.push({ service: 'apprunner', operation: 'DeleteService', input: { ServiceArn: serviceArn }, waitFor: 'deleted' });
    calls.push({ service: 'apprunner', operation: 'CreateService', input: { ...wanted, ServiceName: existing.found.serviceName, Tags: tagList(desiredTags) }, waitFor: 'settled' });
    changes.unshift(`! replace service ${existing.found.serviceName}: the KMS key cannot change in place; the service is deleted and created again (new URL, downtime)`);
    return { ...base, action: 'replace', serviceName: existing.found.serviceName, calls: [...calls, ...cleanup], changes };
  }

  const changedMembers = [...new Set(fieldChanges.map((change) => change.member))] as Exclude<ShapeMember, 'encryption'>[];
  if (changedMembers.length > 0) {
    const update: Record<string, unknown> = { ServiceArn: serviceArn };
    const source = wanted as unknown as Record<string, unknown>;
    for (const member of changedMembers) {
      const key = UPDATE_MEMBER[member];
      update[key] = member === 'observability' && source[key] === undefined ? { ObservabilityEnabled: false } : source[key];
    }
    calls.push({ service: 'apprunner', operation: 'UpdateService', input: update, waitFor: 'settled' });
  } else if (secretValuesChanged) {
    // Secrets are read when a deployment starts: new values need one.
    calls.push({ service: 'apprunner', operation: 'StartDeployment', input: { ServiceArn: serviceArn }, waitFor: 'settled' });
    changes.push('~ redeploy the service so it reads the new secret values');
  }

  const tagChanges = Object.entries(desiredTags).filter(([key, value]) => existing.found.tags[key] !== value);
  const userKeys = new Set(Object.keys(desiredTags));
  const removed = Object.keys(existing.found.tags).filter((key) => !userKeys.has(key) && key !== SCALING_TAG);
  if (tagChanges.length > 0) {
    calls.push({ service: 'apprunner', operation: 'TagResource', input: { ResourceArn: serviceArn, Tags: tagChanges.map(([Key, Value]) => ({ Key, Value })) } });
    changes.push(...tagChanges.filter(([key]) => key !== SCALING_TAG).map(([key, value]) => `~ tag ${key} = ${JSON.stringify(value)}`));
  }
  if (removed.length > 0) {
    calls.push({ service: 'apprunner', operation: 'UntagResource', input: { ResourceArn: serviceArn, TagKeys: removed } });
    changes.push(...removed.map((key) => `- tag ${key}`));
  }
  const all = [...calls, ...cleanup];
  return { ...base, action: all.length === 0 ? 'none' : 'update', serviceName: existing.found.serviceName, calls: all, changes };
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
