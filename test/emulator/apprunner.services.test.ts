// App Runner services through the real SDK client: lifecycle, listing, operations, tags, failures.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AppRunnerClient,
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeServiceCommand,
  ListOperationsCommand,
  ListServicesCommand,
  ListTagsForResourceCommand,
  paginateListServices,
  PauseServiceCommand,
  ResumeServiceCommand,
  StartDeploymentCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateServiceCommand,
  type Service,
  type ServiceStatus,
} from '@aws-sdk/client-apprunner';
import { ACCOUNT, errorOf, privateImage, REGION, serviceInput, useEmulator, waitFor } from '../support/emulatorHarness';

void describe('App Runner services', () => {
  const t = useEmulator({ quotas: { services: 200 } });

  async function statusOf(arn: string): Promise<Service> {
    return (await t.appRunner.send(new DescribeServiceCommand({ ServiceArn: arn }))).Service!;
  }

  async function settle(arn: string, wanted: ServiceStatus): Promise<Service> {
    return waitFor(async () => {
      const service = await statusOf(arn);
      return service.Status === wanted ? service : undefined;
    }, `service ${arn} to be ${wanted}`);
  }

  async function created(name: string, tag = 'latest'): Promise<Service> {
    const { Service: service } = await t.appRunner.send(new CreateServiceCommand(serviceInput(name, {}, tag)));
    return service!;
  }

  void it('creates a service in AWS formats, in progress first, then RUNNING', async () => {
    const response = await t.appRunner.send(
      new CreateServiceCommand(serviceInput('zenml-weather-3f2a9c1e', { Tags: [{ Key: 'managed-by', Value: 'zenml' }] })),
    );
    const service = response.Service!;
    assert.equal(service.Status, 'OPERATION_IN_PROGRESS');
    assert.match(service.ServiceId!, /^[0-9a-f]{32}$/);
    assert.equal(service.ServiceArn, `arn:aws:apprunner:${REGION}:${ACCOUNT}:service/zenml-weather-3f2a9c1e/${service.ServiceId}`);
    assert.match(service.ServiceUrl!, new RegExp(`^[a-z0-9]{10}\\.${REGION}\\.awsapprunner\\.com$`));
    assert.match(response.OperationId!, /^[0-9a-f-]{36}$/);
    assert.ok(service.CreatedAt instanceof Date);
    // AWS reports sizes in their numeric form and fills the defaults.
    assert.deepEqual(service.InstanceConfiguration, { Cpu: '1024', Memory: '2048' });
    assert.deepEqual(service.HealthCheckConfiguration, { Protocol: 'HTTP', Path: '/health', Interval: 5, Timeout: 2, HealthyThreshold: 1, UnhealthyThreshold: 5 });
    assert.equal(service.AutoScalingConfigurationSummary?.AutoScalingConfigurationName, 'DefaultConfiguration');
    assert.equal(service.NetworkConfiguration?.IngressConfiguration?.IsPubliclyAccessible, true);
    const running = await settle(service.ServiceArn, 'RUNNING');
    assert.ok(running.UpdatedAt! >= running.CreatedAt!);
    const operations = await t.appRunner.send(new ListOperationsCommand({ ServiceArn: service.ServiceArn }));
    assert.deepEqual(operations.OperationSummaryList?.map((op) => [op.Type, op.Status]), [['CREATE_SERVICE', 'SUCCEEDED']]);
    assert.ok(operations.OperationSummaryList?.[0].EndedAt instanceof Date);
  });

  void it('refuses a second service with the same name', async () => {
    await created('dup-name-service');
    const error = await errorOf(() => t.appRunner.send(new CreateServiceCommand(serviceInput('dup-name-service'))));
    assert.equal(error.name, 'InvalidRequestException');
  });

  void it('pauses, resumes, deploys and deletes, refusing mutations mid-operation', async () => {
    // The operations a call must land in the middle of last 2 s (a loaded machine took more than
    // 300 ms between a create and the next call); the others 300 ms. Each keeps the time it began with.
    const longOperations = (): Promise<unknown> => t.emulator.control.configure({ provisioningMs: 2_000 });
    const shortOperations = (): Promise<unknown> => t.emulator.control.configure({ provisioningMs: 300 });
    await longOperations();
    try {
      const service = await created('lifecycle-service');
      await shortOperations();
      const arn = service.ServiceArn!;
      const busy = await errorOf(() => t.appRunner.send(new PauseServiceCommand({ ServiceArn: arn })));
      assert.equal(busy.name, 'InvalidStateException');
      const pending = await t.appRunner.send(new ListOperationsCommand({ ServiceArn: arn }));
      assert.ok(['PENDING', 'IN_PROGRESS'].includes(pending.OperationSummaryList![0].Status!));
      await settle(arn, 'RUNNING');

      const notPaused = await errorOf(() => t.appRunner.send(new ResumeServiceCommand({ ServiceArn: arn })));
      assert.equal(notPaused.name, 'InvalidStateException');
      const paused = await t.appRunner.send(new PauseServiceCommand({ ServiceArn: arn }));
      assert.equal(paused.Service?.Status, 'OPERATION_IN_PROGRESS');
      await settle(arn, 'PAUSED');
      // StartDeployment's model declares no InvalidStateException: a service it cannot deploy is an invalid request.
      const deployPaused = await errorOf(() => t.appRunner.send(new StartDeploymentCommand({ ServiceArn: arn })));
      assert.equal(deployPaused.name, 'InvalidRequestException');
      assert.match(deployPaused.message, /in status PAUSED/);
      await t.appRunner.send(new ResumeServiceCommand({ ServiceArn: arn }));
      await settle(arn, 'RUNNING');

      await longOperations();
      const deployment = await t.appRunner.send(new StartDeploymentCommand({ ServiceArn: arn }));
      await shortOperations();
      const updateMidDeploy = await errorOf(() => t.appRunner.send(new UpdateServiceCommand({ ServiceArn: arn, InstanceConfiguration: { Cpu: '2 vCPU', Memory: '4 GB' } })));
      assert.equal(updateMidDeploy.name, 'InvalidStateException');
      await settle(arn, 'RUNNING');

      const deleted = await t.appRunner.send(new DeleteServiceCommand({ ServiceArn: arn }));
      assert.equal(deleted.Service?.Status, 'OPERATION_IN_PROGRESS');
      const gone = await settle(arn, 'DELETED');
      assert.ok(gone.DeletedAt instanceof Date);
      const operations = await t.appRunner.send(new ListOperationsCommand({ ServiceArn: arn }));
      assert.deepEqual(
        operations.OperationSummaryList?.map((op) => op.Type),
        ['DELETE_SERVICE', 'START_DEPLOYMENT', 'RESUME_SERVICE', 'PAUSE_SERVICE', 'CREATE_SERVICE'],
      );
      assert.equal(operations.OperationSummaryList?.[1].Id, deployment.OperationId);
      const listed = await t.appRunner.send(new ListServicesCommand({ MaxResults: 20 }));
      assert.ok(!listed.ServiceSummaryList?.some((summary) => summary.ServiceArn === arn), 'a deleted service is gone from ListServices');
      const again = await errorOf(() => t.appRunner.send(new DeleteServiceCommand({ ServiceArn: arn })));
      assert.equal(again.name, 'ResourceNotFoundException');
    } finally {
      await t.emulator.control.configure({ provisioningMs: 0 });
    }
  });

  void it('updates a running service and reports the new configuration once it is done', async () => {
    const service = await created('update-service');
    await settle(service.ServiceArn!, 'RUNNING');
    const input = serviceInput('unused', {}, 'v2');
    const response = await t.appRunner.send(
      new UpdateServiceCommand({
        ServiceArn: service.ServiceArn,
        SourceConfiguration: input.SourceConfiguration,
        InstanceConfiguration: { Cpu: '0.25 vCPU', Memory: '0.5 GB' },
      }),
    );
    assert.equal(response.Service?.Status, 'OPERATION_IN_PROGRESS');
    const updated = await settle(service.ServiceArn!, 'RUNNING');
    assert.equal(updated.SourceConfiguration?.ImageRepository?.ImageIdentifier, privateImage('v2'));
    assert.deepEqual(updated.InstanceConfiguration, { Cpu: '256', Memory: '512' });
    const operations = await t.appRunner.send(new ListOperationsCommand({ ServiceArn: service.ServiceArn }));
    assert.deepEqual(operations.OperationSummaryList?.[0], { ...operations.OperationSummaryList?.[0], Type: 'UPDATE_SERVICE', Status: 'SUCCEEDED' });
  });

  void it('fails creation on purpose for an image tagged fail-deploy (CREATE_FAILED), then recovers with UpdateService', async () => {
    const service = await created('create-fails', 'v1-fail-deploy');
    const failed = await settle(service.ServiceArn!, 'CREATE_FAILED');
    assert.equal(failed.Status, 'CREATE_FAILED');
    const operations = await t.appRunner.send(new ListOperationsCommand({ ServiceArn: service.ServiceArn }));
    assert.equal(operations.OperationSummaryList?.[0].Status, 'FAILED');
    const pause = await errorOf(() => t.appRunner.send(new PauseServiceCommand({ ServiceArn: service.ServiceArn })));
    assert.equal(pause.name, 'InvalidStateException');
    await t.appRunner.send(new UpdateServiceCommand({ ServiceArn: service.ServiceArn, SourceConfiguration: serviceInput('x', {}, 'v2').SourceConfiguration }));
    await settle(service.ServiceArn!, 'RUNNING');
  });

  void it('rolls back a failed update of a running service and keeps the old configuration', async () => {
    await t.emulator.control.configure({ provisioningMs: 100 });
    try {
      const service = await created('update-rolls-back');
      await settle(service.ServiceArn!, 'RUNNING');
      await t.appRunner.send(new UpdateServiceCommand({ ServiceArn: service.ServiceArn, SourceConfiguration: serviceInput('x', {}, 'v2-fail-deploy').SourceConfiguration }));
      const rollingBack = await waitFor(async () => {
        const ops = await t.appRunner.send(new ListOperationsCommand({ ServiceArn: service.ServiceArn }));
        return ops.OperationSummaryList?.[0].Status === 'ROLLBACK_IN_PROGRESS' ? ops : undefined;
      }, 'the rollback to start');
      assert.equal(rollingBack.OperationSummaryList?.[0].Type, 'UPDATE_SERVICE');
      const back = await settle(service.ServiceArn!, 'RUNNING');
      assert.equal(back.SourceConfiguration?.ImageRepository?.ImageIdentifier, privateImage('latest'));
      const ops = await t.appRunner.send(new ListOperationsCommand({ ServiceArn: service.ServiceArn }));
      assert.equal(ops.OperationSummaryList?.[0].Status, 'ROLLBACK_SUCCEEDED');
    } finally {
      await t.emulator.control.configure({ provisioningMs: 0 });
    }
  });

  void it('fails a deployment whose HTTP health check path the application does not serve', async () => {
    const { Service: service } = await t.appRunner.send(
      new CreateServiceCommand(serviceInput('bad-health-path', { HealthCheckConfiguration: { Protocol: 'HTTP', Path: '/healthz' } })),
    );
    await settle(service!.ServiceArn!, 'CREATE_FAILED');
  });

  void it('fails a deployment whose runtime secret does not exist or cannot be read', async () => {
    const input = serviceInput('missing-secret');
    input.SourceConfiguration!.ImageRepository!.ImageConfiguration!.RuntimeEnvironmentSecrets = {
      ZENML_STORE_API_TOKEN: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:zenml-missing-AbCdEf:ZENML_STORE_API_TOKEN::`,
    };
    input.InstanceConfiguration!.InstanceRoleArn = `arn:aws:iam::${ACCOUNT}:role/apprunner-instance`;
    const { Service: service } = await t.appRunner.send(new CreateServiceCommand(input));
    await settle(service!.ServiceArn!, 'CREATE_FAILED');
  });

  void it('lists services 20 at most per page with NextToken, and refuses more than 20', async () => {
    await t.emulator.control.seedServices({ count: 45, namePrefix: 'paged-' });
    const pages: number[] = [];
    const names: string[] = [];
    for await (const page of paginateListServices({ client: t.appRunner, pageSize: 20 }, {})) {
      pages.push(page.ServiceSummaryList!.length);
      names.push(...page.ServiceSummaryList!.map((summary) => summary.ServiceName!));
    }
    assert.ok(pages.every((size) => size <= 20));
    assert.equal(new Set(names).size, names.length, 'no service twice');
    assert.equal(names.filter((name) => name.startsWith('paged-')).length, 45);
    const tooMany = await errorOf(() => t.appRunner.send(new ListServicesCommand({ MaxResults: 21 })));
    assert.equal(tooMany.name, 'InvalidRequestException');
    assert.match(tooMany.message, /at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 20/);
    const badToken = await errorOf(() => t.appRunner.send(new ListServicesCommand({ NextToken: 'garbage' })));
    assert.equal(badToken.name, 'InvalidRequestException');
  });

  void it('tags and untags services; unknown resources are not found', async () => {
    const service = await created('tagged-service');
    const arn = service.ServiceArn!;
    await t.appRunner.send(new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: 'zenml-deployment-name', Value: 'weather' }, { Key: 'team', Value: 'ml' }] }));
    await t.appRunner.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: ['team'] }));
    const tags = await t.appRunner.send(new ListTagsForResourceCommand({ ResourceArn: arn }));
    assert.deepEqual(tags.Tags, [{ Key: 'zenml-deployment-name', Value: 'weather' }]);
    const reserved = await errorOf(() => t.appRunner.send(new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: 'aws:owner', Value: 'x' }] })));
    assert.equal(reserved.name, 'InvalidRequestException');
    const missing = await errorOf(() =>
      t.appRunner.send(new ListTagsForResourceCommand({ ResourceArn: `arn:aws:apprunner:${REGION}:${ACCOUNT}:service/nope/${'0'.repeat(32)}` })),
    );
    assert.equal(missing.name, 'ResourceNotFoundException');
  });

  void it('keeps resources per region and answers only in App Runner regions', async () => {
    const west = new AppRunnerClient({ endpoint: t.emulator.url, region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    const nowhere = new AppRunnerClient({ endpoint: t.emulator.url, region: 'eu-north-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    try {
      const service = await created('regional-service');
      const inWest = await west.send(new ListServicesCommand({}));
      assert.ok(!inWest.ServiceSummaryList?.some((summary) => summary.ServiceArn === service.ServiceArn));
      const describeElsewhere = await errorOf(() => west.send(new DescribeServiceCommand({ ServiceArn: service.ServiceArn })));
      assert.equal(describeElsewhere.name, 'ResourceNotFoundException');
      const unsupported = await errorOf(() => nowhere.send(new ListServicesCommand({})));
      assert.equal(unsupported.name, 'UnrecognizedClientException');
    } finally {
      west.destroy();
      nowhere.destroy();
    }
  });

  void it('enforces the services quota (CREATE_FAILED services count)', async () => {
    await t.emulator.control.reset();
    await t.emulator.control.configure({ quotas: { services: 2 } });
    try {
      await created('quota-one', 'x-fail-deploy');
      await created('quota-two');
      const error = await errorOf(() => created('quota-three'));
      assert.equal(error.name, 'ServiceQuotaExceededException');
    } finally {
      await t.emulator.control.configure({ quotas: { services: 200 } });
    }
  });
});
