// Thin typed App Runner calls: one function per read and lifecycle operation the product uses,
// failures turned into `AwsCallError`s that name the target, and list calls that follow every
// page with the SDK's paginators. A deploy's mutating calls go through the plan's calls
// (deploy/calls.ts) instead, so `plan` shows exactly the inputs that are sent.
import {
  DeleteAutoScalingConfigurationCommand,
  DeleteServiceCommand,
  DescribeAutoScalingConfigurationCommand,
  DescribeServiceCommand,
  ListOperationsCommand,
  ListTagsForResourceCommand,
  paginateListAutoScalingConfigurations,
  paginateListServices,
  PauseServiceCommand,
  ResumeServiceCommand,
  StartDeploymentCommand,
} from './sdk';
import type {
  AutoScalingConfiguration,
  AutoScalingConfigurationSummary,
  OperationSummary,
  Service,
  ServiceSummary,
} from '@aws-sdk/client-apprunner';
import type { AwsClients } from './clientFactory';
import { awsCall } from './errors';

function call<T>(clients: AwsClients, operation: string, run: () => Promise<T>): Promise<T> {
  return awsCall(clients.target, 'apprunner', operation, run);
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`App Runner answered without ${what}`);
  return value;
}

/** Every service of the region (all pages). */
export function listServices(clients: AwsClients): Promise<ServiceSummary[]> {
  return call(clients, 'ListServices', async () => {
    const services: ServiceSummary[] = [];
    for await (const page of paginateListServices({ client: clients.appRunner, pageSize: 20 }, {})) services.push(...(page.ServiceSummaryList ?? []));
    return services;
  });
}

export async function describeService(clients: AwsClients, serviceArn: string): Promise<Service> {
  const answer = await call(clients, 'DescribeService', () => clients.appRunner.send(new DescribeServiceCommand({ ServiceArn: serviceArn })));
  return required(answer.Service, 'a service');
}

/** The most recent operations of a service, newest first (one page of up to 20). */
export async function listOperations(clients: AwsClients, serviceArn: string, maxResults = 20): Promise<OperationSummary[]> {
  const answer = await call(clients, 'ListOperations', () => clients.appRunner.send(new ListOperationsCommand({ ServiceArn: serviceArn, MaxResults: maxResults })));
  return answer.OperationSummaryList ?? [];
}

export async function listTags(clients: AwsClients, resourceArn: string): Promise<Record<string, string>> {
  const answer = await call(clients, 'ListTagsForResource', () => clients.appRunner.send(new ListTagsForResourceCommand({ ResourceArn: resourceArn })));
  return Object.fromEntries((answer.Tags ?? []).map((tag) => [tag.Key ?? '', tag.Value ?? '']));
}

export async function deleteService(clients: AwsClients, serviceArn: string): Promise<{ operationId?: string }> {
  const answer = await call(clients, 'DeleteService', () => clients.appRunner.send(new DeleteServiceCommand({ ServiceArn: serviceArn })));
  return { operationId: answer.OperationId };
}

export async function pauseService(clients: AwsClients, serviceArn: string): Promise<{ operationId?: string }> {
  const answer = await call(clients, 'PauseService', () => clients.appRunner.send(new PauseServiceCommand({ ServiceArn: serviceArn })));
  return { operationId: answer.OperationId };
}

export async function resumeService(clients: AwsClients, serviceArn: string): Promise<{ operationId?: string }> {
  const answer = await call(clients, 'ResumeService', () => clients.appRunner.send(new ResumeServiceCommand({ ServiceArn: serviceArn })));
  return { operationId: answer.OperationId };
}

export async function startDeployment(clients: AwsClients, serviceArn: string): Promise<{ operationId?: string }> {
  const answer = await call(clients, 'StartDeployment', () => clients.appRunner.send(new StartDeploymentCommand({ ServiceArn: serviceArn })));
  return { operationId: answer.OperationId };
}

export async function describeAutoScalingConfiguration(clients: AwsClients, arn: string): Promise<AutoScalingConfiguration> {
  const answer = await call(clients, 'DescribeAutoScalingConfiguration', () =>
    clients.appRunner.send(new DescribeAutoScalingConfigurationCommand({ AutoScalingConfigurationArn: arn })),
  );
  return required(answer.AutoScalingConfiguration, 'an auto scaling configuration');
}

/** Every active revision with this name (all pages); without a name, every revision of the region. */
export function listAutoScalingRevisions(clients: AwsClients, name?: string): Promise<AutoScalingConfigurationSummary[]> {
  return call(clients, 'ListAutoScalingConfigurations', async () => {
    const revisions: AutoScalingConfigurationSummary[] = [];
    const input = { ...(name !== undefined ? { AutoScalingConfigurationName: name } : {}), LatestOnly: false };
    for await (const page of paginateListAutoScalingConfigurations({ client: clients.appRunner, pageSize: 100 }, input)) revisions.push(...(page.AutoScalingConfigurationSummaryList ?? []));
    return revisions;
  });
}

/** Deletes one revision (by its full ARN), or with `allRevisions` every revision of the name its ARN ends with. */
export async function deleteAutoScalingConfiguration(clients: AwsClients, arn: string, allRevisions = false): Promise<void> {
  const input = { AutoScalingConfigurationArn: arn, ...(allRevisions ? { DeleteAllRevisions: true } : {}) };
  await call(clients, 'DeleteAutoScalingConfiguration', () => clients.appRunner.send(new DeleteAutoScalingConfigurationCommand(input)));
}
