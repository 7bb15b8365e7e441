// The emulator must never be the bottleneck of a benchmark: ListServices over 1,000 services (full
// pagination, 20 per page) and GetLogEvents of a 10,000-event page, through the real SDK clients
// against the emulator in this process. Prints medians; asserts nothing.
import { performance } from 'node:perf_hooks';
import { AppRunnerClient, paginateListServices } from '@aws-sdk/client-apprunner';
import { CloudWatchLogsClient, FilterLogEventsCommand, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { startEmulator } from '../../emulator/src/server';
import { median, ms, percentile, table } from './support/stats';

const SERVICES = 1000;
const EVENTS = 10_000;
const WARMUP = 3;
const RUNS = 20;

interface Samples {
  /** Wall time of each run as the client saw it. */
  wall: number[];
  /** The emulator's own time per run (sum of its Server-Timing over the run's requests). */
  server: number[];
}

/** Sums the `Server-Timing: emulator;dur=` of every response a client receives. */
class ServerTime {
  total = 0;

  attach(client: AppRunnerClient | CloudWatchLogsClient): void {
    // Every v3 client has the same middleware stack type; TypeScript cannot call through the union.
    (client as AppRunnerClient).middlewareStack.add(
      (next) => async (args) => {
        const result = await next(args);
        const header = (result.response as { headers?: Record<string, string> }).headers?.['server-timing'] ?? '';
        this.total += Number(/emulator;dur=([\d.]+)/.exec(header)?.[1] ?? 0);
        return result;
      },
      { step: 'deserialize', name: 'emulatorServerTime' },
    );
  }
}

async function sample(serverTime: ServerTime, run: () => Promise<void>): Promise<Samples> {
  for (let i = 0; i < WARMUP; i++) await run();
  const samples: Samples = { wall: [], server: [] };
  for (let i = 0; i < RUNS; i++) {
    serverTime.total = 0;
    const start = performance.now();
    await run();
    samples.wall.push(performance.now() - start);
    samples.server.push(serverTime.total);
  }
  return samples;
}

export async function runEmulatorBench(): Promise<void> {
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  const emulator = await startEmulator({ port: 0, provisioningMs: 0, appLogIntervalMs: 0 });
  const config = { endpoint: emulator.url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
  const appRunner = new AppRunnerClient(config);
  const logs = new CloudWatchLogsClient({ ...config, disableHostPrefix: true });
  const serverTime = new ServerTime();
  serverTime.attach(appRunner);
  serverTime.attach(logs);
  try {
    const seedStart = performance.now();
    await emulator.control.seedServices({ count: SERVICES, namePrefix: 'bench-service-' });
    const group = '/aws/apprunner/bench/0123456789abcdef0123456789abcdef/application';
    await emulator.control.appendLogs({
      logGroupName: group,
      logStreamName: 'instance/bench',
      count: EVENTS,
      template: 'INFO:     10.0.0.1:40000 - "POST /invoke HTTP/1.1" 200 OK request {n}',
      startTime: Date.now() - EVENTS,
      stepMs: 1,
    });
    console.log(`seeded ${SERVICES} services and a ${EVENTS}-event stream in ${ms(performance.now() - seedStart)}`);

    let pages = 0;
    let listed = 0;
    const listSamples = await sample(serverTime, async () => {
      pages = 0;
      listed = 0;
      for await (const page of paginateListServices({ client: appRunner, pageSize: 20 }, {})) {
        pages++;
        listed += page.ServiceSummaryList?.length ?? 0;
      }
    });
    if (listed !== SERVICES) throw new Error(`ListServices returned ${listed} services, expected ${SERVICES}`);

    let got = 0;
    const getSamples = await sample(serverTime, async () => {
      const page = await logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: 'instance/bench', startFromHead: true, limit: EVENTS }));
      got = page.events?.length ?? 0;
    });
    if (got !== EVENTS) throw new Error(`GetLogEvents returned ${got} events, expected ${EVENTS}`);

    let filtered = 0;
    const filterSamples = await sample(serverTime, async () => {
      const page = await logs.send(new FilterLogEventsCommand({ logGroupName: group, filterPattern: 'POST', limit: EVENTS }));
      filtered = page.events?.length ?? 0;
    });
    if (filtered !== EVENTS) throw new Error(`FilterLogEvents returned ${filtered} events, expected ${EVENTS}`);

    const row = (name: string, samples: Samples, per: string, divide = 1): string[] => [
      name,
      ms(median(samples.wall) / divide),
      ms(percentile(samples.wall, 90) / divide),
      ms(median(samples.server) / divide),
      per,
    ];
    console.log(
      table(
        ['operation (real SDK client, loopback)', 'median', 'p90', 'emulator median', 'work per run'],
        [
          row('ListServices, full pagination', listSamples, `${pages} pages, ${SERVICES} services`),
          row('ListServices, per page', listSamples, '20 services', pages),
          row('GetLogEvents, one page', getSamples, `${EVENTS} events`),
          row('FilterLogEvents, one page', filterSamples, `${EVENTS} events`),
        ],
      ),
    );
    console.log('"emulator" is the server side of each call (Server-Timing); the rest is the SDK, signing and loopback HTTP.');
  } finally {
    appRunner.destroy();
    logs.destroy();
    await emulator.stop();
  }
}

// `npm test` runs every compiled file under out/test/ (this one included): do nothing there.
if (require.main === module && process.env.NODE_TEST_CONTEXT === undefined) {
  runEmulatorBench().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
