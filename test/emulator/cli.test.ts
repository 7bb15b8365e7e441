// The bundled emulator as a process (`node dist/emulator.js`) driven by the real AWS CLI v2 with
// `--endpoint-url`: any disagreement between the CLI and the emulator is an emulator bug.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { AwsCli, findAwsCliV2 } from '../support/awsCli';
import { ACCOUNT, privateImage } from '../support/emulatorHarness';
import { childEnv, EMULATOR_BUNDLE, spawnEmulator, type EmulatorProcess } from '../support/emulatorProcess';
import { ControlClient } from '../../emulator/src/controlClient';

interface ServiceShape {
  ServiceArn: string;
  ServiceName: string;
  ServiceId: string;
  ServiceUrl: string;
  Status: string;
}

void describe('the emulator process', () => {
  void it('prints its URL, serves, and exits 0 on SIGTERM; refuses bad arguments with exit code 2', async () => {
    const emulator = await spawnEmulator(['--port', '0', '--host', '127.0.0.1']);
    try {
      assert.match(emulator.banner, /^emulator listening on http:\/\/127\.0\.0\.1:\d+$/);
      assert.ok(await new ControlClient(emulator.url).health());
    } finally {
      assert.equal(await emulator.stop(), 0);
    }
    const usage = spawnSync(process.execPath, [EMULATOR_BUNDLE, '--bogus'], { env: childEnv(), encoding: 'utf8' });
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /unknown argument --bogus/);
  });
});

