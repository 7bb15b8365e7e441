// Fault injection and the rest of the control API, seen through the SDKs' retry logic.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppRunnerClient, CreateServiceCommand, DeleteServiceCommand, DescribeServiceCommand, ListOperationsCommand, ListServicesCommand, UpdateServiceCommand } from '@aws-sdk/client-apprunner';
import { GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateSecretCommand, GetSecretValueCommand, ListSecretsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { clientConfig, errorOf, serviceInput, useEmulator, waitFor } from '../support/emulatorHarness';

void describe('fault injection and the control API', () => {
  const t = useEmulator();

  void it('throttles: the SDK retries ThrottlingException and succeeds when the fault runs out', async () => {
    await t.emulator.control.addFault({ operation: 'ListServices', kind: 'throttle', count: 2 });
    const response = await t.appRunner.send(new ListServicesCommand({}));
    assert.equal(response.$metadata.attempts, 3);
    assert.deepEqual(await t.emulator.control.faults(), [], 'a fault with a count retires itself');
  });

  void it('throttles for good: the SDK gives up with ThrottlingException after its attempts', async () => {
    const rule = await t.emulator.control.addFault({ operation: 'secretsmanager.ListSecrets', kind: 'throttle' });
    const client = new SecretsManagerClient(clientConfig(t.emulator, { maxAttempts: 2 }));
    try {
      const error = await errorOf(() => client.send(new ListSecretsCommand({})));
      assert.equal(error.name, 'ThrottlingException');
      assert.equal(error.$metadata?.attempts, 2);
      const [listed] = await t.emulator.control.faults();
      assert.equal(listed.id, rule.id);
      assert.equal(listed.hits, 2);
      // Only the named operation of the named service is hit.
      await client.send(new CreateSecretCommand({ Name: 'not-throttled', SecretString: 'x' }));
    } finally {
      client.destroy();
      await t.emulator.control.clearFaults();
    }
  });

  void it('injects server errors (retried) and shows them when retries are off', async () => {
    await t.emulator.control.addFault({ operation: 'AppRunner.ListServices', kind: 'error', count: 1 });
    assert.equal((await t.appRunner.send(new ListServicesCommand({}))).$metadata.attempts, 2);
    await t.emulator.control.addFault({ operation: '*', kind: 'error', count: 1 });
    const once = new AppRunnerClient(clientConfig(t.emulator, { maxAttempts: 1 }));
    try {
      const error = await errorOf(() => once.send(new ListServicesCommand({})));
      assert.equal(error.name, 'InternalServiceErrorException');
      assert.equal(error.$metadata?.httpStatusCode, 500);
    } finally {
      once.destroy();
    }
  });

  void it('drops connections (the SDK retries) and adds latency', async () => {
    await t.emulator.control.addFault({ operation: 'GetSecretValue', kind: 'drop', count: 1 });
    await t.secrets.send(new CreateSecretCommand({ Name: 'dropped-once', SecretString: 'value' }));
    const value = await t.secrets.send(new GetSecretValueCommand({ SecretId: 'dropped-once' }));
    assert.equal(value.SecretString, 'value');
    assert.equal(value.$metadata.attempts, 2);
    await t.emulator.control.addFault({ operation: 'ListServices', kind: 'latency', latencyMs: 150, count: 1 });
    const started = Date.now();
    await t.appRunner.send(new ListServicesCommand({}));
    assert.ok(Date.now() - started >= 150);
  });

  void it('refuses malformed fault rules', async () => {
    await assert.rejects(t.emulator.control.addFault({ operation: '*', kind: 'latency' }), /latencyMs/);
    await assert.rejects(t.emulator.control.addFault({ operation: '*', kind: 'throttle', probability: 2 }), /probability/);
  });

  void it('appends log events at a rate until stopped', async () => {
    const group = '/aws/apprunner/rated/0123456789abcdef0123456789abcdef/application';
    const { generatorId } = await t.emulator.control.appendLogs({ logGroupName: group, logStreamName: 'instance/x', ratePerSecond: 200, template: 'tick {n}' });
    assert.ok(generatorId);
    const events = await waitFor(async () => {
      const page = await t.logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: 'instance/x', startFromHead: true }));
      return (page.events?.length ?? 0) >= 20 ? page.events : undefined;
    }, '20 generated events');
    assert.equal(events[0].message, 'tick 1');
    await t.emulator.control.stopLogGenerator(generatorId);
    const { appended } = await t.emulator.control.appendLogs({ logGroupName: group, logStreamName: 'instance/y', count: 3, startTime: 1_000, stepMs: 10 });
    assert.equal(appended, 3);
  });

  void it('denies a permission: AccessDeniedException naming the IAM action, not retried', async () => {
    await t.emulator.control.addFault({ operation: 'AppRunner.CreateService', kind: 'deny', count: 1 });
    const error = await errorOf(() => t.appRunner.send(new CreateServiceCommand(serviceInput('denied-service'))));
    assert.equal(error.name, 'AccessDeniedException');
    assert.equal(error.$metadata?.attempts, 1);
    assert.match(error.message, /^User: arn:aws:iam::123456789012:user\/test is not authorized to perform: apprunner:CreateService because/);
    assert.equal((await t.appRunner.send(new ListServicesCommand({}))).ServiceSummaryList?.some((s) => s.ServiceName === 'denied-service'), false);
  });

  void it('dumps all state for orphan audits (never secret values), resets, and sets the provisioning time', async () => {
    await t.appRunner.send(new CreateServiceCommand(serviceInput('audited-service')));
    await t.secrets.send(new CreateSecretCommand({ Name: 'audited-secret', SecretString: 'do-not-print' }));
    const dump = await t.emulator.control.state();
    const region = dump.regions['us-east-1'];
    assert.ok(region.services.some((service) => service.name === 'audited-service'));
    assert.ok(region.secrets.some((secret) => secret.name === 'audited-secret' && secret.versions === 1));
    assert.ok(region.autoScalingConfigurations.some((config) => config.isDefault && config.inUse));
    assert.ok(region.logGroups.some((group) => group.name.startsWith('/aws/apprunner/audited-service/')));
    assert.ok(!JSON.stringify(dump).includes('do-not-print'));
    const settings = await t.emulator.control.configure({ provisioningMs: 1234 });
    assert.equal(settings.provisioningMs, 1234);
    await t.emulator.control.configure({ provisioningMs: 0 });
    await t.emulator.control.reset();
    assert.deepEqual((await t.emulator.control.state()).regions, {});
    assert.deepEqual((await t.appRunner.send(new ListServicesCommand({}))).ServiceSummaryList, []);
  });

  void it('fail: DeleteService is accepted and leaves the service DELETE_FAILED; deleting it again works, as on AWS', async () => {
    const created = await t.appRunner.send(new CreateServiceCommand(serviceInput('fails-to-delete')));
    const arn = created.Service?.ServiceArn ?? '';
    await waitFor(async () => ((await t.appRunner.send(new DescribeServiceCommand({ ServiceArn: arn }))).Service?.Status === 'RUNNING' ? true : undefined), 'the service to run');
    await t.emulator.control.addFault({ operation: 'DeleteService', kind: 'fail', count: 1 });
    await t.appRunner.send(new DeleteServiceCommand({ ServiceArn: arn }));
    const failed = await waitFor(async () => {
      const service = (await t.appRunner.send(new DescribeServiceCommand({ ServiceArn: arn }))).Service;
      return service?.Status === 'DELETE_FAILED' ? service : undefined;
    }, 'the delete to fail');
    assert.equal(failed.Status, 'DELETE_FAILED');
    const operations = (await t.appRunner.send(new ListOperationsCommand({ ServiceArn: arn }))).OperationSummaryList ?? [];
    assert.deepEqual([operations[0].Type, operations[0].Status], ['DELETE_SERVICE', 'FAILED']);
    await t.appRunner.send(new DeleteServiceCommand({ ServiceArn: arn }));
    await waitFor(async () => ((await t.appRunner.send(new DescribeServiceCommand({ ServiceArn: arn }))).Service?.Status === 'DELETED' ? true : undefined), 'the second delete');
  });

  void it('fail: an update rolls back and the previous configuration keeps serving; seeding can start a service DELETE_FAILED', async () => {
    const created = await t.appRunner.send(new CreateServiceCommand(serviceInput('fails-to-update')));
    const arn = created.Service?.ServiceArn ?? '';
    await waitFor(async () => ((await t.appRunner.send(new DescribeServiceCommand({ ServiceArn: arn }))).Service?.Status === 'RUNNING' ? true : undefined), 'the service to run');
    await t.emulator.control.addFault({ operation: 'UpdateService', kind: 'fail', count: 1 });
    const update = await t.appRunner.send(new UpdateServiceCommand({ ServiceArn: arn, InstanceConfiguration: { Cpu: '2 vCPU', Memory: '4 GB' } }));
    await waitFor(async () => ((await t.appRunner.send(new DescribeServiceCommand({ ServiceArn: arn }))).Service?.Status === 'RUNNING' ? true : undefined), 'the rollback');
    const service = (await t.appRunner.send(new DescribeServiceCommand({ ServiceArn: arn }))).Service;
    assert.deepEqual(service?.InstanceConfiguration, { Cpu: '1024', Memory: '2048' }, 'the previous size keeps serving');
    const operation = (await t.appRunner.send(new ListOperationsCommand({ ServiceArn: arn }))).OperationSummaryList?.find((op) => op.Id === update.OperationId);
    assert.equal(operation?.Status, 'ROLLBACK_SUCCEEDED');
    const [seeded] = await t.emulator.control.seedServices({ services: [{ name: 'seeded-delete-failed', status: 'DELETE_FAILED' }] });
    assert.equal((await t.appRunner.send(new DescribeServiceCommand({ ServiceArn: seeded.arn }))).Service?.Status, 'DELETE_FAILED');
  });

  void it('counts every AWS request it receives, by target', async () => {
    await t.emulator.control.clearRequestCounts();
    await t.appRunner.send(new ListServicesCommand({}));
    await t.appRunner.send(new ListServicesCommand({}));
    await t.secrets.send(new ListSecretsCommand({}));
    assert.deepEqual(await t.emulator.control.requestCounts(), { total: 3, byTarget: { 'AppRunner.ListServices': 2, 'secretsmanager.ListSecrets': 1 } });
    await t.emulator.control.clearRequestCounts();
    assert.equal((await t.emulator.control.requestCounts()).total, 0);
  });
});
