// App Runner service operations: create, update, describe, list, pause, resume, deploy, delete,
// and their operations list. Mutations of a service that is mid-operation are refused with
// InvalidStateException, as AWS does.
import type {
  CreateServiceRequest,
  ListOperationsRequest,
  ListServicesRequest,
  ServiceStatus,
  UpdateServiceRequest,
} from '@aws-sdk/client-apprunner';
import { arn, hex32, serviceUrlLabel } from '../ids';
import { createGroup } from '../logs/store';
import { AwsError, type OperationHandler, type RequestContext } from '../protocol';
import type { EmulatorState, RegionState } from '../state';
import { activeAutoScalingArn } from './autoScaling';
import { mergeTags, normaliseHealthCheck, normaliseInstance, normaliseNetwork, normaliseObservability, normaliseSource } from './checks';
import { operationSummary, serviceOutput, serviceSummary } from './describe';
import { beginOperation, runningOperation } from './lifecycle';
import type { ServiceConfig, ServiceRecord } from './records';
import { applicationLogGroup, serviceLogGroup } from './serviceLogs';

const MAX_PAGE = 20;

function serviceNotFound(serviceArn: string): AwsError {
  return new AwsError('ResourceNotFoundException', `Service ${serviceArn} doesn't exist.`);
}

/** A service of this region, DELETED ones only when `includeDeleted` (Describe, ListOperations). */
export function requireService(region: RegionState, serviceArn: string, includeDeleted = false): ServiceRecord {
  const service = region.services.get(serviceArn);
  if (!service || (!includeDeleted && service.status === 'DELETED')) throw serviceNotFound(serviceArn);
  return service;
}

function requireStatus(service: ServiceRecord, allowed: readonly ServiceStatus[], action: string, code = 'InvalidStateException'): void {
  if (runningOperation(service) !== undefined || service.status === 'OPERATION_IN_PROGRESS') {
    throw new AwsError(code, `You can't ${action} service ${service.name} while an operation is in progress (status OPERATION_IN_PROGRESS).`);
  }
  if (!allowed.includes(service.status)) {
    throw new AwsError(code, `You can't ${action} service ${service.name} in status ${service.status}.`);
  }
}

export interface NewService {
  name: string;
  config: ServiceConfig;
  kmsKey?: string;
  tags: Record<string, string>;
}

/** Builds a service record (no operation yet) with its two log groups, as App Runner creates them. */
export function addServiceRecord(state: EmulatorState, region: RegionState, spec: NewService, now: number): ServiceRecord {
  const id = hex32();
  const service: ServiceRecord = {
    seq: state.seq(),
    arn: arn(region.name, state.settings.accountId, 'apprunner', `service/${spec.name}/${id}`),
    name: spec.name,
    id,
    region: region.name,
    url: `${serviceUrlLabel()}.${region.name}.awsapprunner.com`,
    status: 'OPERATION_IN_PROGRESS',
    createdAt: now,
    updatedAt: now,
    config: spec.config,
    ...(spec.kmsKey !== undefined ? { kmsKey: spec.kmsKey } : {}),
    tags: spec.tags,
    operations: [],
    serving: false,
    instanceId: hex32(),
    invocations: 0,
  };
  region.services.set(service.arn, service);
  for (const group of [serviceLogGroup(service), applicationLogGroup(service)]) {
    if (!region.logGroups.has(group)) createGroup(region, group, now);
  }
  return service;
}

/** Validates a CreateService request into the configuration the service starts with. */
export function configFromCreate(state: EmulatorState, region: RegionState, request: CreateServiceRequest, now: number): NewService {
  const kmsKey = request.EncryptionConfiguration?.KmsKey;
  if (kmsKey !== undefined && kmsKey.split(':')[3] !== region.name) {
    throw new AwsError('InvalidRequestException', `The KMS key ${kmsKey} must be in the service's region ${region.name}.`);
  }
  return {
    name: request.ServiceName!,
    config: {
      sourceConfiguration: normaliseSource(request.SourceConfiguration!, state.settings.accountId),
      instanceConfiguration: normaliseInstance(request.InstanceConfiguration),
      healthCheckConfiguration: normaliseHealthCheck(request.HealthCheckConfiguration),
      networkConfiguration: normaliseNetwork(request.NetworkConfiguration),
      observabilityConfiguration: normaliseObservability(request.ObservabilityConfiguration),
      autoScalingConfigurationArn: activeAutoScalingArn(state, region, request.AutoScalingConfigurationArn, now),
    },
    ...(kmsKey !== undefined ? { kmsKey } : {}),
    tags: mergeTags({}, request.Tags ?? []),
  };
}

function liveServices(region: RegionState): ServiceRecord[] {
  return [...region.services.values()].filter((service) => service.status !== 'DELETED');
}

function parseAfterToken(token: string | undefined): number {
  if (token === undefined) return 0;
  const match = /^after:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!match) throw new AwsError('InvalidRequestException', 'The NextToken is not valid.');
  return Number(match[1]);
}

