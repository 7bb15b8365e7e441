// Deploy engine vs ZenML's flow: AWS calls (mutating and read) and wall time for create, no-op
// redeploy, update and delete, against the in-process emulator with zero provisioning delay and
// ten unrelated services in the region. Prints figures side by side; asserts nothing.
import { performance } from 'node:perf_hooks';
import { createAwsClients, type AwsClients } from '../../common/src/aws/clientFactory';
import { desiredDeployment } from '../../common/src/deploy/desired';
import { applyPlan, deleteDeployment, engineDeps, planFromText, readDeployerFile } from '../../common/src/deploy/engine';
import { startEmulator, type RunningEmulator } from '../../emulator/src/server';
import { deployerFile, type FileOptions } from '../common/deploy/support/engineKit';
import { median, ms, table } from './support/stats';
import { zenmlDelete, zenmlDeploy, type ZenmlState } from './support/zenmlFlow';

const RUNS = 5;
const OPERATIONS = ['create', 'no-op redeploy', 'update', 'delete'] as const;
type Operation = (typeof OPERATIONS)[number];
const MUTATING = /^(Create|Update|Delete|Put|Tag|Untag|Start|Pause|Resume)/;
const ENV = { ZENML_STORE_API_TOKEN: 'bench-token' };
const UPDATE: FileOptions = { logLevel: 'debug', maxReplicas: 12 };

interface Figures {
  mutating: number[];
  reads: number[];
  wall: number[];
  leftovers: number[];
}

class Counter {
  calls: string[] = [];
  readonly clients: AwsClients;
  constructor(emulator: RunningEmulator) {
    this.clients = createAwsClients({ region: 'us-east-1', endpoint: emulator.url }, { credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, onCall: (_service, operation) => this.calls.push(operation) });
  }
}

function figures(): Record<Operation, Figures> {
  return Object.fromEntries(OPERATIONS.map((op) => [op, { mutating: [], reads: [], wall: [], leftovers: [] }])) as unknown as Record<Operation, Figures>;
}

async function measure(counter: Counter, into: Figures, run: () => Promise<unknown>): Promise<void> {
  counter.calls = [];
  const start = performance.now();
  await run();
  into.wall.push(performance.now() - start);
  into.mutating.push(counter.calls.filter((call) => MUTATING.test(call)).length);
  into.reads.push(counter.calls.filter((call) => !MUTATING.test(call)).length);
}

/** Live services, secrets and active scaling revisions that are not AWS's default. */
async function leftovers(emulator: RunningEmulator): Promise<number> {
  const region = (await emulator.control.state()).regions['us-east-1'];
  const services = region.services.filter((service) => service.status !== 'DELETED' && !service.name.startsWith('neighbour-')).length;
  return services + region.secrets.length + region.autoScalingConfigurations.filter((config) => config.status === 'ACTIVE' && !config.isDefault).length;
}

export async function runDeployBench(): Promise<void> {
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const emulator = await startEmulator({ port: 0, provisioningMs: 0, appLogIntervalMs: 0 });
  const ours = new Counter(emulator);
  const theirs = new Counter(emulator);
  const deps = engineDeps(ours.clients, { env: ENV, serviceUrl: (host) => emulator.serviceEndpoint(host) });
  const oursFigures = figures();
  const zenmlFigures = figures();
  try {
    await emulator.control.seedServices({ count: 10, namePrefix: 'neighbour-' });
    const deploy = (options: FileOptions = {}) => async () => applyPlan(await planFromText(deployerFile(options), 'bench.yaml', deps), deps);
    for (let run = 0; run < RUNS; run++) {
      await measure(ours, oursFigures.create, deploy());
      await measure(ours, oursFigures['no-op redeploy'], deploy());
      await measure(ours, oursFigures.update, deploy(UPDATE));
      await measure(ours, oursFigures.delete, () => deleteDeployment(deps, 'weather-agent'));
      oursFigures.delete.leftovers.push(await leftovers(emulator));
      await emulator.control.reset();
      await emulator.control.seedServices({ count: 10, namePrefix: 'neighbour-' });

      const state: ZenmlState = {};
      const zenml = (options: FileOptions = {}) => () => {
        const desired = desiredDeployment({ file: readDeployerFile(deployerFile(options), 'bench.yaml'), region: 'us-east-1', deploymentId: '3f2a9c1e-0000-4000-8000-000000000000', env: ENV, newAuthKey: () => 'bench-auth-key' });
        const tags = Object.entries(desired.tags).map(([Key, Value]) => ({ Key, Value }));
        return zenmlDeploy(theirs.clients, state, { ...desired.service, Tags: tags }, desired.secretName ?? '', JSON.stringify(desired.secretValues), (host) => `${emulator.serviceEndpoint(host)}/health`);
      };
      await measure(theirs, zenmlFigures.create, zenml());
      await measure(theirs, zenmlFigures['no-op redeploy'], zenml());
      await measure(theirs, zenmlFigures.update, zenml(UPDATE));
      await measure(theirs, zenmlFigures.delete, () => zenmlDelete(theirs.clients, state));
      zenmlFigures.delete.leftovers.push(await leftovers(emulator));
      await emulator.control.reset();
      await emulator.control.seedServices({ count: 10, namePrefix: 'neighbour-' });
    }
    const calls = (f: Figures): string => `${median(f.mutating)} + ${median(f.reads)}`;
    console.log(
      table(
        ['operation (10 other services in the region)', 'ours: mutating + read calls', 'ours: median', 'ZenML flow: mutating + read', 'ZenML flow: median'],
        OPERATIONS.map((op) => [op, calls(oursFigures[op]), ms(median(oursFigures[op].wall)), calls(zenmlFigures[op]), ms(median(zenmlFigures[op].wall))]),
      ),
    );
    const noop = oursFigures['no-op redeploy'];
    console.log(`left behind after delete (services, secrets, active scaling revisions): ours ${Math.max(...oursFigures.delete.leftovers)}, ZenML flow ${Math.max(...zenmlFigures.delete.leftovers)}`);
    console.log(`target: a no-op redeploy makes only read calls, at most 4: ${Math.max(...noop.mutating) === 0 && Math.max(...noop.reads) <= 4 ? 'met' : 'NOT met'} (${Math.max(...noop.mutating)} mutating, ${Math.max(...noop.reads)} reads); delete leaves nothing behind: ${Math.max(...oursFigures.delete.leftovers) === 0 ? 'met' : 'NOT met'}`);
    console.log(`${RUNS} runs each, medians; wall time includes waiting for RUNNING and the health URL check (both flows). ZenML's flow is replayed from ../shared/reference/zenml-deployer.md with the same SDK clients.`);
  } finally {
    ours.clients.destroy();
    theirs.clients.destroy();
    await emulator.stop();
  }
}

// `npm test` runs every compiled file under out/test/ (this one included): do nothing there.
if (require.main === module && process.env.NODE_TEST_CONTEXT === undefined) {
  runDeployBench().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
