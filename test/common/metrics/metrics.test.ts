// common/src/metrics: the query (one GetMetricData for every series), the period choice, the
// parsed series, the `metrics --json` shape, the summary and the one-line health summary; then
// the same against the emulator with the real client factory, counting calls.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAwsClients, type AwsServiceName } from '../../../common/src/aws/clientFactory';
import type { MetricResult } from '../../../common/src/aws/cloudWatch';
import { AwsCallError } from '../../../common/src/aws/errors';
import {
  buildMetricQuery,
  choosePeriod,
  formatSummary,
  healthSummaryLine,
  loadHealthCounts,
  loadServiceMetrics,
  metricsJson,
  parseDuration,
  parseMetricResults,
  periodProblem,
  rangeEndingNow,
  RANGE_PRESETS,
  SERIES,
  summarize,
  weightedPercentile,
} from '../../../common/src/metrics';
import { TEST_CREDENTIALS, useEmulator } from '../../support/emulatorHarness';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 11, 1, 10, 0, 0);

function result(id: string, points: [number, number][], status = 'Complete'): MetricResult {
  return { id, label: id, timestamps: points.map(([time]) => time), values: points.map(([, value]) => value), status };
}

void describe('metrics: query, period, parsing and summary (pure)', () => {
  void it('asks for every series of one service in one GetMetricData input', () => {
    const input = buildMetricQuery({ serviceName: 'zenml-a-12345678', serviceId: 'f'.repeat(32) }, { start: T0, end: T0 + HOUR }, 60);
    assert.equal(input.MetricDataQueries?.length, SERIES.length);
    assert.deepEqual(input.StartTime, new Date(T0));
    assert.equal(input.ScanBy, 'TimestampAscending');
    const ids = input.MetricDataQueries.map((query) => query.Id);
    assert.equal(new Set(ids).size, ids.length);
    for (const query of input.MetricDataQueries) {
      assert.match(query.Id!, /^[a-z][a-zA-Z0-9_]*$/, 'CloudWatch ids start with a lowercase letter');
      assert.equal(query.MetricStat?.Metric?.Namespace, 'AWS/AppRunner');
      assert.deepEqual(query.MetricStat?.Metric?.Dimensions, [
        { Name: 'ServiceName', Value: 'zenml-a-12345678' },
        { Name: 'ServiceID', Value: 'f'.repeat(32) },
      ]);
      assert.equal(query.MetricStat?.Period, 60);
    }
    assert.deepEqual(
      input.MetricDataQueries.filter((query) => query.MetricStat?.Metric?.MetricName === 'RequestLatency').map((query) => query.MetricStat?.Stat),
      ['p50', 'p90', 'p99', 'SampleCount'],
    );
  });

  void it('chooses a period that keeps every range under 1,440 points per series and the whole refresh in one page', () => {
    const now = T0;
    const periods = RANGE_PRESETS.map((preset) => choosePeriod(rangeEndingNow(parseDuration(preset.id)!, now), now));
    assert.deepEqual(periods, [60, 60, 60, 60, 900]);
    for (const preset of RANGE_PRESETS) {
      const range = rangeEndingNow(parseDuration(preset.id)!, now);
      const points = ((range.end - range.start) / (choosePeriod(range, now) * 1000)) * SERIES.length;
      assert.ok(points <= 100_800, `${preset.id}: ${points} points`);
    }
    assert.equal(choosePeriod({ start: now - 30 * 86_400_000, end: now - 29 * 86_400_000 }, now), 300, '1-minute data is gone after 15 days');
    assert.equal(periodProblem(60, { start: T0, end: T0 + HOUR }), undefined);
    assert.match(periodProblem(90, { start: T0, end: T0 + HOUR }) ?? '', /whole number of minutes/);
    assert.equal(parseDuration('3h'), 3 * HOUR);
    assert.equal(parseDuration('0h'), undefined);
    assert.equal(parseDuration('3x'), undefined);
    const range = rangeEndingNow(HOUR, T0 + 1500);
    assert.deepEqual(range, { start: T0 + 60_000 - HOUR, end: T0 + 60_000 }, 'the current minute is in the range');
  });

  void it('parses results oldest first, into the JSON contract and the summary', () => {
    const at = (minute: number) => T0 + minute * 60_000;
    const results = new Map<string, MetricResult>([
      ['requests', result('requests', [[at(1), 30], [at(0), 10]])],
      ['status2xx', result('status2xx', [[at(0), 9], [at(1), 27]])],
      ['status4xx', result('status4xx', [[at(0), 1], [at(1), 1]])],
      ['status5xx', result('status5xx', [[at(0), 0], [at(1), 2]])],
      ['latencyP50', result('latencyP50', [[at(0), 10], [at(1), 20]])],
      ['latencyP90', result('latencyP90', [[at(0), 30], [at(1), 40]])],
      ['latencyP99', result('latencyP99', [[at(0), 100], [at(1), 200]])],
      ['latencyCount', result('latencyCount', [[at(0), 10], [at(1), 30]])],
      ['instances', result('instances', [[at(0), 1], [at(1), 2]])],
      ['concurrency', result('concurrency', [[at(0), 1], [at(1), 3]])],
      ['cpu', result('cpu', [[at(0), 10], [at(1), 30]], 'PartialData')],
    ]);
    const parsed = parseMetricResults(results);
    assert.deepEqual(parsed.series.requests, [[at(0), 10], [at(1), 30]]);
    assert.deepEqual(parsed.series.memory, []);
    assert.deepEqual(parsed.incomplete, ['cpu']);
    const json = metricsJson(parsed);
    assert.deepEqual(json.Requests, { unit: 'Count', sum: 40, points: [[new Date(at(0)).toISOString(), 10], [new Date(at(1)).toISOString(), 30]] });
    assert.deepEqual(Object.keys(json.RequestLatency), ['unit', 'p50', 'p90', 'p99', 'points']);
    assert.equal(json.RequestLatency.p50, 17.5, 'weighted by each period\'s requests: (10*10 + 20*30) / 40');
    assert.equal(json.RequestLatency.p99, 175);
    assert.deepEqual(json.RequestLatency.points.map(([, value]) => value), [100, 200], 'RequestLatency points are each period\'s p99');
    assert.equal(json.ActiveInstances.sum, undefined);
    assert.deepEqual(json.MemoryUtilization, { unit: 'Percent', points: [] });
    const summary = summarize(parsed);
    assert.equal(summary.requests, 40);
    assert.equal(summary.errors5xx, 2);
    assert.equal(summary.errors4xx, 2);
    assert.equal(summary.errorRate, 0.05);
    assert.equal(summary.instances, 2, 'the latest value');
    assert.deepEqual(summary.cpu, { average: 20, max: 30 });
    assert.equal(summary.memory, undefined);
    assert.deepEqual(formatSummary(summary), [
      '  requests     40',
      '  errors       5.0 % (2 5xx; 2 4xx not counted)',
      '  latency      p50 18 ms, p90 38 ms, p99 175 ms',
      '  instances    2',
      '  cpu          20.0 % average, 30.0 % peak',
      '  memory       -',
    ]);
    assert.equal(weightedPercentile([[at(0), 5]], []), undefined);
  });

  void it('sums up the last hour in one line', () => {
    assert.equal(healthSummaryLine({ requests: 0, errors5xx: 0 }), 'Last hour: no requests');
    assert.equal(healthSummaryLine({ requests: 1, errors5xx: 0 }), 'Last hour: 1 request, 0 % errors (5xx)');
    assert.equal(healthSummaryLine({ requests: 1234, errors5xx: 5 }), 'Last hour: 1,234 requests, 0.4 % errors (5xx)');
    assert.equal(healthSummaryLine({ requests: 10_000, errors5xx: 3 }), 'Last hour: 10,000 requests, 0.03 % errors (5xx)');
    assert.equal(healthSummaryLine({ requests: 20, errors5xx: 5 }, 'Last 3 h'), 'Last 3 h: 20 requests, 25 % errors (5xx)');
  });
});