// The subtests use distinct resources and run concurrently: each CLI call costs seconds of Python start-up.
void describe('the AWS CLI against the emulator', { concurrency: true }, () => {
  let emulator: EmulatorProcess;
  let aws: AwsCli;

  before(async () => {
    // The prerequisite first: a missing CLI must fail the suite before anything is started.
    const binary = await findAwsCliV2();
    emulator = await spawnEmulator(['--port', '0', '--provisioning-ms', '300', '--app-log-interval-ms', '0']);
    aws = new AwsCli(binary, emulator.url);
  });
  after(async () => {
    aws?.dispose();
    if (emulator) assert.equal(await emulator.stop(), 0);
  });

  async function waitForStatus(arn: string, status: string): Promise<ServiceShape> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const { Service } = await aws.json<{ Service: ServiceShape }>(['apprunner', 'describe-service', '--service-arn', arn]);
      if (Service.Status === status) return Service;
      if (Date.now() > deadline) throw new Error(`service stayed ${Service.Status}, expected ${status}`);
    }
  }

  void it('creates a service from a JSON input, lists, describes, pauses, resumes and deletes it', async () => {
    const input = aws.file(
      'create-service.json',
      JSON.stringify({
        ServiceName: 'zenml-cli-service',
        SourceConfiguration: {
          ImageRepository: { ImageIdentifier: privateImage('cli'), ImageRepositoryType: 'ECR', ImageConfiguration: { Port: '8000' } },
          AutoDeploymentsEnabled: false,
          AuthenticationConfiguration: { AccessRoleArn: `arn:aws:iam::${ACCOUNT}:role/apprunner-ecr-access` },
        },
        InstanceConfiguration: { Cpu: '1 vCPU', Memory: '2 GB' },
        HealthCheckConfiguration: { Protocol: 'HTTP', Path: '/health' },
        Tags: [{ Key: 'managed-by', Value: 'zenml' }],
      }),
    );
    const created = await aws.json<{ Service: ServiceShape; OperationId: string }>(['apprunner', 'create-service', '--cli-input-json', `file://${input}`]);
    assert.equal(created.Service.Status, 'OPERATION_IN_PROGRESS');
    const arn = created.Service.ServiceArn;
    const [listed, running] = await Promise.all([
      aws.json<{ ServiceSummaryList: ServiceShape[] }>(['apprunner', 'list-services']),
      waitForStatus(arn, 'RUNNING'),
    ]);
    assert.ok(listed.ServiceSummaryList.some((s) => s.ServiceArn === arn));
    assert.equal(running.ServiceId, created.Service.ServiceId);
    const health = await fetch(`${emulator.url}/_services/${running.ServiceUrl}/health`);
    assert.equal(health.status, 200);

    await aws.json(['apprunner', 'pause-service', '--service-arn', arn]);
    await waitForStatus(arn, 'PAUSED');
    await aws.json(['apprunner', 'resume-service', '--service-arn', arn]);
    await waitForStatus(arn, 'RUNNING');
    const [operations, tags] = await Promise.all([
      aws.json<{ OperationSummaryList: { Type: string; Status: string }[] }>(['apprunner', 'list-operations', '--service-arn', arn]),
      aws.json<{ Tags: { Key: string; Value: string }[] }>(['apprunner', 'list-tags-for-resource', '--resource-arn', arn]),
    ]);
    assert.deepEqual(operations.OperationSummaryList.map((op) => op.Type), ['RESUME_SERVICE', 'PAUSE_SERVICE', 'CREATE_SERVICE']);
    assert.deepEqual(tags.Tags, [{ Key: 'managed-by', Value: 'zenml' }]);

    await aws.json(['apprunner', 'delete-service', '--service-arn', arn]);
    await waitForStatus(arn, 'DELETED');
    const remaining = await aws.json<{ ServiceSummaryList: ServiceShape[] }>(['apprunner', 'list-services']);
    assert.ok(!remaining.ServiceSummaryList.some((s) => s.ServiceArn === arn), 'a deleted service is gone from list-services');
  });

  void it('creates auto-scaling revisions and reports errors the way the CLI expects', async () => {
    const first = await aws.json<{ AutoScalingConfiguration: { AutoScalingConfigurationRevision: number } }>([
      'apprunner', 'create-auto-scaling-configuration', '--auto-scaling-configuration-name', 'zenml-cli-scaling', '--max-concurrency', '80', '--min-size', '1', '--max-size', '10',
    ]);
    assert.equal(first.AutoScalingConfiguration.AutoScalingConfigurationRevision, 1);
    const [missing, invalid, wrongSecret, unknownKey] = await Promise.all([
      aws.run(['apprunner', 'describe-service', '--service-arn', `arn:aws:apprunner:us-east-1:${ACCOUNT}:service/nope/${'0'.repeat(32)}`]),
      aws.run(['apprunner', 'create-auto-scaling-configuration', '--auto-scaling-configuration-name', 'zenml-cli-scaling', '--max-concurrency', '500']),
      aws.run(['apprunner', 'list-services'], { key: 'test', secret: 'wrong' }),
      aws.run(['secretsmanager', 'list-secrets'], { key: 'AKIDNOBODY', secret: 'x' }),
    ]);
    assert.equal(missing.code, 254);
    assert.match(missing.stderr, /\(ResourceNotFoundException\) when calling the DescribeService operation/);
    assert.equal(invalid.code, 254);
    assert.match(invalid.stderr, /\(InvalidRequestException\).*Member must have value less than or equal to 200/);
    assert.match(wrongSecret.stderr, /\(InvalidSignatureException\)/);
    assert.match(unknownKey.stderr, /\(UnrecognizedClientException\)/);
  });

  void it('round-trips a secret', async () => {
    const created = await aws.json<{ ARN: string; Name: string }>(['secretsmanager', 'create-secret', '--name', 'zenml-cli-secret', '--secret-string', '{"TOKEN":"one"}']);
    assert.match(created.ARN, /:secret:zenml-cli-secret-[A-Za-z0-9]{6}$/);
    await Promise.all([
      aws.json(['secretsmanager', 'put-secret-value', '--secret-id', created.ARN, '--secret-string', '{"TOKEN":"two"}']),
      aws.json(['secretsmanager', 'tag-resource', '--secret-id', 'zenml-cli-secret', '--tags', 'Key=managed-by,Value=zenml']),
    ]);
    const value = await aws.json<{ SecretString: string }>(['secretsmanager', 'get-secret-value', '--secret-id', 'zenml-cli-secret']);
    assert.equal(value.SecretString, '{"TOKEN":"two"}');
    const [described, listed] = await Promise.all([
      aws.json<{ Tags: unknown[]; VersionIdsToStages: Record<string, string[]> }>(['secretsmanager', 'describe-secret', '--secret-id', 'zenml-cli-secret']),
      aws.json<{ SecretList: { Name: string }[] }>(['secretsmanager', 'list-secrets', '--filters', 'Key=name,Values=zenml-cli']),
    ]);
    assert.deepEqual(described.Tags, [{ Key: 'managed-by', Value: 'zenml' }]);
    assert.equal(Object.keys(described.VersionIdsToStages).length, 2);
    assert.deepEqual(listed.SecretList.map((s) => s.Name), ['zenml-cli-secret']);
    await aws.json(['secretsmanager', 'delete-secret', '--secret-id', 'zenml-cli-secret', '--force-delete-without-recovery']);
    const gone = await aws.run(['secretsmanager', 'get-secret-value', '--secret-id', 'zenml-cli-secret']);
    assert.match(gone.stderr, /\(ResourceNotFoundException\)/);
  });

  void it('tails an application log group and pages get-log-events to the end', async () => {
    const control = new ControlClient(emulator.url);
    const [service] = await control.seedServices({ services: [{ name: 'zenml-tailed-service' }] });
    const group = `/aws/apprunner/zenml-tailed-service/${service.id}/application`;
    await control.appendLogs({ logGroupName: group, logStreamName: 'instance/cli', messages: ['INFO request one', 'ERROR request two'] });
    const tail = await aws.run(['logs', 'tail', group, '--since', '1h']);
    assert.equal(tail.code, 0, tail.stderr);
    assert.match(tail.stdout, /instance\/cli INFO request one/);
    assert.match(tail.stdout, /instance\/cli ERROR request two/);
    assert.match(tail.stdout, /Application startup complete\./);
    const filtered = await aws.run(['logs', 'tail', group, '--since', '1h', '--filter-pattern', 'ERROR', '--format', 'short']);
    assert.deepEqual(filtered.stdout.trim().split('\n').map((line) => line.replace(/^\S+ /, '')), ['ERROR request two']);

    await control.appendLogs({ logGroupName: group, logStreamName: 'instance/many', count: 120, template: 'event {n}' });
    // The CLI follows FilterLogEvents' nextToken until it is absent: 3 pages of 50.
    const filtered120 = await aws.json<{ events: { message: string }[] }>(['logs', 'filter-log-events', '--log-group-name', group, '--log-stream-names', 'instance/many', '--page-size', '50']);
    assert.deepEqual(filtered120.events.map((e) => e.message), Array.from({ length: 120 }, (_, i) => `event ${i + 1}`));
    const page = await aws.json<{ events: { message: string }[]; nextForwardToken: string }>(['logs', 'get-log-events', '--log-group-name', group, '--log-stream-name', 'instance/many', '--start-from-head', '--limit', '50']);
    assert.equal(page.events.length, 50);
    assert.match(page.nextForwardToken, /^f\/\d+\/s$/);
    const streams = await aws.json<{ logStreams: { logStreamName: string }[] }>(['logs', 'describe-log-streams', '--log-group-name', group, '--order-by', 'LastEventTime', '--descending']);
    assert.equal(streams.logStreams.length, 3);
  });
  void it('reads CloudWatch metrics in the query protocol: get-metric-data (paged), list-metrics, errors', async () => {
    const control = new ControlClient(emulator.url);
    const [service] = await control.seedServices({ services: [{ name: 'zenml-metered-service' }] });
    for (let i = 0; i < 4; i++) assert.equal((await fetch(`${service.localUrl}/health`)).status, 200);
    assert.equal((await fetch(`${service.localUrl}/nowhere`)).status, 404);
    const dimensions = [
      { Name: 'ServiceName', Value: service.name },
      { Name: 'ServiceID', Value: service.id },
    ];
    const queries = aws.file(
      'metric-queries.json',
      JSON.stringify(
        ['Requests', '4xxStatusResponses', 'ActiveInstances'].map((metric, index) => ({
          Id: `m${index}`,
          MetricStat: { Metric: { Namespace: 'AWS/AppRunner', MetricName: metric, Dimensions: dimensions }, Period: 60, Stat: index === 2 ? 'Maximum' : 'Sum' },
        })).concat([{ Id: 'lat', MetricStat: { Metric: { Namespace: 'AWS/AppRunner', MetricName: 'RequestLatency', Dimensions: dimensions }, Period: 300, Stat: 'p90' } }]),
      ),
    );
    const window = ['--start-time', new Date(Date.now() - 3_600_000).toISOString(), '--end-time', new Date(Date.now() + 60_000).toISOString()];
    // --page-size 1 makes the CLI follow NextToken through every page and merge them.
    const data = await aws.json<{ MetricDataResults: { Id: string; Label: string; Timestamps: string[]; Values: number[]; StatusCode: string }[] }>([
      'cloudwatch', 'get-metric-data', '--metric-data-queries', `file://${queries}`, ...window, '--page-size', '1',
    ]);
    const sum = (id: string) => data.MetricDataResults.filter((result) => result.Id === id).flatMap((result) => result.Values).reduce((a, b) => a + b, 0);
    assert.equal(sum('m0'), 5);
    assert.equal(sum('m1'), 1);
    assert.ok(data.MetricDataResults.filter((result) => result.Id === 'm2').flatMap((result) => result.Values).every((value) => value === 1));
    assert.ok(sum('lat') > 0);
    const times = data.MetricDataResults.find((result) => result.Id === 'm2')!.Timestamps;
    assert.ok(times.every((time) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+00:00$/.test(time)), times.join());
    const listed = await aws.json<{ Metrics: { MetricName: string; Dimensions: { Name: string; Value: string }[] }[] }>([
      'cloudwatch', 'list-metrics', '--namespace', 'AWS/AppRunner', '--dimensions', `Name=ServiceName,Value=${service.name}`,
    ]);
    assert.equal(listed.Metrics.length, 9);
    const backwards = await aws.run(['cloudwatch', 'get-metric-data', '--metric-data-queries', `file://${queries}`, '--start-time', window[3], '--end-time', window[1]]);
    assert.notEqual(backwards.code, 0);
    assert.match(backwards.stderr, /\(InvalidParameterValue\) when calling the GetMetricData operation: The parameter StartTime must be less than the parameter EndTime/);
    const empty = await aws.run(['cloudwatch', 'get-metric-data', '--metric-data-queries', '[]', ...window]);
    assert.match(empty.stderr, /\(ValidationError\).*Member must have length greater than or equal to 1/);
    const denied = await aws.run(['cloudwatch', 'list-metrics'], { key: 'test', secret: 'wrong' });
    assert.match(denied.stderr, /\(SignatureDoesNotMatch\)/);
  });
});
