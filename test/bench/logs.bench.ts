// The log follower: events/s into a channel-like writer, end-to-end latency (write into the
// emulator -> line out) for our follower (Live Tail and polling), our CLI and `aws logs tail
// --follow` on the same log group in the same run, and heap over a follow at 1,000 events/s.
// Prints figures; asserts nothing.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { followLogs, formatLogLine, serviceLogGroups, type FollowOptions } from '../../common/src/logs';
import { ChannelSink } from '../../client/src/logs/channelSink';
import { ControlClient } from '../../emulator/src/controlClient';
import { startEmulator } from '../../emulator/src/server';
import { findAwsCliV2 } from '../support/awsCli';
import { childEnv, REPO_ROOT, spawnEmulator, type EmulatorProcess } from '../support/emulatorProcess';
import { fixed, median, ms, percentile, table } from './support/stats';

const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };
const REGION = 'us-east-1';
const THROUGHPUT_EVENTS = 100_000;
const LATENCY_EVENTS = 30;
const LATENCY_GAP_MS = 300;
const MEMORY_SECONDS = Number(process.env.LOGS_BENCH_MEMORY_SECONDS ?? 20);

function logsClient(endpoint: string): CloudWatchLogsClient {
  return new CloudWatchLogsClient({ endpoint, region: REGION, credentials: CREDENTIALS, disableHostPrefix: true });
}

async function seedDeployment(control: ControlClient): Promise<{ groups: ReturnType<typeof serviceLogGroups> }> {
  const [service] = await control.seedServices({ services: [{ name: 'zenml-bench-logs-00c0ffee', tags: { 'managed-by': 'zenml', 'zenml-deployment-name': 'bench-logs' } }] });
  return { groups: serviceLogGroups(service.name, service.id) };
}

/** Runs the follower until `signal` aborts; `onLine` sees each formatted line (what a channel writer gets). */
function follower(endpoint: string, groups: FollowOptions['groups'], options: Partial<FollowOptions>, onLines: (lines: string[]) => void): { stop: () => Promise<void> } {
  const client = logsClient(endpoint);
  const abort = new AbortController();
  const done = followLogs({ client, groups, startTime: Date.now(), signal: abort.signal, sink: { lines: (lines) => onLines(lines.map(formatLogLine)), state() {} }, ...options });
  return {
    stop: async () => {
      abort.abort();
      await done;
      client.destroy();
    },
  };
}

export async function runLogsThroughputBench(): Promise<void> {
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  const emulator = await startEmulator({ port: 0, provisioningMs: 0, appLogIntervalMs: 0 });
  try {
    const { groups } = await seedDeployment(emulator.control);
    const start = Date.now() - THROUGHPUT_EVENTS;
    for (const [i, stream] of ['instance/a', 'instance/b'].entries()) {
      await emulator.control.appendLogs({ logGroupName: groups[1].name, logStreamName: stream, count: THROUGHPUT_EVENTS / 2, template: `INFO:     10.0.0.${i}:40000 - "POST /invoke HTTP/1.1" 200 OK request {n}`, startTime: start + i, stepMs: 2 });
    }
    const runs: number[] = [];
    let formatted = 0;
    for (let run = 0; run < 3; run++) {
      let count = 0;
      let bytes = 0;
      const client = logsClient(emulator.url);
      const t0 = performance.now();
      // The VS Code channel's own adapter, writing into a stand-in for the LogOutputChannel.
      const write = (message: string): void => {
        bytes += message.length;
        count++;
      };
      const sink = new ChannelSink({ info: write, warn: () => undefined, error: () => undefined });
      await followLogs({ client, groups, startTime: start, follow: false, signal: new AbortController().signal, sink });
      runs.push(count / ((performance.now() - t0) / 1000));
      client.destroy();
      if (count < THROUGHPUT_EVENTS) throw new Error(`read ${count} of ${THROUGHPUT_EVENTS} events`);
      formatted = bytes;
    }
    console.log(`${THROUGHPUT_EVENTS.toLocaleString('en')} events (2 streams, in-process emulator, real SDK client) into the output channel's sink (client/src/logs/channelSink.ts): median ${Math.round(median(runs)).toLocaleString('en')} events/s over 3 runs (target >= 20,000; ${(formatted / 1e6).toFixed(1)} MB of text per run)`);
  } finally {
    await emulator.stop();
  }
}

interface LatencyRow {
  name: string;
  samples: number[];
  note?: string;
}