void describe('metrics against the emulator, with the client factory', () => {
  const t = useEmulator();

  void it('one refresh is one GetMetricData call, computed from the real requests', async () => {
    const calls: string[] = [];
    const clients = createAwsClients({ region: 'us-east-1', endpoint: t.emulator.url }, { credentials: TEST_CREDENTIALS, onCall: (service: AwsServiceName, operation) => calls.push(`${service}:${operation}`) });
    try {
      const [seeded] = await t.emulator.control.seedServices({ services: [{ name: 'zenml-counted-abcdef12' }] });
      for (let i = 0; i < 3; i++) await fetch(`${seeded.localUrl}/health`);
      await fetch(`${seeded.localUrl}/missing`);
      const service = { serviceName: seeded.name, serviceId: seeded.id };
      const loaded = await loadServiceMetrics(clients, service, rangeEndingNow(3 * HOUR));
      assert.deepEqual(calls, ['monitoring:GetMetricData']);
      const summary = summarize(loaded);
      assert.equal(summary.requests, 4);
      assert.equal(summary.errors4xx, 1);
      assert.equal(summary.errorRate, 0);
      assert.equal(summary.instances, 1);
      assert.ok((summary.latency.p99 ?? 0) > 0);
      assert.deepEqual(await loadHealthCounts(clients, service), { requests: 4, errors5xx: 0 });
      assert.equal(calls.length, 2);
    } finally {
      clients.destroy();
    }
  });

  void it('a refused call names the IAM action to grant, cloudwatch:GetMetricData', async () => {
    const clients = createAwsClients({ region: 'us-east-1', endpoint: t.emulator.url }, { credentials: TEST_CREDENTIALS, maxAttempts: 1 });
    await t.emulator.control.addFault({ operation: 'GetMetricData', kind: 'deny', count: 1 });
    try {
      const error = await loadServiceMetrics(clients, { serviceName: 'zenml-x-12345678', serviceId: 'a'.repeat(32) }, rangeEndingNow(HOUR)).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      assert.ok(error instanceof AwsCallError, String(error));
      assert.equal(error.kind, 'access-denied');
      assert.equal(error.action, 'cloudwatch:GetMetricData');
      assert.match(error.message, /is not authorized to perform: cloudwatch:GetMetricData .*Grant the identity the IAM permission `cloudwatch:GetMetricData`/);
    } finally {
      clients.destroy();
    }
  });
});
