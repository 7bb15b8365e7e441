// Auto-scaling configurations: revisions per name, the account's DefaultConfiguration, ARN
// resolution (full, `name/revision` or `name` for the latest active revision), and deletion that
// refuses revisions a service uses.
import type {
  CreateAutoScalingConfigurationRequest,
  DeleteAutoScalingConfigurationRequest,
  ListAutoScalingConfigurationsRequest,
} from '@aws-sdk/client-apprunner';
import { arn, hex32 } from '../ids';
import { AwsError, type OperationHandler, type RequestContext } from '../protocol';
import type { EmulatorState, RegionState } from '../state';
import { mergeTags } from './checks';
import { autoScalingOutput, autoScalingSummary, isInUse } from './describe';
import type { AutoScalingRecord } from './records';

const DEFAULT_NAME = 'DefaultConfiguration';

function notFound(what: string): AwsError {
  return new AwsError('ResourceNotFoundException', `Auto scaling configuration ${what} doesn't exist.`);
}

function createRecord(state: EmulatorState, region: RegionState, name: string, values: { maxConcurrency: number; minSize: number; maxSize: number }, now: number, isDefault: boolean, tags: Record<string, string>): AutoScalingRecord {
  let revision = 1;
  for (const other of region.autoScaling.values()) if (other.name === name) revision = Math.max(revision, other.revision + 1);
  const record: AutoScalingRecord = {
    arn: arn(region.name, state.settings.accountId, 'apprunner', `autoscalingconfiguration/${name}/${revision}/${hex32()}`),
    name,
    revision,
    ...values,
    createdAt: now,
    isDefault,
    tags,
  };
  region.autoScaling.set(record.arn, record);
  return record;
}

/** Every region has AWS's DefaultConfiguration (revision 1: 100 concurrent requests, 1 to 25 instances). */
export function ensureDefaultAutoScaling(state: EmulatorState, region: RegionState, now: number): AutoScalingRecord {
  for (const record of region.autoScaling.values()) if (record.isDefault && record.deletedAt === undefined) return record;
  return createRecord(state, region, DEFAULT_NAME, { maxConcurrency: 100, minSize: 1, maxSize: 25 }, now, true, {});
}

interface ParsedArn {
  name: string;
  revision?: number;
  full: boolean;
}

function parseArn(state: EmulatorState, region: RegionState, value: string): ParsedArn {
  const prefix = `arn:aws:apprunner:${region.name}:${state.settings.accountId}:autoscalingconfiguration/`;
  if (!value.startsWith(prefix)) throw notFound(value);
  const [name, revision, id, ...rest] = value.slice(prefix.length).split('/');
  if (!name || rest.length > 0 || (revision !== undefined && !/^\d+$/.test(revision))) throw notFound(value);
  return { name, ...(revision !== undefined ? { revision: Number(revision) } : {}), full: id !== undefined };
}

/** Resolves a full or partial ARN; a partial one without a revision means the latest active revision. */
export function resolveAutoScaling(state: EmulatorState, region: RegionState, value: string, now: number): AutoScalingRecord {
  ensureDefaultAutoScaling(state, region, now);
  const parsed = parseArn(state, region, value);
  if (parsed.full) {
    const record = region.autoScaling.get(value);
    if (!record) throw notFound(value);
    return record;
  }
  let best: AutoScalingRecord | undefined;
  for (const record of region.autoScaling.values()) {
    if (record.name !== parsed.name) continue;
    if (parsed.revision !== undefined ? record.revision === parsed.revision : record.deletedAt === undefined && (!best || record.revision > best.revision)) best = record;
  }
  if (!best) throw notFound(value);
  return best;
}

/** For CreateService/UpdateService: the revision must exist and be active. */
export function activeAutoScalingArn(state: EmulatorState, region: RegionState, value: string | undefined, now: number): string {
  if (value === undefined) return ensureDefaultAutoScaling(state, region, now).arn;
  let record: AutoScalingRecord;
  try {
    record = resolveAutoScaling(state, region, value, now);
  } catch {
    throw new AwsError('InvalidRequestException', `Auto scaling configuration ${value} doesn't exist.`);
  }
  if (record.deletedAt !== undefined) throw new AwsError('InvalidRequestException', `Auto scaling configuration ${value} is INACTIVE.`);
  return record.arn;
}

function offsetPage<T>(items: readonly T[], token: string | undefined, limit: number): { items: T[]; nextToken?: string } {
  let offset = 0;
  if (token !== undefined) {
    const match = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
    if (!match) throw new AwsError('InvalidRequestException', 'The NextToken is not valid.');
    offset = Number(match[1]);
  }
  return {
    items: items.slice(offset, offset + limit),
    ...(offset + limit < items.length ? { nextToken: Buffer.from(`offset:${offset + limit}`).toString('base64url') } : {}),
  };
}

