// Services created directly in a settled state (no operation running) for tests, benchmarks and
// the demo. They pass the same checks as CreateService requests.
import type { CreateServiceRequest } from '@aws-sdk/client-apprunner';
import type { SeedService, SeedServicesRequest } from '../controlTypes';
import { apprunnerModel } from '../generated/awsModels';
import { uuid } from '../ids';
import { AwsError } from '../protocol';
import type { EmulatorState } from '../state';
import { validateInput } from '../validation';
import type { ServiceRecord } from './records';
import { deploymentStartLines, exitedAtStartup, writeFailure } from './lifecycle';
import { logApplication, logDeployment, logServiceEvents, startupLines } from './serviceLogs';
import { addServiceRecord, configFromCreate } from './services';
import { APP_RUNNER_REGIONS } from './regions';

function createRequest(state: EmulatorState, region: string, spec: SeedService, name: string): CreateServiceRequest {
  const account = state.settings.accountId;
  const image = spec.image ?? `${account}.dkr.ecr.${region}.amazonaws.com/zenml:${name.toLowerCase()}`;
  const isPublic = image.startsWith('public.ecr.aws/');
  return {
    ServiceName: name,
    SourceConfiguration: {
      ImageRepository: {
        ImageIdentifier: image,
        ImageRepositoryType: isPublic ? 'ECR_PUBLIC' : 'ECR',
        ImageConfiguration: { Port: spec.port ?? '8000', ...(spec.environment ? { RuntimeEnvironmentVariables: spec.environment } : {}) },
      },
      AutoDeploymentsEnabled: false,
      ...(isPublic ? {} : { AuthenticationConfiguration: { AccessRoleArn: `arn:aws:iam::${account}:role/apprunner-ecr-access` } }),
    },
    InstanceConfiguration: { Cpu: spec.cpu ?? '1 vCPU', Memory: spec.memory ?? '2 GB' },
    HealthCheckConfiguration: spec.healthCheckPath ? { Protocol: 'HTTP', Path: spec.healthCheckPath } : { Protocol: 'TCP' },
    Tags: Object.entries(spec.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
  };
}

export function seedServices(state: EmulatorState, request: SeedServicesRequest): ServiceRecord[] {
  const regionName = request.region ?? 'us-east-1';
  if (!APP_RUNNER_REGIONS.includes(regionName)) throw new AwsError('InvalidRequestException', `App Runner is not available in ${regionName}.`);
  const region = state.region(regionName);
  const prefix = request.namePrefix ?? 'seeded-service-';
  const specs: SeedService[] = [...(request.services ?? []), ...Array.from({ length: request.count ?? 0 }, () => ({}))];
  const taken = new Set([...region.services.values()].filter((s) => s.status !== 'DELETED').map((s) => s.name));
  let counter = 0;
  const seeded: ServiceRecord[] = [];
  for (const spec of specs) {
    let name = spec.name;
    while (name === undefined || taken.has(name)) {
      if (spec.name !== undefined) throw new AwsError('InvalidRequestException', `Service with the provided name already exists: ${spec.name}`);
      name = `${prefix}${++counter}`;
    }
    taken.add(name);
    if (request.enforceQuota === true && taken.size > state.settings.quotas.services) {
      throw new AwsError('ServiceQuotaExceededException', `You have reached the maximum number of services (${state.settings.quotas.services}).`);
    }
    const now = Date.now();
    const input = createRequest(state, regionName, spec, name);
    validateInput(apprunnerModel, 'CreateService', JSON.parse(JSON.stringify(input)) as Record<string, unknown>, 'InvalidRequestException');
    const service = addServiceRecord(state, region, configFromCreate(state, region, input, now), now);
    service.status = spec.status ?? 'RUNNING';
    service.serving = service.status === 'RUNNING';
    if (spec.authKey !== undefined) service.authKeyOverride = spec.authKey;
    const succeeded = service.status !== 'CREATE_FAILED';
    const settled = (id: string, type: 'CREATE_SERVICE' | 'DELETE_SERVICE', status: 'SUCCEEDED' | 'FAILED') => ({
      id,
      type,
      status,
      targetArn: service.arn,
      startedAt: now,
      updatedAt: now,
      endedAt: now,
      plan: { previousStatus: 'OPERATION_IN_PROGRESS' as const, inProgressAt: now, completesAt: now },
    });
    const operationId = uuid();
    service.operations.push(settled(operationId, 'CREATE_SERVICE', succeeded ? 'SUCCEEDED' : 'FAILED'));
    // A DELETE_FAILED service was created, then a delete of it failed.
    if (service.status === 'DELETE_FAILED') service.operations.push(settled(uuid(), 'DELETE_SERVICE', 'FAILED'));
    if (succeeded) {
      logServiceEvents(state, service, ['Service creation started.', `Service status is set to ${service.status}.`]);
      if (service.serving) logApplication(state, service, startupLines(service));
    } else {
      // What a creation whose application exits at start-up leaves: App Runner's deployment log
      // with its reason, and the crashing instance's output.
      logServiceEvents(state, service, ['Service creation started.']);
      logDeployment(state, service, operationId, deploymentStartLines(service, service.config));
      writeFailure(state, service, operationId, service.config, exitedAtStartup(service, service.config));
      logServiceEvents(state, service, ['Service status is set to CREATE_FAILED.']);
    }
    seeded.push(service);
  }
  state.changed();
  return seeded;
}
