// The parts of a plan for a deployment that exists, each saying what it plans: the secret, the
// auto-scaling revision, the service change and the tags. Pure: from the desired state and what
// was read, so `plan` shows exactly what `deploy` sends.
import type { CreateServiceCommandInput } from '@aws-sdk/client-apprunner';
import { TAG_DEPLOYER_ID, TAG_DEPLOYER_NAME } from '../domain/naming';
import { NEW_SCALING_ARN, NEW_SCALING_REVISION, NEW_SECRET_ARN, type CallOf } from './calls';
import { AUTH_KEY_ENV, SCALING_ARN, SCALING_TAG, scalingTagValue, SECRET_ARN, type DesiredDeployment } from './desired';
import type { ExistingDeployment } from './existing';
import { compareShapes, desiredShape, existingShape, UPDATE_MEMBER, type FieldChange, type ShapeMember } from './serviceShape';

type Tag = { Key: string; Value: string };
export const tagList = (tags: Record<string, string>): Tag[] => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));

/** What a part adds to the plan: calls before the service changes, clean-up after, and the changes in words. */
export interface PartPlan<Prepare, Cleanup> {
  prepare: Prepare[];
  cleanup: Cleanup[];
  changes: string[];
}

export function createSecretCall(desired: DesiredDeployment): CallOf<'CreateSecret'> | undefined {
  if (desired.secretName === undefined || !desired.secretValues) return undefined;
  return {
    service: 'secretsmanager',
    operation: 'CreateSecret',
    input: { Name: desired.secretName, Description: `Secrets of the ZenML deployment ${desired.deploymentName}`, SecretString: JSON.stringify(desired.secretValues), Tags: tagList(desired.tags) },
  };
}

export function createScalingCall(desired: DesiredDeployment, name = desired.scalingName): CallOf<'CreateAutoScalingConfiguration'> {
  return { service: 'apprunner', operation: 'CreateAutoScalingConfiguration', input: { AutoScalingConfigurationName: name, ...desired.scaling, Tags: tagList(desired.tags) } };
}

/** The desired CreateService input with the ARN stand-ins replaced. */
export function serviceInput(desired: DesiredDeployment, secretArn: string, scalingArn: string): CreateServiceCommandInput {
  const text = JSON.stringify(desired.service).split(SECRET_ARN).join(secretArn).split(SCALING_ARN).join(scalingArn);
  return JSON.parse(text) as CreateServiceCommandInput;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a, Object.keys(a ?? {}).sort()) === JSON.stringify(b, Object.keys(b ?? {}).sort());
}

export interface SecretPart extends PartPlan<CallOf<'CreateSecret'> | CallOf<'PutSecretValue'>, CallOf<'DeleteSecret'>> {
  /** The ARN the service's environment refers to (a placeholder when this deploy creates it). */
  secretArn: string;
  /** The values change in place: a running service reads them only at its next deployment. */
  valuesChanged: boolean;
}

/** Keep the secret the service reads; create one when it needs one for the first time; drop it when no longer used. */
export function planSecret(desired: DesiredDeployment, existing: ExistingDeployment, existingValues: Record<string, string> | undefined): SecretPart {
  const part: SecretPart = { prepare: [], cleanup: [], changes: [], secretArn: existing.secretArn ?? NEW_SECRET_ARN, valuesChanged: false };
  const wanted = desired.secretValues;
  if (wanted && desired.secretName !== undefined) {
    if (existing.secretArn === undefined) {
      const create = createSecretCall(desired);
      if (create) part.prepare.push(create);
      part.changes.push(`+ secret ${desired.secretName} (${Object.keys(wanted).sort().join(', ')}; values not shown)`);
      part.secretArn = NEW_SECRET_ARN;
    } else if (!existingValues || !sameJson(existingValues, wanted)) {
      part.prepare.push({ service: 'secretsmanager', operation: 'PutSecretValue', input: { SecretId: existing.secretArn, SecretString: JSON.stringify(wanted) } });
      const changed = Object.keys(wanted).filter((key) => key !== AUTH_KEY_ENV && existingValues?.[key] !== wanted[key]);
      part.changes.push(`~ secret values (${changed.join(', ') || 'content'}; values not shown)`);
      part.valuesChanged = true;
    }
  } else if (existing.secretArn !== undefined) {
    part.cleanup.push({ service: 'secretsmanager', operation: 'DeleteSecret', input: { SecretId: existing.secretArn, ForceDeleteWithoutRecovery: true } });
    part.changes.push(`- secret ${existing.secretArn} (no longer used)`);
  }
  return part;
}

