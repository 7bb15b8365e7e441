// The Deployments view's top level over 1,000 services in one region: time and AWS calls of our
// listing (ListServices pages, the tags of ZenML-named services on the first listing for their
// deployment names, ListOperations for the busy ones), beside the bare SDK paginator
// (the floor) and the AWS CLI's `apprunner list-services` (what a terminal user runs), all against
// the same in-process emulator. Prints medians; asserts nothing.
import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { AppRunnerClient, paginateListServices, PauseServiceCommand } from '@aws-sdk/client-apprunner';
import { createAwsClients } from '../../common/src/aws/clientFactory';
import { loadRegion, type DeploymentNames } from '../../client/src/explorer/deploymentsModel';
import { startEmulator } from '../../emulator/src/server';
import { median, ms, table } from './support/stats';

const SERVICES = 1000;
const BUSY = 10;
const RUNS = 10;
const run = promisify(execFile);

async function timed(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

/** `560 (50 ListServices + 500 ListTagsForResource + 10 ListOperations)`. */
function breakdown(calls: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const call of calls) counts.set(call.split(':')[1], (counts.get(call.split(':')[1]) ?? 0) + 1);
  return `${String(calls.length)} (${[...counts].map(([operation, count]) => `${String(count)} ${operation}`).join(' + ')})`;
}

export async function runExplorerListingBench(): Promise<void> {
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  // Operations stay in progress for the whole bench, so the busy services keep costing their call.
  const emulator = await startEmulator({ port: 0, provisioningMs: 600_000, appLogIntervalMs: 0 });
  const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
  const calls: string[] = [];
  const clients = createAwsClients({ region: 'us-east-1', endpoint: emulator.url }, { credentials, onCall: (service, operation) => calls.push(`${service}:${operation}`) });
  const sdk = new AppRunnerClient({ endpoint: emulator.url, region: 'us-east-1', credentials });
  try {
    const seeded = [
      ...(await emulator.control.seedServices({ count: SERVICES / 2, namePrefix: 'other-service-' })),
      ...(await emulator.control.seedServices({ services: Array.from({ length: SERVICES / 2 }, (_, i) => ({ name: `zenml-pipeline-${i}-${(0x10000000 + i).toString(16)}` })) })),
    ];
    for (const service of seeded.slice(-BUSY)) await sdk.send(new PauseServiceCommand({ ServiceArn: service.arn }));

    // Cold: the first listing reads the tags of each ZenML-named service for its deployment name.
    // Warm: every later reload (polling, Refresh) keeps those names and reads no tags again.
    const ours = await timed(RUNS, () => loadRegion(clients, 'all'));
    calls.length = 0;
    const names: DeploymentNames = new Map();
    const listing = await loadRegion(clients, 'all', names);
    const coldCalls = breakdown(calls);
    const warm = await timed(RUNS, () => loadRegion(clients, 'all', names));
    calls.length = 0;
    await loadRegion(clients, 'all', names);
    const warmCalls = breakdown(calls);
    const shown = 'services' in listing ? listing.services.length : 0;

    let floorPages = 0;
    const floor = await timed(RUNS, async () => {
      floorPages = 0;
      for await (const page of paginateListServices({ client: sdk, pageSize: 20 }, {})) floorPages += page.ServiceSummaryList ? 1 : 0;
    });

    const env: NodeJS.ProcessEnv = { ...process.env, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_DEFAULT_REGION: 'us-east-1' };
    delete env.NODE_TEST_CONTEXT;
    let cli: number[] | undefined;
    try {
      cli = await timed(3, () => run('aws', ['apprunner', 'list-services', '--endpoint-url', emulator.url, '--output', 'json'], { env, maxBuffer: 64 * 1024 * 1024 }));
    } catch (error) {
      console.log(`AWS CLI peer skipped: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }

    console.log(`${SERVICES} services in us-east-1 (${BUSY} pausing), ${shown} listed by the view's model`);
    console.log(
      table(
        ['what', 'median', 'API calls'],
        [
          ['Deployments view top level, first listing (loadRegion)', ms(median(ours)), coldCalls],
          ['the same, a later reload (deployment names known)', ms(median(warm)), warmCalls],
          ['bare SDK paginateListServices (floor)', ms(median(floor)), `${floorPages} ListServices`],
          ['aws apprunner list-services (AWS CLI, own process)', cli ? ms(median(cli)) : 'n/a', 'not counted (its own paging)'],
        ],
      ),
    );
  } finally {
    clients.destroy();
    sdk.destroy();
    await emulator.stop();
  }
}
