// Thin typed App Runner calls: one function per operation the product uses, failures turned
// into `AwsCallError`s that name the target, and list calls that follow every page.
import {
  CreateAutoScalingConfigurationCommand,
  CreateServiceCommand,
  DeleteAutoScalingConfigurationCommand,
  DeleteServiceCommand,
  DescribeAutoScalingConfigurationCommand,
  DescribeServiceCommand,
  ListAutoScalingConfigurationsCommand,
  ListOperationsCommand,
  ListServicesCommand,
  ListTagsForResourceCommand,
  PauseServiceCommand,
  ResumeServiceCommand,
  StartDeploymentCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateServiceCommand,
  type AutoScalingConfiguration,
  type AutoScalingConfigurationSummary,
  type CreateAutoScalingConfigurationCommandInput,
  type CreateServiceCommandInput,
  type OperationSummary,
  type Service,
  type ServiceSummary,
  type UpdateServiceCommandInput,
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
export async function listServices(clients: AwsClients): Promise<ServiceSummary[]> {
  const services: ServiceSummary[] = [];
  let NextToken: string | undefined;
  do {
    const page = await call(clients, 'ListServices', () => clients.appRunner.send(new ListServicesCommand({ MaxResults: 20, NextToken })));
    services.push(...(page.ServiceSummaryList ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return services;
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

export async function tagResource(clients: AwsClients, resourceArn: string, tags: Record<string, string>): Promise<void> {
  const Tags = Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
  await call(clients, 'TagResource', () => clients.appRunner.send(new TagResourceCommand({ ResourceArn: resourceArn, Tags })));
}

export async function untagResource(clients: AwsClients, resourceArn: string, keys: string[]): Promise<void> {
  await call(clients, 'UntagResource', () => clients.appRunner.send(new UntagResourceCommand({ ResourceArn: resourceArn, TagKeys: keys })));
}

export async function createService(clients: AwsClients, input: CreateServiceCommandInput): Promise<{ service: Service; operationId?: string }> {
  const answer = await call(clients, 'CreateService', () => clients.appRunner.send(new CreateServiceCommand(input)));
  return { service: required(answer.Service, 'a service'), operationId: answer.OperationId };
}

export async function updateService(clients: AwsClients, input: UpdateServiceCommandInput): Promise<{ service: Service; operationId?: string }> {
  const answer = await call(clients, 'UpdateService', () => clients.appRunner.send(new UpdateServiceCommand(input)));
  return { service: required(answer.Service, 'a service'), operationId: answer.OperationId };
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

export async function createAutoScalingConfiguration(clients: AwsClients, input: CreateAutoScalingConfigurationCommandInput): Promise<AutoScalingConfiguration> {
  const answer = await call(clients, 'CreateAutoScalingConfiguration', () => clients.appRunner.send(new CreateAutoScalingConfigurationCommand(input)));
  return required(answer.AutoScalingConfiguration, 'an auto scaling configuration');
}

export async function describeAutoScalingConfiguration(clients: AwsClients, arn: string): Promise<AutoScalingConfiguration> {
  const answer = await call(clients, 'DescribeAutoScalingConfiguration', () =>
    clients.appRunner.send(new DescribeAutoScalingConfigurationCommand({ AutoScalingConfigurationArn: arn })),
  );
  return required(answer.AutoScalingConfiguration, 'an auto scaling configuration');
}

/** Every active revision with this name (all pages). */
export async function listAutoScalingRevisions(clients: AwsClients, name: string): Promise<AutoScalingConfigurationSummary[]> {
  const revisions: AutoScalingConfigurationSummary[] = [];
  let NextToken: string | undefined;
  do {
    const page = await call(clients, 'ListAutoScalingConfigurations', () =>
      clients.appRunner.send(new ListAutoScalingConfigurationsCommand({ AutoScalingConfigurationName: name, LatestOnly: false, MaxResults: 100, NextToken })),
    );
    revisions.push(...(page.AutoScalingConfigurationSummaryList ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return revisions;
}

/** Deletes one revision (by its full ARN). */
export async function deleteAutoScalingConfiguration(clients: AwsClients, arn: string): Promise<void> {
  await call(clients, 'DeleteAutoScalingConfiguration', () => clients.appRunner.send(new DeleteAutoScalingConfigurationCommand({ AutoScalingConfigurationArn: arn })));
}
