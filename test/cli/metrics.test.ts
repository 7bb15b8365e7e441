// `metrics NAME` and `status`'s health line, as users run them against the bundled emulator: real
// requests to the seeded service's URL become the numbers the CLI prints.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ControlClient } from '../../emulator/src/controlClient';
import { spawnEmulator, type EmulatorProcess } from '../support/emulatorProcess';
import { runCli } from './support/runCli';

const tags = (name: string, id: string) => ({ 'managed-by': 'zenml', 'zenml-deployment-name': name, 'zenml-deployment-id': id });

interface MetricsJson {
  deployment: string;
  service: string;
  region: string;
  since: string;
  period: number;
  metrics: Record<string, { unit: string; sum?: number; p50?: number; p90?: number; p99?: number; points: [string, number][] }>;
}

void describe('cli: metrics and the status health line', () => {
  let emulator: EmulatorProcess;
  const aws = () => ['--endpoint', emulator.url, '--region', 'us-east-1'];

  before(async () => {
    emulator = await spawnEmulator(['--provisioning-ms', '0', '--app-log-interval-ms', '0']);
    const control = new ControlClient(emulator.url);
    const [busy] = await control.seedServices({
      services: [
        { name: 'zenml-scoring-5e1f2a3b', tags: tags('scoring', '5e1f2a3b-0000-4000-8000-000000000000'), authKey: 'k' },
        { name: 'zenml-sleepy-9c8d7e6f', status: 'PAUSED', tags: tags('sleepy', '9c8d7e6f-0000-4000-8000-000000000000') },
        { name: 'zenml-quiet-1a1a1a1a', tags: tags('quiet', '1a1a1a1a-0000-4000-8000-000000000000') },
        { name: 'zenml-weather-agent-77aa88bb', tags: tags('weather-agent', '77aa88bb-0000-4000-8000-000000000000') },
      ],
    });
    // Real traffic: 8 answered, 2 refused for a missing key (4xx); nothing failed (5xx).
    for (let i = 0; i < 8; i++) assert.equal((await fetch(`${busy.localUrl}/health`)).status, 200);
    for (let i = 0; i < 2; i++) assert.equal((await fetch(`${busy.localUrl}/invoke`, { method: 'POST', body: '{}' })).status, 401);
  });
  after(async () => {
    if (emulator) await emulator.stop();
  });

  void it('--json prints the contract with App Runner metric names, sums and latency percentiles', async () => {
    const run = await runCli(['metrics', 'scoring', '--json', '--since', '1h', ...aws()]);
    assert.equal(run.code, 0, run.stderr);
    const document = JSON.parse(run.stdout) as MetricsJson;
    assert.equal(document.deployment, 'scoring');
    assert.equal(document.service, 'zenml-scoring-5e1f2a3b');
    assert.equal(document.region, 'us-east-1');
    assert.equal(document.period, 60);
    assert.ok(Math.abs(Date.parse(document.since) - (Date.now() - 3_600_000)) < 120_000, document.since);
    assert.deepEqual(Object.keys(document.metrics), [
      'Requests', '2xxStatusResponses', '4xxStatusResponses', '5xxStatusResponses', 'RequestLatency', 'ActiveInstances', 'Concurrency', 'CPUUtilization', 'MemoryUtilization',
    ]);
    const { Requests, RequestLatency, ActiveInstances, CPUUtilization } = document.metrics;
    assert.equal(Requests.unit, 'Count');
    assert.equal(Requests.sum, 10);
    assert.equal(document.metrics['2xxStatusResponses'].sum, 8);
    assert.equal(document.metrics['4xxStatusResponses'].sum, 2);
    assert.equal(document.metrics['5xxStatusResponses'].sum, 0);
    assert.equal(RequestLatency.unit, 'Milliseconds');
    for (const key of ['p50', 'p90', 'p99'] as const) assert.ok((RequestLatency[key] ?? -1) > 0, `${key}: ${RequestLatency[key]}`);
    assert.ok(RequestLatency.p50! <= RequestLatency.p99!);
    assert.equal(ActiveInstances.sum, undefined);
    assert.ok(ActiveInstances.points.every(([, value]) => value === 1));
    assert.equal(CPUUtilization.unit, 'Percent');
    for (const metric of Object.values(document.metrics)) {
      const times = metric.points.map(([time]) => Date.parse(time));
      assert.deepEqual(times, [...times].sort((a, b) => a - b), 'points oldest first');
      assert.ok(metric.points.every(([time]) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z$/.test(time)));
    }
  });

  void it('prints a readable summary, and says why a service has no requests', async () => {
    const busy = await runCli(['metrics', 'scoring', ...aws()]);
    assert.equal(busy.code, 0, busy.stderr);
    assert.match(busy.stdout, /^scoring: zenml-scoring-5e1f2a3b in us-east-1, RUNNING\n {2}last 3h, 60 s per point/);
    assert.match(busy.stdout, /\n {2}requests {5}10\n/);
    assert.match(busy.stdout, /\n {2}errors {7}0 % \(0 5xx; 2 4xx not counted\)\n/);
    assert.match(busy.stdout, /\n {2}latency {6}p50 [\d.]+ m?s, p90 [\d.]+ m?s, p99 [\d.]+ m?s\n/);
    assert.match(busy.stdout, /\n {2}instances {4}1\n/);
    assert.match(busy.stdout, /\n {2}cpu {10}[\d.]+ % average, [\d.]+ % peak\n/);
    const paused = await runCli(['metrics', 'sleepy', '--since', '1d', ...aws()]);
    assert.equal(paused.code, 0, paused.stderr);
    assert.match(paused.stdout, /PAUSED\n {2}last 1d, 60 s per point/);
    assert.match(paused.stdout, /The service is paused: it serves no requests/);
    const quiet = await runCli(['metrics', 'quiet', '--since', '1w', ...aws()]);
    assert.match(quiet.stdout, /last 1w, 900 s per point/);
    assert.match(quiet.stdout, /No requests in the last 1w\./);
  });

  void it('status shows the last hour in one line (and in --json)', async () => {
    const text = await runCli(['status', 'scoring', ...aws()]);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /\n {2}health {5}Last hour: 10 requests, 0 % errors \(5xx\)\n/);
    const json = JSON.parse((await runCli(['status', 'quiet', '--json', ...aws()])).stdout) as { health: { requests: number; errors5xx: number; summary: string } };
    assert.deepEqual(json.health, { requests: 0, errors5xx: 0, summary: 'Last hour: no requests' });
  });

  void it('refuses bad ranges and periods (exit 2) and unknown deployments (exit 1)', async () => {
    for (const args of [['metrics'], ['metrics', 'scoring', '--since', 'yesterday'], ['metrics', 'scoring', '--period', '90'], ['metrics', 'scoring', '--period', '0']]) {
      const run = await runCli([...args, ...aws()]);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
    }
    const missing = await runCli(['metrics', 'nobody', ...aws()]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no deployment named 'nobody' in region us-east-1/);
    // A deployer FILE stands for its deployment (name and region from the file).
    const byFile = await runCli(['metrics', 'weather-agent.zenml.deployer.yaml', '--endpoint', emulator.url]);
    assert.equal(byFile.code, 0, byFile.stderr);
    assert.match(byFile.stdout, /^weather-agent: zenml-weather-agent-77aa88bb in us-east-1, RUNNING\n/);
    const custom = await runCli(['metrics', 'scoring', '--period', '300', '--json', ...aws()]);
    assert.equal((JSON.parse(custom.stdout) as MetricsJson).period, 300);
  });
});
