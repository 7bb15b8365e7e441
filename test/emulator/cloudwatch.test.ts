// CloudWatch metrics with the real SDK: GetMetricData and ListMetrics over what App Runner
// publishes (AWS/AppRunner, ServiceName + ServiceID), computed from real requests to the
// stand-in services, in JSON 1.0 (the SDK's default) and in Smithy RPC v2 CBOR (the SDK told to
// use it, as newer botocore does). The query protocol is tested with the AWS CLI in cli.test.ts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CreateAutoScalingConfigurationCommand, CreateServiceCommand, DescribeServiceCommand, PauseServiceCommand, type ServiceStatus } from '@aws-sdk/client-apprunner';
import {
  CloudWatchClient,
  GetMetricDataCommand,
  ListMetricsCommand,
  paginateGetMetricData,
  type GetMetricDataCommandInput,
  type MetricDataQuery,
  type MetricDataResult,
} from '@aws-sdk/client-cloudwatch';
import { AwsSmithyRpcV2CborProtocol } from '@aws-sdk/core/protocols';
import { LATENCY_SAMPLES, MetricStore, minuteOf, modelledUtilisation } from '../../emulator/src/cloudwatch/metricStore';
import { percentileOf } from '../../emulator/src/cloudwatch/stats';
import type { ServiceRecord } from '../../emulator/src/apprunner/records';
import { clientConfig, errorOf, serviceInput, useEmulator, waitFor } from '../support/emulatorHarness';

type Dimensions = { Name: string; Value: string }[];

function query(id: string, metric: string, stat: string, dimensions: Dimensions, period = 60): MetricDataQuery {
  return { Id: id, MetricStat: { Metric: { Namespace: 'AWS/AppRunner', MetricName: metric, Dimensions: dimensions }, Period: period, Stat: stat } };
}

function lastHour(queries: MetricDataQuery[], extra: Partial<GetMetricDataCommandInput> = {}): GetMetricDataCommandInput {
  return { StartTime: new Date(Date.now() - 3_600_000), EndTime: new Date(Date.now() + 60_000), MetricDataQueries: queries, ...extra };
}

function byId(results: MetricDataResult[] | undefined, id: string): MetricDataResult {
  const found = results?.find((result) => result.Id === id);
  assert.ok(found, `no result ${id} in ${JSON.stringify(results)}`);
  return found;
}

const total = (result: MetricDataResult): number => (result.Values ?? []).reduce((sum, value) => sum + value, 0);