export function serviceHandlers(state: EmulatorState): Record<string, OperationHandler> {
  const regionOf = (context: RequestContext): RegionState => state.region(context.region);

  return {
    CreateService(input, context) {
      const request = input as unknown as CreateServiceRequest;
      const region = regionOf(context);
      const live = liveServices(region);
      if (live.some((service) => service.name === request.ServiceName)) {
        throw new AwsError('InvalidRequestException', `Service with the provided name already exists: ${request.ServiceName}`);
      }
      if (live.length >= state.settings.quotas.services) {
        throw new AwsError('ServiceQuotaExceededException', `You have reached the maximum number of services (${state.settings.quotas.services}) in ${region.name}.`);
      }
      const service = addServiceRecord(state, region, configFromCreate(state, region, request, context.now), context.now);
      const operation = beginOperation(state, service, 'CREATE_SERVICE', context.now, undefined, context.failOperation);
      return { Service: serviceOutput(region, service), OperationId: operation.id };
    },

    UpdateService(input, context) {
      const request = input as unknown as UpdateServiceRequest;
      const region = regionOf(context);
      const service = requireService(region, request.ServiceArn!);
      requireStatus(service, ['RUNNING', 'CREATE_FAILED'], 'update');
      // A member given replaces the current one as a whole (AWS defaults fill its omitted fields).
      const current = structuredClone(service.config);
      const next: ServiceConfig = {
        sourceConfiguration: request.SourceConfiguration ? normaliseSource(request.SourceConfiguration, state.settings.accountId) : current.sourceConfiguration,
        instanceConfiguration: request.InstanceConfiguration ? normaliseInstance(request.InstanceConfiguration) : current.instanceConfiguration,
        healthCheckConfiguration: request.HealthCheckConfiguration ? normaliseHealthCheck(request.HealthCheckConfiguration) : current.healthCheckConfiguration,
        networkConfiguration: request.NetworkConfiguration ? normaliseNetwork(request.NetworkConfiguration) : current.networkConfiguration,
        observabilityConfiguration: request.ObservabilityConfiguration ? normaliseObservability(request.ObservabilityConfiguration) : current.observabilityConfiguration,
        autoScalingConfigurationArn: request.AutoScalingConfigurationArn
          ? activeAutoScalingArn(state, region, request.AutoScalingConfigurationArn, context.now)
          : current.autoScalingConfigurationArn,
      };
      const operation = beginOperation(state, service, 'UPDATE_SERVICE', context.now, next, context.failOperation);
      return { Service: serviceOutput(region, service), OperationId: operation.id };
    },

    DescribeService(input, context) {
      const region = regionOf(context);
      const service = requireService(region, (input as { ServiceArn: string }).ServiceArn, true);
      return { Service: serviceOutput(region, service) };
    },

    ListServices(input, context) {
      const request = input as unknown as ListServicesRequest;
      const after = parseAfterToken(request.NextToken);
      const limit = request.MaxResults ?? MAX_PAGE;
      const page: ServiceRecord[] = [];
      let more = false;
      for (const service of regionOf(context).services.values()) {
        if (service.seq <= after || service.status === 'DELETED') continue;
        if (page.length === limit) {
          more = true;
          break;
        }
        page.push(service);
      }
      const last = page[page.length - 1];
      return {
        ServiceSummaryList: page.map(serviceSummary),
        ...(more && last ? { NextToken: Buffer.from(`after:${last.seq}`).toString('base64url') } : {}),
      };
    },

    DeleteService(input, context) {
      const region = regionOf(context);
      const service = requireService(region, (input as { ServiceArn: string }).ServiceArn);
      // App Runner lets a delete that failed be tried again.
      requireStatus(service, ['RUNNING', 'PAUSED', 'CREATE_FAILED', 'DELETE_FAILED'], 'delete');
      const operation = beginOperation(state, service, 'DELETE_SERVICE', context.now, undefined, context.failOperation);
      return { Service: serviceOutput(region, service), OperationId: operation.id };
    },

    PauseService(input, context) {
      const region = regionOf(context);
      const service = requireService(region, (input as { ServiceArn: string }).ServiceArn);
      requireStatus(service, ['RUNNING'], 'pause');
      const operation = beginOperation(state, service, 'PAUSE_SERVICE', context.now, undefined, context.failOperation);
      return { Service: serviceOutput(region, service), OperationId: operation.id };
    },

    ResumeService(input, context) {
      const region = regionOf(context);
      const service = requireService(region, (input as { ServiceArn: string }).ServiceArn);
      requireStatus(service, ['PAUSED'], 'resume');
      const operation = beginOperation(state, service, 'RESUME_SERVICE', context.now, undefined, context.failOperation);
      return { Service: serviceOutput(region, service), OperationId: operation.id };
    },

    StartDeployment(input, context) {
      const service = requireService(regionOf(context), (input as { ServiceArn: string }).ServiceArn);
      // StartDeployment declares no InvalidStateException in App Runner's model: a service that is
      // busy or not running is an InvalidRequestException there.
      requireStatus(service, ['RUNNING'], 'deploy', 'InvalidRequestException');
      const operation = beginOperation(state, service, 'START_DEPLOYMENT', context.now, undefined, context.failOperation);
      return { OperationId: operation.id };
    },

    ListOperations(input, context) {
      const request = input as unknown as ListOperationsRequest;
      const service = requireService(regionOf(context), request.ServiceArn!, true);
      const newestFirst = [...service.operations].reverse();
      let offset = 0;
      if (request.NextToken !== undefined) {
        const match = /^offset:(\d+)$/.exec(Buffer.from(request.NextToken, 'base64url').toString('utf8'));
        if (!match) throw new AwsError('InvalidRequestException', 'The NextToken is not valid.');
        offset = Number(match[1]);
      }
      const limit = request.MaxResults ?? MAX_PAGE;
      return {
        OperationSummaryList: newestFirst.slice(offset, offset + limit).map(operationSummary),
        ...(offset + limit < newestFirst.length ? { NextToken: Buffer.from(`offset:${offset + limit}`).toString('base64url') } : {}),
      };
    },
  };
}