export function autoScalingHandlers(state: EmulatorState): Record<string, OperationHandler> {
  const regionOf = (context: RequestContext): RegionState => state.region(context.region);
  return {
    CreateAutoScalingConfiguration(input, context) {
      const request = input as unknown as CreateAutoScalingConfigurationRequest;
      const region = regionOf(context);
      ensureDefaultAutoScaling(state, region, context.now);
      const values = { maxConcurrency: request.MaxConcurrency ?? 100, minSize: request.MinSize ?? 1, maxSize: request.MaxSize ?? 25 };
      const { quotas } = state.settings;
      if (values.minSize > values.maxSize) {
        throw new AwsError('InvalidRequestException', `MinSize (${values.minSize}) must not be greater than MaxSize (${values.maxSize}).`);
      }
      if (values.maxSize > quotas.maxInstances) {
        throw new AwsError('InvalidRequestException', `MaxSize (${values.maxSize}) exceeds the account's limit of ${quotas.maxInstances} instances per service.`);
      }
      const active = [...region.autoScaling.values()].filter((record) => record.deletedAt === undefined && !record.isDefault);
      const names = new Set(active.map((record) => record.name));
      if (!names.has(request.AutoScalingConfigurationName!) && names.size >= quotas.autoScalingNames) {
        throw new AwsError('ServiceQuotaExceededException', `You have reached the limit of ${quotas.autoScalingNames} auto scaling configurations.`);
      }
      if (active.filter((record) => record.name === request.AutoScalingConfigurationName).length >= quotas.autoScalingRevisions) {
        throw new AwsError('ServiceQuotaExceededException', `You have reached the limit of ${quotas.autoScalingRevisions} revisions for auto scaling configuration ${request.AutoScalingConfigurationName}.`);
      }
      const tags = mergeTags({}, request.Tags ?? []);
      const record = createRecord(state, region, request.AutoScalingConfigurationName!, values, context.now, false, tags);
      state.changed();
      return { AutoScalingConfiguration: autoScalingOutput(region, record) };
    },

    DescribeAutoScalingConfiguration(input, context) {
      const region = regionOf(context);
      const record = resolveAutoScaling(state, region, (input as { AutoScalingConfigurationArn: string }).AutoScalingConfigurationArn, context.now);
      return { AutoScalingConfiguration: autoScalingOutput(region, record) };
    },

    ListAutoScalingConfigurations(input, context) {
      const request = input as unknown as ListAutoScalingConfigurationsRequest;
      const region = regionOf(context);
      ensureDefaultAutoScaling(state, region, context.now);
      const latest = new Map<string, number>();
      for (const record of region.autoScaling.values()) {
        if (record.deletedAt === undefined) latest.set(record.name, Math.max(latest.get(record.name) ?? 0, record.revision));
      }
      const records = [...region.autoScaling.values()]
        .filter((record) => record.deletedAt === undefined)
        .filter((record) => request.AutoScalingConfigurationName === undefined || record.name === request.AutoScalingConfigurationName)
        .filter((record) => request.LatestOnly !== true || latest.get(record.name) === record.revision);
      const page = offsetPage(records, request.NextToken, request.MaxResults ?? 100);
      return {
        AutoScalingConfigurationSummaryList: page.items.map((record) => autoScalingSummary(region, record)),
        ...(page.nextToken ? { NextToken: page.nextToken } : {}),
      };
    },

    DeleteAutoScalingConfiguration(input, context) {
      const request = input as unknown as DeleteAutoScalingConfigurationRequest;
      const region = regionOf(context);
      const value = request.AutoScalingConfigurationArn!;
      const record = resolveAutoScaling(state, region, value, context.now);
      if (record.deletedAt !== undefined) throw notFound(value);
      if (record.isDefault) throw new AwsError('InvalidRequestException', "The default auto scaling configuration can't be deleted.");
      let doomed = [record];
      if (request.DeleteAllRevisions === true) {
        const parsed = parseArn(state, region, value);
        if (parsed.revision !== undefined) {
          throw new AwsError('InvalidRequestException', 'DeleteAllRevisions needs an ARN that ends with the configuration name, without a revision.');
        }
        doomed = [...region.autoScaling.values()].filter((other) => other.name === record.name && other.deletedAt === undefined);
      }
      const used = doomed.find((candidate) => isInUse(region, candidate.arn));
      if (used) {
        throw new AwsError('InvalidRequestException', `Auto scaling configuration ${used.name} revision ${used.revision} is used by one or more services and can't be deleted.`);
      }
      for (const candidate of doomed) candidate.deletedAt = context.now;
      state.changed();
      return { AutoScalingConfiguration: autoScalingOutput(region, record) };
    },
  };
}