void describe('CloudWatch metrics of the emulated services (SDK)', () => {
  const t = useEmulator();
  let cloudWatch: CloudWatchClient;
  let cbor: CloudWatchClient;
  let dimensions: Dimensions;

  before(async () => {
    cloudWatch = new CloudWatchClient(clientConfig(t.emulator));
    cbor = new CloudWatchClient({ ...clientConfig(t.emulator), protocol: AwsSmithyRpcV2CborProtocol, protocolSettings: cloudWatch.config.protocolSettings });
    const [seeded] = await t.emulator.control.seedServices({ services: [{ name: 'zenml-metrics-0badcafe', authKey: 'secret-key' }] });
    dimensions = [
      { Name: 'ServiceName', Value: seeded.name },
      { Name: 'ServiceID', Value: seeded.id },
    ];
    // Real traffic: 6 healthy answers, 2 unauthorised invocations, 1 not found.
    for (let i = 0; i < 6; i++) assert.equal((await fetch(`${seeded.localUrl}/health`)).status, 200);
    for (let i = 0; i < 2; i++) assert.equal((await fetch(`${seeded.localUrl}/invoke`, { method: 'POST', body: '{}' })).status, 401);
    assert.equal((await fetch(`${seeded.localUrl}/missing`)).status, 404);
  });
  after(() => {
    cloudWatch?.destroy();
    cbor?.destroy();
  });

  void it('counts every request with its status class, and measures its latency', async () => {
    const out = await cloudWatch.send(
      new GetMetricDataCommand(
        lastHour([
          query('requests', 'Requests', 'Sum', dimensions),
          query('ok', '2xxStatusResponses', 'Sum', dimensions),
          query('client', '4xxStatusResponses', 'Sum', dimensions),
          query('server', '5xxStatusResponses', 'Sum', dimensions),
          query('latency', 'RequestLatency', 'p99', dimensions),
          query('samples', 'RequestLatency', 'SampleCount', dimensions),
          query('instances', 'ActiveInstances', 'Maximum', dimensions),
          query('cpu', 'CPUUtilization', 'Average', dimensions),
          query('memory', 'MemoryUtilization', 'Average', dimensions),
          query('concurrency', 'Concurrency', 'Maximum', dimensions),
        ]),
      ),
    );
    const results = out.MetricDataResults;
    assert.equal(total(byId(results, 'requests')), 9);
    assert.equal(total(byId(results, 'ok')), 6);
    assert.equal(total(byId(results, 'client')), 3);
    assert.equal(total(byId(results, 'server')), 0);
    assert.equal(total(byId(results, 'samples')), 9);
    const latency = byId(results, 'latency');
    assert.ok(latency.Values!.length >= 1 && latency.Values!.every((value) => value > 0 && value < 5000), `latency ${JSON.stringify(latency.Values)}`);
    assert.ok(byId(results, 'instances').Values!.every((value) => value === 1), 'a seeded service runs one instance (DefaultConfiguration MinSize 1)');
    assert.ok(byId(results, 'cpu').Values!.every((value) => value >= 2 && value <= 100));
    assert.ok(byId(results, 'memory').Values!.every((value) => value >= 18 && value <= 100));
    assert.ok(byId(results, 'concurrency').Values!.some((value) => value >= 1));
    for (const result of results ?? []) {
      assert.equal(result.StatusCode, 'Complete');
      assert.equal(result.Label, result.Id === 'requests' ? 'Requests' : result.Label);
      const times = result.Timestamps!.map((time) => time.getTime());
      assert.deepEqual(times, [...times].sort((a, b) => b - a), 'newest first by default (TimestampDescending)');
      assert.ok(times.every((time) => time % 60_000 === 0), 'aligned to the period');
    }
  });

  void it('honours ScanBy, ReturnData, Label, Unit and the period', async () => {
    const ascending = await cloudWatch.send(
      new GetMetricDataCommand(
        lastHour(
          [
            { ...query('a', 'Requests', 'Sum', dimensions), Label: 'All requests' },
            { ...query('hidden', 'Requests', 'Sum', dimensions), ReturnData: false },
            { Id: 'wrongunit', MetricStat: { ...query('x', 'Requests', 'Sum', dimensions).MetricStat!, Unit: 'Seconds' } },
            query('hour', 'Requests', 'Sum', dimensions, 3600),
          ],
          { ScanBy: 'TimestampAscending' },
        ),
      ),
    );
    const results = ascending.MetricDataResults ?? [];
    assert.deepEqual(results.map((result) => result.Id), ['a', 'wrongunit', 'hour']);
    assert.equal(byId(results, 'a').Label, 'All requests');
    const times = byId(results, 'a').Timestamps!.map((time) => time.getTime());
    assert.deepEqual(times, [...times].sort((x, y) => x - y));
    assert.deepEqual(byId(results, 'wrongunit').Values, []);
    const hourly = byId(results, 'hour');
    assert.ok(hourly.Values!.length <= 2 && total(hourly) === 9, JSON.stringify(hourly));
  });

  void it('has no data for other dimensions, namespaces and metric names', async () => {
    const out = await cloudWatch.send(
      new GetMetricDataCommand(
        lastHour([
          query('other', 'Requests', 'Sum', [{ Name: 'ServiceName', Value: 'nope' }, dimensions[1]]),
          query('one', 'Requests', 'Sum', [dimensions[0]]),
          { Id: 'ns', MetricStat: { Metric: { Namespace: 'AWS/EC2', MetricName: 'CPUUtilization', Dimensions: dimensions }, Period: 60, Stat: 'Average' } },
          query('name', 'Bogus', 'Sum', dimensions),
        ]),
      ),
    );
    for (const result of out.MetricDataResults ?? []) assert.deepEqual(result.Values, [], result.Id);
  });

  void it('speaks Smithy RPC v2 CBOR with the same answers and errors', async () => {
    const input = lastHour([query('requests', 'Requests', 'Sum', dimensions)]);
    const [json, binary] = await Promise.all([cloudWatch.send(new GetMetricDataCommand(input)), cbor.send(new GetMetricDataCommand(input))]);
    assert.deepEqual(binary.MetricDataResults, json.MetricDataResults);
    const error = await errorOf(() => cbor.send(new GetMetricDataCommand({ ...input, StartTime: input.EndTime, EndTime: input.StartTime })));
    assert.equal(error.name, 'InvalidParameterValueException');
    assert.match(error.message, /StartTime must be less than/);
    const listed = await cbor.send(new ListMetricsCommand({ Namespace: 'AWS/AppRunner', MetricName: 'Requests', Dimensions: [{ Name: 'ServiceName', Value: dimensions[0].Value }] }));
    assert.equal(listed.Metrics?.length, 1);
  });

  void it('refuses what CloudWatch refuses, in its words', async () => {
    const base = lastHour([query('m', 'Requests', 'Sum', dimensions)]);
    const cases: [Partial<GetMetricDataCommandInput>, string, RegExp][] = [
      [{ MetricDataQueries: [] }, 'ValidationException', /at 'metricDataQueries' failed to satisfy constraint: Member must have length greater than or equal to 1/],
      [{ MetricDataQueries: Array.from({ length: 501 }, (_, i) => query(`m${i}`, 'Requests', 'Sum', dimensions)) }, 'ValidationException', /less than or equal to 500/],
      [{ StartTime: base.EndTime, EndTime: base.StartTime }, 'InvalidParameterValueException', /StartTime must be less than the parameter EndTime/],
      [{ MetricDataQueries: [query('Upper', 'Requests', 'Sum', dimensions)] }, 'InvalidParameterValueException', /Id is not valid/],
      [{ MetricDataQueries: [query('m', 'Requests', 'Sum', dimensions), query('m', 'Requests', 'Sum', dimensions)] }, 'InvalidParameterValueException', /ids must be unique/],
      [{ MetricDataQueries: [query('m', 'Requests', 'Sum', dimensions, 90)] }, 'InvalidParameterValueException', /Period must be a multiple of 60/],
      [{ MetricDataQueries: [query('m', 'Requests', 'Sum', dimensions, 0)] }, 'ValidationException', /Member must have value greater than or equal to 1/],
      [{ MetricDataQueries: [query('m', 'Requests', 'tm99', dimensions)] }, 'InvalidParameterValueException', /tm99 .* not supported/],
      [{ MetricDataQueries: [{ Id: 'e', Expression: 'SUM(METRICS())' }] }, 'InvalidParameterValueException', /expressions are not supported/],
      [{ MetricDataQueries: [{ Id: 'e' }] }, 'InvalidParameterCombinationException', /Exactly one of MetricStat and Expression/],
      [{ NextToken: 'bogus' }, 'InvalidNextToken', /Invalid NextToken/],
    ];
    for (const [override, name, message] of cases) {
      const error = await errorOf(() => cloudWatch.send(new GetMetricDataCommand({ ...base, ...override })));
      assert.equal(error.name, name, `${JSON.stringify(override).slice(0, 80)}: ${error.message}`);
      assert.match(error.message, message);
      assert.equal(error.$metadata?.httpStatusCode, 400);
    }
  });

  void it('pages by MaxDatapoints with NextToken, and the SDK paginator reads every page', async () => {
    const input = lastHour(
      ['Requests', '2xxStatusResponses', '4xxStatusResponses', 'ActiveInstances'].map((metric, index) => query(`q${index}`, metric, 'Sum', dimensions)),
      { MaxDatapoints: 1 },
    );
    const whole = await cloudWatch.send(new GetMetricDataCommand({ ...input, MaxDatapoints: undefined }));
    const expected = (whole.MetricDataResults ?? []).reduce((sum, result) => sum + result.Values!.length, 0);
    const first = await cloudWatch.send(new GetMetricDataCommand(input));
    assert.ok(first.NextToken, 'more pages');
    assert.equal((first.MetricDataResults ?? []).reduce((sum, result) => sum + result.Values!.length, 0), 1);
    let pages = 0;
    let points = 0;
    for await (const page of paginateGetMetricData({ client: cloudWatch }, input)) {
      pages++;
      points += (page.MetricDataResults ?? []).reduce((sum, result) => sum + result.Values!.length, 0);
    }
    assert.equal(points, expected);
    assert.equal(pages, expected);
  });

  void it('lists the metrics of each service, filtered by name and dimensions', async () => {
    const all = await cloudWatch.send(new ListMetricsCommand({ Namespace: 'AWS/AppRunner', Dimensions: [{ Name: 'ServiceName', Value: dimensions[0].Value }] }));
    assert.deepEqual(
      (all.Metrics ?? []).map((metric) => metric.MetricName).sort(),
      ['2xxStatusResponses', '4xxStatusResponses', '5xxStatusResponses', 'ActiveInstances', 'CPUUtilization', 'Concurrency', 'MemoryUtilization', 'RequestLatency', 'Requests'],
    );
    const named = await cloudWatch.send(new ListMetricsCommand({ MetricName: 'RequestLatency', RecentlyActive: 'PT3H' }));
    assert.ok((named.Metrics ?? []).every((metric) => metric.MetricName === 'RequestLatency' && metric.Dimensions?.length === 2));
    const none = await cloudWatch.send(new ListMetricsCommand({ Namespace: 'AWS/Lambda' }));
    assert.deepEqual(none.Metrics, []);
  });

  void it('follows a service from creation through pause: MinSize instances while running, 0 while paused', async () => {
    const scaling = await t.appRunner.send(new CreateAutoScalingConfigurationCommand({ AutoScalingConfigurationName: 'metrics-two', MinSize: 2, MaxSize: 4 }));
    const created = await t.appRunner.send(
      new CreateServiceCommand(serviceInput('zenml-scaled-1a2b3c4d', { AutoScalingConfigurationArn: scaling.AutoScalingConfiguration!.AutoScalingConfigurationArn })),
    );
    const service = created.Service!;
    const settle = (status: ServiceStatus) =>
      waitFor(async () => ((await t.appRunner.send(new DescribeServiceCommand({ ServiceArn: service.ServiceArn }))).Service?.Status === status ? true : undefined), status);
    await settle('RUNNING');
    const serviceDimensions = [
      { Name: 'ServiceName', Value: service.ServiceName! },
      { Name: 'ServiceID', Value: service.ServiceId! },
    ];
    const instances = async () =>
      byId((await cloudWatch.send(new GetMetricDataCommand(lastHour([query('i', 'ActiveInstances', 'Maximum', serviceDimensions)])))).MetricDataResults, 'i');
    assert.equal((await instances()).Values?.[0], 2);
    await t.appRunner.send(new PauseServiceCommand({ ServiceArn: service.ServiceArn }));
    await settle('PAUSED');
    const paused = await cloudWatch.send(
      new GetMetricDataCommand(
        lastHour([query('i', 'ActiveInstances', 'Minimum', serviceDimensions), query('c', 'CPUUtilization', 'Average', serviceDimensions)], { StartTime: new Date(Date.now() - 1000) }),
      ),
    );
    assert.equal(byId(paused.MetricDataResults, 'i').Values?.[0], 0, 'paused in this minute: its minimum is 0');
  });
});

