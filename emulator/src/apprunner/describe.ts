// How stored App Runner records appear in API responses.
import type { AutoScalingConfiguration, AutoScalingConfigurationSummary, OperationSummary, Service, ServiceSummary } from '@aws-sdk/client-apprunner';
import { epochSeconds } from '../protocol';
import type { RegionState } from '../state';
import type { Wire } from '../wire';
import type { AutoScalingRecord, OperationRecord, ServiceRecord } from './records';

/** Whether a revision is referenced by a live service (or by an update that is rolling out). */
export function isInUse(region: RegionState, arn: string): boolean {
  for (const service of region.services.values()) {
    if (service.status === 'DELETED') continue;
    if (service.config.autoScalingConfigurationArn === arn) return true;
    const pending = service.operations[service.operations.length - 1];
    if (pending && !pending.endedAt && pending.plan.nextConfig?.autoScalingConfigurationArn === arn) return true;
  }
  return false;
}

/** The highest active revision of a name is the one marked Latest. */
export function isLatest(region: RegionState, record: AutoScalingRecord): boolean {
  if (record.deletedAt !== undefined) return false;
  for (const other of region.autoScaling.values()) {
    if (other.name === record.name && other.deletedAt === undefined && other.revision > record.revision) return false;
  }
  return true;
}

export function autoScalingSummary(region: RegionState, record: AutoScalingRecord): Wire<AutoScalingConfigurationSummary> {
  return {
    AutoScalingConfigurationArn: record.arn,
    AutoScalingConfigurationName: record.name,
    AutoScalingConfigurationRevision: record.revision,
    Status: record.deletedAt === undefined ? 'ACTIVE' : 'INACTIVE',
    CreatedAt: epochSeconds(record.createdAt),
    HasAssociatedService: isInUse(region, record.arn),
    IsDefault: record.isDefault,
  };
}

export function autoScalingOutput(region: RegionState, record: AutoScalingRecord): Wire<AutoScalingConfiguration> {
  return {
    AutoScalingConfigurationArn: record.arn,
    AutoScalingConfigurationName: record.name,
    AutoScalingConfigurationRevision: record.revision,
    Latest: isLatest(region, record),
    Status: record.deletedAt === undefined ? 'ACTIVE' : 'INACTIVE',
    MaxConcurrency: record.maxConcurrency,
    MinSize: record.minSize,
    MaxSize: record.maxSize,
    CreatedAt: epochSeconds(record.createdAt),
    ...(record.deletedAt !== undefined ? { DeletedAt: epochSeconds(record.deletedAt) } : {}),
    HasAssociatedService: isInUse(region, record.arn),
    IsDefault: record.isDefault,
  };
}

export function serviceOutput(region: RegionState, service: ServiceRecord): Wire<Service> {
  const scaling = region.autoScaling.get(service.config.autoScalingConfigurationArn);
  return {
    ServiceName: service.name,
    ServiceId: service.id,
    ServiceArn: service.arn,
    ServiceUrl: service.url,
    CreatedAt: epochSeconds(service.createdAt),
    UpdatedAt: epochSeconds(service.updatedAt),
    ...(service.deletedAt !== undefined ? { DeletedAt: epochSeconds(service.deletedAt) } : {}),
    Status: service.status,
    SourceConfiguration: structuredClone(service.config.sourceConfiguration),
    InstanceConfiguration: { ...service.config.instanceConfiguration },
    ...(service.kmsKey !== undefined ? { EncryptionConfiguration: { KmsKey: service.kmsKey } } : {}),
    HealthCheckConfiguration: { ...service.config.healthCheckConfiguration },
    AutoScalingConfigurationSummary: scaling
      ? autoScalingSummary(region, scaling)
      : { AutoScalingConfigurationArn: service.config.autoScalingConfigurationArn },
    NetworkConfiguration: structuredClone(service.config.networkConfiguration),
    ObservabilityConfiguration: { ...service.config.observabilityConfiguration },
  };
}

export function serviceSummary(service: ServiceRecord): Wire<ServiceSummary> {
  return {
    ServiceName: service.name,
    ServiceId: service.id,
    ServiceArn: service.arn,
    ServiceUrl: service.url,
    CreatedAt: epochSeconds(service.createdAt),
    UpdatedAt: epochSeconds(service.updatedAt),
    Status: service.status,
  };
}

export function operationSummary(operation: OperationRecord): Wire<OperationSummary> {
  return {
    Id: operation.id,
    Type: operation.type,
    Status: operation.status,
    TargetArn: operation.targetArn,
    StartedAt: epochSeconds(operation.startedAt),
    ...(operation.endedAt !== undefined ? { EndedAt: epochSeconds(operation.endedAt) } : {}),
    UpdatedAt: epochSeconds(operation.updatedAt),
  };
}