export interface ScalingPart extends PartPlan<CallOf<'CreateAutoScalingConfiguration'>, CallOf<'DeleteAutoScalingConfiguration'>> {
  scalingArn: string;
  /** The revision the service will use (a placeholder when this deploy makes it), for the bookkeeping tag. */
  scalingRevision: number | string;
}

/** A new revision only when the values change; the old one goes once the service uses the new one. */
export function planScaling(desired: DesiredDeployment, existing: ExistingDeployment): ScalingPart {
  const scaling = existing.scaling;
  const part: ScalingPart = { prepare: [], cleanup: [], changes: [], scalingArn: scaling?.arn ?? NEW_SCALING_ARN, scalingRevision: scaling?.revision ?? 0 };
  const wanted = desired.scaling;
  const unchanged = scaling && !scaling.isDefault && scaling.MinSize === wanted.MinSize && scaling.MaxSize === wanted.MaxSize && scaling.MaxConcurrency === wanted.MaxConcurrency;
  if (unchanged) return part;
  const name = scaling && !scaling.isDefault ? scaling.name : desired.scalingName;
  part.prepare.push(createScalingCall(desired, name));
  const was = scaling ? `min ${scaling.MinSize}, max ${scaling.MaxSize}, concurrency ${scaling.MaxConcurrency}` : 'none';
  part.changes.push(`~ auto scaling: ${was} -> min ${wanted.MinSize}, max ${wanted.MaxSize}, concurrency ${wanted.MaxConcurrency} (new revision of ${name})`);
  if (scaling && !scaling.isDefault) part.cleanup.push({ service: 'apprunner', operation: 'DeleteAutoScalingConfiguration', input: { AutoScalingConfigurationArn: scaling.arn } });
  part.scalingArn = NEW_SCALING_ARN;
  part.scalingRevision = NEW_SCALING_REVISION;
  return part;
}

/** The service change App Runner carries out as an operation that the deploy waits for. */
export type ServiceStep =
  | { kind: 'create'; call: CallOf<'CreateService'> }
  | { kind: 'update'; call: CallOf<'UpdateService'> }
  | { kind: 'redeploy'; call: CallOf<'StartDeployment'> }
  | { kind: 'replace'; remove: CallOf<'DeleteService'>; create: CallOf<'CreateService'> };