/** Reads lines `lat <sentAt>` from a child's stdout into latency samples. */
function childLatency(command: string, args: string[], env: NodeJS.ProcessEnv, samples: number[]): { stop: () => Promise<void>; stderr: () => string } {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: child.stdout }).on('line', (line) => {
    const sent = /lat (\d+(?:\.\d+)?)/.exec(line)?.[1];
    if (sent !== undefined) samples.push(performance.timeOrigin + performance.now() - Number(sent));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    stderr: () => stderr,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export async function runLogsLatencyBench(): Promise<void> {
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  // A separate process with AWS's own Live Tail cadence (one update per second).
  const emulator: EmulatorProcess = await spawnEmulator(['--provisioning-ms', '0', '--app-log-interval-ms', '0']);
  const stops: (() => Promise<void>)[] = [];
  try {
    const control = new ControlClient(emulator.url);
    const { groups } = await seedDeployment(control);
    await control.appendLogs({ logGroupName: groups[1].name, logStreamName: 'instance/bench', messages: ['warm-up'] });
    const rows: LatencyRow[] = [
      { name: 'follower, Live Tail (channel writer)', samples: [] },
      { name: 'follower, polling (channel writer)', samples: [] },
      { name: 'our CLI: logs NAME --follow', samples: [] },
      { name: 'aws logs tail --follow (AWS CLI v2)', samples: [] },
    ];
    const onLines = (samples: number[]) => (lines: string[]) => {
      for (const line of lines) {
        const sent = /lat (\d+(?:\.\d+)?)/.exec(line)?.[1];
        if (sent !== undefined) samples.push(performance.timeOrigin + performance.now() - Number(sent));
      }
    };
    stops.push(follower(emulator.url, groups, {}, onLines(rows[0].samples)).stop);
    stops.push(follower(emulator.url, groups, { liveTail: false }, onLines(rows[1].samples)).stop);
    const env = childEnv({ AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: REGION, AWS_DEFAULT_REGION: REGION, AWS_PAGER: '' });
    const cli = childLatency(process.execPath, [join(REPO_ROOT, 'dist', 'cli.js'), 'logs', 'bench-logs', '--follow', '--since', '1s', '--endpoint', emulator.url], env, rows[2].samples);
    stops.push(cli.stop);
    let aws: string | undefined;
    try {
      aws = await findAwsCliV2();
    } catch (error) {
      rows[3].note = `skipped: ${(error as Error).message}`;
    }
    if (aws !== undefined) {
      const awsEnv = { ...env, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' };
      stops.push(childLatency(aws, ['--endpoint-url', emulator.url, 'logs', 'tail', groups[1].name, '--follow', '--since', '1s', '--format', 'short'], awsEnv, rows[3].samples).stop);
    }
    // Let every reader reach its steady state (Live Tail open, first polls done).
    await new Promise((resolve) => setTimeout(resolve, 6000));
    for (let i = 0; i < LATENCY_EVENTS; i++) {
      await control.appendLogs({ logGroupName: groups[1].name, logStreamName: 'instance/bench', messages: [`INFO lat ${(performance.timeOrigin + performance.now()).toFixed(1)}`] });
      await new Promise((resolve) => setTimeout(resolve, LATENCY_GAP_MS));
    }
    await new Promise((resolve) => setTimeout(resolve, 7000)); // the AWS CLI polls every 5 s
    const awsMedian = median(rows[3].samples);
    console.log(`${LATENCY_EVENTS} events, ${LATENCY_GAP_MS} ms apart, into one application stream of the emulator (child process, Live Tail updates once a second as on AWS):`);
    console.log(
      table(
        ['reader', 'lines', 'median', 'p95', 'vs AWS CLI'],
        rows.map((row) => [row.name, `${row.samples.length}/${LATENCY_EVENTS}`, ms(median(row.samples)), ms(percentile(row.samples, 95)), row.note ?? fixed(median(row.samples) / awsMedian)]),
      ),
    );
    console.log('targets: median under 1 s and at most half the AWS CLI\'s');
    if (cli.stderr().includes('internal error')) console.log(`our CLI failed: ${cli.stderr()}`);
  } finally {
    for (const stop of stops) await stop();
    await emulator.stop();
  }
}

export async function runLogsMemoryBench(): Promise<void> {
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const heapMb = (): number => {
    gc();
    return process.memoryUsage().heapUsed / 1024 / 1024;
  };
  const emulator = await spawnEmulator(['--provisioning-ms', '0', '--app-log-interval-ms', '0']);
  try {
    const control = new ControlClient(emulator.url);
    const { groups } = await seedDeployment(control);
    let received = 0;
    const reader = follower(emulator.url, groups, {}, (lines) => (received += lines.length));
    const { generatorId } = await control.appendLogs({ logGroupName: groups[1].name, logStreamName: 'instance/load', template: 'INFO:     10.0.0.1:40000 - "POST /invoke HTTP/1.1" 200 OK request {n}', ratePerSecond: 1000 });
    const samples: string[] = [];
    const step = Math.max(5, Math.round(MEMORY_SECONDS / 6));
    for (let elapsed = 0; elapsed <= MEMORY_SECONDS; elapsed += step) {
      if (elapsed > 0) await new Promise((resolve) => setTimeout(resolve, step * 1000));
      samples.push(`${elapsed}s: ${heapMb().toFixed(1)} MB heap, ${received.toLocaleString('en')} lines`);
    }
    if (generatorId) await control.stopLogGenerator(generatorId);
    await reader.stop();
    console.log(`heap of this process (follower only; the emulator runs apart) while following 1,000 events/s for ${MEMORY_SECONDS} s:`);
    for (const sample of samples) console.log(`  ${sample}`);
    console.log('10 minutes: LOGS_BENCH_MEMORY_SECONDS=600 npm run bench (or, after a build: LOGS_BENCH_MEMORY_SECONDS=600 node -e "require(\'./out/test/bench/logs.bench.js\').runLogsMemoryBench()")');
  } finally {
    await emulator.stop();
  }
}
