// "Why it failed" against the emulator with the real SDK clients: a create that ends CREATE_FAILED,
// an update that App Runner rolls back (the new instance's lines, not the old one's), a healthy
// service (nothing to explain), a secret that cannot be read (no instance, no application log),
// and reads that are denied (what could be read, plus a note naming the permission).
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { CreateServiceCommand, DescribeServiceCommand, UpdateServiceCommand } from '@aws-sdk/client-apprunner';
import { createAwsClients, type AwsClients } from '../../../common/src/aws/clientFactory';
import { describeFailure, explainFailure, type FailureSubject } from '../../../common/src/deploy/failureReason';
import { formatLogLine } from '../../../common/src/logs';
import { REGION, serviceInput, TEST_CREDENTIALS, useEmulator, waitFor } from '../../support/emulatorHarness';

void describe('why a service failed', () => {
  const t = useEmulator({ provisioningMs: 60 });
  let clients: AwsClients;
  before(() => {
    clients = createAwsClients({ region: REGION, endpoint: t.emulator.url }, { credentials: TEST_CREDENTIALS, maxAttempts: 1 });
  });
  after(() => clients?.destroy());
  beforeEach(() => t.emulator.control.reset());

  async function settle(arn: string, status: string): Promise<FailureSubject> {
    return waitFor(async () => {
      const service = (await t.appRunner.send(new DescribeServiceCommand({ ServiceArn: arn }))).Service;
      if (service?.Status !== status) return undefined;
      const operationDone = !(await t.emulator.control.state()).regions[REGION].services.some((s) => s.arn === arn && s.operations.some((op) => op.status.endsWith('IN_PROGRESS') || op.status === 'PENDING'));
      return operationDone ? { serviceName: service.ServiceName!, serviceId: service.ServiceId!, serviceArn: service.ServiceArn!, status } : undefined;
    }, status);
  }

  async function create(name: string, tag: string, status: string, overrides = {}): Promise<FailureSubject> {
    const { Service } = await t.appRunner.send(new CreateServiceCommand(serviceInput(name, overrides, tag)));
    return settle(Service!.ServiceArn!, status);
  }

  void it("a CREATE_FAILED service: App Runner's reason, when, and the crashing instance's last lines", async () => {
    const subject = await create('create-fails', 'v1-fail-deploy', 'CREATE_FAILED');
    const why = await explainFailure(clients, subject);
    assert.ok(why);
    assert.equal(why.status, 'CREATE_FAILED');
    assert.equal(why.operation?.type, 'CREATE_SERVICE');
    assert.equal(why.operation?.status, 'FAILED');
    assert.equal(why.reason, "Health check failed on protocol `HTTP` [Path: '/health'], [Port: '8000']: the application exited during startup.");
    assert.ok(why.at !== undefined && why.at >= (why.operation?.startedAt ?? 0));
    assert.equal(why.applicationLines.length, 9);
    assert.match(why.applicationLines.at(-1)?.message ?? '', /Application startup failed\. Exiting\./);
    assert.ok(why.applicationLines.some((line) => line.message.startsWith('RuntimeError:')));
    assert.ok(why.applicationLines.every((line) => line.timestamp <= (why.at ?? 0)));
    assert.deepEqual(why.notes, []);
    const three = await explainFailure(clients, subject, { applicationLines: 3 });
    assert.deepEqual(three?.applicationLines.map((line) => line.message), why.applicationLines.slice(-3).map((line) => line.message));
  });

  void it("a rolled-back update: the reason and the new instance's lines, not the old instance's", async () => {
    const subject = await create('update-rolls-back', 'v1', 'RUNNING');
    assert.equal(await explainFailure(clients, subject), undefined, 'nothing failed yet');
    await t.appRunner.send(new UpdateServiceCommand({ ServiceArn: subject.serviceArn, SourceConfiguration: serviceInput('x', {}, 'v2-fail-deploy').SourceConfiguration }));
    const after = await settle(subject.serviceArn, 'RUNNING');
    const why = await explainFailure(clients, after);
    assert.equal(why?.operation?.type, 'UPDATE_SERVICE');
    assert.equal(why?.operation?.status, 'ROLLBACK_SUCCEEDED');
    assert.match(why?.reason ?? '', /exited during startup/);
    const streams = new Set(why?.applicationLines.map((line) => line.logStreamName));
    assert.equal(streams.size, 1, `only the failing instance: ${[...streams].join(', ')}`);
    assert.ok(!why?.applicationLines.some((line) => /Application startup complete/.test(line.message)), 'no line of the instance that kept serving');
  });

  void it('a secret that cannot be read: the reason, and a note that the application wrote nothing', async () => {
    const subject = await create('secret-fails', 'v1', 'CREATE_FAILED', {
      SourceConfiguration: { ...serviceInput('x').SourceConfiguration, ImageRepository: { ...serviceInput('x').SourceConfiguration!.ImageRepository!, ImageConfiguration: { Port: '8000', RuntimeEnvironmentSecrets: { TOKEN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:missing-AbCdEf' } } } },
      InstanceConfiguration: { Cpu: '1 vCPU', Memory: '2 GB', InstanceRoleArn: 'arn:aws:iam::123456789012:role/instance' },
    });
    const why = await explainFailure(clients, subject);
    assert.match(why?.reason ?? '', /^Failed to fetch the value of runtime environment secret TOKEN/);
    assert.deepEqual(why?.applicationLines, []);
    assert.equal(why?.notes.length, 1);
    assert.match(why?.notes[0] ?? '', /^the application wrote no log/);
  });

  void it('the seeded sample failure reads like a real one', async () => {
    const [seeded] = await t.emulator.control.seedServices({ services: [{ name: 'zenml-churn-report-c05b7d9e', status: 'CREATE_FAILED', healthCheckPath: '/health' }] });
    const why = await explainFailure(clients, { serviceName: seeded.name, serviceId: seeded.id, serviceArn: seeded.arn, status: 'CREATE_FAILED' });
    assert.equal(why?.operation?.type, 'CREATE_SERVICE');
    assert.match(why?.reason ?? '', /exited during startup/);
    assert.ok((why?.applicationLines.length ?? 0) > 0);
  });

  void it('denied reads: what could be read, and a note naming the missing permission', async () => {
    const subject = await create('denied-reads', 'v1-fail-deploy', 'CREATE_FAILED');
    await t.emulator.control.addFault({ operation: 'GetLogEvents', kind: 'deny' });
    const noLogs = await explainFailure(clients, subject);
    assert.equal(noLogs?.operation?.status, 'FAILED');
    assert.equal(noLogs?.reason, undefined);
    assert.deepEqual(noLogs?.applicationLines, []);
    assert.ok(noLogs?.notes.includes('the service log could not be read (needs logs:GetLogEvents)'), JSON.stringify(noLogs?.notes));
    await t.emulator.control.clearFaults();
    await t.emulator.control.addFault({ operation: 'ListOperations', kind: 'deny' });
    const noOperations = await explainFailure(clients, subject);
    assert.match(noOperations?.reason ?? '', /exited during startup/);
    assert.equal(noOperations?.operation?.type, 'unknown');
    assert.match(noOperations?.operation?.id ?? '', /^[0-9a-f-]{36}$/);
    assert.deepEqual(noOperations?.notes, ["the service's operations could not be read (needs apprunner:ListOperations)"]);
    assert.ok((noOperations?.applicationLines.length ?? 0) > 0);
    const healthy = await create('healthy-denied', 'v1', 'RUNNING');
    assert.equal(await explainFailure(clients, healthy), undefined, 'no operations, and the log says the last deployment succeeded');
  });

  void it('reads as a few lines for a terminal', () => {
    const text = describeFailure(
      {
        operation: { id: 'op', type: 'UPDATE_SERVICE', status: 'ROLLBACK_SUCCEEDED' },
        status: 'RUNNING',
        reason: 'Health check failed.',
        at: Date.UTC(2026, 11, 1, 10),
        applicationLines: [{ timestamp: Date.UTC(2026, 11, 1, 9, 59), source: 'application', logGroupName: 'g', logStreamName: 'instance/a', message: 'boom' }],
        notes: ['x could not be read (needs y)'],
      },
      formatLogLine,
    );
    assert.deepEqual(text, [
      'UPDATE_SERVICE ROLLBACK_SUCCEEDED at 2026-12-01T10:00:00.000Z: Health check failed.',
      'last application lines before it:',
      '  2026-12-01T09:59:00.000Z [application instance/a] boom',
      '(x could not be read (needs y))',
    ]);
  });
});