export interface ServicePart {
  step: ServiceStep | undefined;
  changes: string[];
  /** The input the service should end up with (to recognise it in DescribeService afterwards). */
  wanted: CreateServiceCommandInput;
  /** Some setting of the service itself differs (not only secret values or a failed creation). */
  configChanged: boolean;
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

/** Tags ZenML's deployer stamped on a service it made stay as they are (they name that deployer). */
function keepDeployerTags(desired: Record<string, string>, existing: Record<string, string>): Record<string, string> {
  const kept = { ...desired };
  for (const key of [TAG_DEPLOYER_NAME, TAG_DEPLOYER_ID]) if (existing[key] !== undefined) kept[key] = existing[key];
  return kept;
}

/** The service's tags after this deploy, with the scaling bookkeeping tag when the service changes or has one. */
export function desiredServiceTags(desired: DesiredDeployment, existing: ExistingDeployment, scaling: ScalingPart, serviceChanging: boolean): Record<string, string> {
  const tags = keepDeployerTags(desired.tags, existing.found.tags);
  if (serviceChanging || existing.found.tags[SCALING_TAG] !== undefined) tags[SCALING_TAG] = scalingTagValue(desired.scaling, scaling.scalingRevision);
  return tags;
}

/**
 * Update what differs; replace the service when the KMS key changes (App Runner cannot change it
 * in place); start a deployment when only secret values changed (they are read when a deployment
 * starts); deploy a CREATE_FAILED service again even when nothing changed.
 */
export function planService(desired: DesiredDeployment, existing: ExistingDeployment, secret: SecretPart, scaling: ScalingPart): ServicePart {
  const serviceArn = existing.found.serviceArn;
  const wanted = serviceInput(desired, secret.secretArn, scaling.scalingArn);
  const fieldChanges = compareShapes(existingShape(existing.service), desiredShape(wanted));
  const hidden = new Set([...desired.secretEnvNames, ...Object.keys(desired.secretValues ?? {}), AUTH_KEY_ENV]);
  const changes = fieldChanges.filter((change) => change.member !== 'scaling').map((change) => describeChange(change, hidden));
  if (fieldChanges.some((change) => change.member === 'encryption')) {
    const tags = desiredServiceTags(desired, existing, scaling, true);
    changes.unshift(`! replace service ${existing.found.serviceName}: the KMS key cannot change in place; the service is deleted and created again (new URL, downtime)`);
    return {
      step: {
        kind: 'replace',
        remove: { service: 'apprunner', operation: 'DeleteService', input: { ServiceArn: serviceArn } },
        create: { service: 'apprunner', operation: 'CreateService', input: { ...wanted, ServiceName: existing.found.serviceName, Tags: tagList(tags) } },
      },
      changes,
      wanted,
      configChanged: true,
    };
  }
  const members = [...new Set(fieldChanges.map((change) => change.member))] as Exclude<ShapeMember, 'encryption'>[];
  if (existing.service.Status === 'CREATE_FAILED' && !members.includes('source')) {
    members.push('source');
    changes.push(`~ deploy ${existing.found.serviceName} again: its creation failed`);
  }
  if (members.length > 0) {
    const update: Record<string, unknown> = { ServiceArn: serviceArn };
    const source = wanted as unknown as Record<string, unknown>;
    for (const member of members) {
      const key = UPDATE_MEMBER[member];
      update[key] = member === 'observability' && source[key] === undefined ? { ObservabilityEnabled: false } : source[key];
    }
    return { step: { kind: 'update', call: { service: 'apprunner', operation: 'UpdateService', input: update as unknown as CallOf<'UpdateService'>['input'] } }, changes, wanted, configChanged: fieldChanges.length > 0 };
  }
  if (secret.valuesChanged) {
    changes.push('~ redeploy the service so it reads the new secret values');
    return { step: { kind: 'redeploy', call: { service: 'apprunner', operation: 'StartDeployment', input: { ServiceArn: serviceArn } } }, changes, wanted, configChanged: false };
  }
  return { step: undefined, changes, wanted, configChanged: fieldChanges.length > 0 };
}

/** Tag what differs, untag what the deployment no longer sets (the bookkeeping tag stays ours to manage). */
export function planTags(existing: ExistingDeployment, tags: Record<string, string>): { calls: (CallOf<'TagResource'> | CallOf<'UntagResource'>)[]; changes: string[] } {
  const serviceArn = existing.found.serviceArn;
  const calls: (CallOf<'TagResource'> | CallOf<'UntagResource'>)[] = [];
  const changes: string[] = [];
  const changed = Object.entries(tags).filter(([key, value]) => existing.found.tags[key] !== value);
  const removed = Object.keys(existing.found.tags).filter((key) => !(key in tags) && key !== SCALING_TAG);
  if (changed.length > 0) {
    calls.push({ service: 'apprunner', operation: 'TagResource', input: { ResourceArn: serviceArn, Tags: changed.map(([Key, Value]) => ({ Key, Value })) } });
    changes.push(...changed.filter(([key]) => key !== SCALING_TAG).map(([key, value]) => `~ tag ${key} = ${JSON.stringify(value)}`));
  }
  if (removed.length > 0) {
    calls.push({ service: 'apprunner', operation: 'UntagResource', input: { ResourceArn: serviceArn, TagKeys: removed } });
    changes.push(...removed.map((key) => `- tag ${key}`));
  }
  return { calls, changes };
}