void describe('the metric store (unit)', () => {
  const service = { region: 'us-east-1', name: 'svc', id: 'abc', status: 'RUNNING', serving: true, updatedAt: 0 } as unknown as ServiceRecord;

  void it('computes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    assert.equal(percentileOf(values, 50), 50);
    assert.equal(percentileOf(values, 99), 99);
    assert.equal(percentileOf(values, 100), 100);
    assert.equal(percentileOf([7], 90), 7);
  });

  void it('keeps at most LATENCY_SAMPLES latencies per minute but counts every request', () => {
    const store = new MetricStore();
    const now = minuteOf(Date.now());
    store.observe(service, { serving: true, minSize: 1, maxSize: 3, maxConcurrency: 100 }, now);
    for (let i = 0; i < LATENCY_SAMPLES + 50; i++) store.begin(service, now + 10)(i % 10 === 0 ? 503 : 200, i, now + 20);
    const view = store.find({ region: 'us-east-1', serviceName: 'svc', serviceId: 'abc' })!;
    const [latency] = view.minutes('RequestLatency', now, now + 60_000);
    assert.equal(latency.count, LATENCY_SAMPLES + 50);
    assert.equal(latency.samples.length, LATENCY_SAMPLES);
    const [errors] = view.minutes('5xxStatusResponses', now, now + 60_000);
    assert.equal(errors.sum, (LATENCY_SAMPLES + 50) / 10);
  });

  void it('models CPU and memory deterministically from the traffic', () => {
    assert.deepEqual(modelledUtilisation(undefined, 1), { cpu: 2, memory: 18 });
    const busy = { requests: 600, status2xx: 600, status4xx: 0, status5xx: 0, latencies: [], latencyCount: 600, latencySum: 30_000, latencyMin: 50, latencyMax: 50, peakConcurrency: 4 };
    assert.deepEqual(modelledUtilisation(busy, 1), { cpu: 62, memory: 30 });
    assert.deepEqual(modelledUtilisation(busy, 2), { cpu: 32, memory: 24 });
  });
});
