// The CLI examples of docs/cli.md, run for real against the bundled emulator: `generate.ts` writes
// their output into that page, `../examples.test.ts` checks the page still matches.
import { ControlClient } from '../../../emulator/src/controlClient';
import { localServiceUrl } from '../../../emulator/src/server';
import { spawnEmulator } from '../../support/emulatorProcess';
import { runCli } from '../support/runCli';

export interface Example {
  /** The marker in docs/cli.md: `<!-- cli-example:ID -->` ... `<!-- /cli-example -->`. */
  id: string;
  /** Arguments after `zenml-apprunner`; ENDPOINT is replaced by the emulator's URL. */
  args: string[];
  /** Whether the block shows stderr (progress) before stdout. */
  stderr?: boolean;
  /** Prepares the emulator first (traffic, log lines to search, a failed service), through its control API. */
  setup?: (control: ControlClient, emulatorUrl: string) => Promise<void>;
}

/** The application log group of the deployed weather-agent (found by its service name). */
async function weatherApplicationGroup(control: ControlClient): Promise<string> {
  const service = (await control.state()).regions['us-east-1'].services.find((candidate) => candidate.name.startsWith('zenml-weather-agent-') && candidate.status !== 'DELETED');
  if (!service) throw new Error('the logs examples need the deployed weather-agent');
  return `/aws/apprunner/${service.name}/${service.id}/application`;
}

/** A few lines as a ZenML server writes them, plain and JSON, half a second apart. */
async function appendServerLines(control: ControlClient): Promise<void> {
  await control.appendLogs({
    logGroupName: await weatherApplicationGroup(control),
    logStreamName: 'instance/0f1e2d3c4b5a69788796a5b4c3d2e1f0',
    startTime: Date.now() - 5000,
    stepMs: 500,
    messages: [
      JSON.stringify({ level: 'INFO', logger: 'zenml.deployers.server', message: 'invocation served', run: 'weather-7', duration_ms: 1184 }),
      'INFO:     10.0.3.7:51234 - "POST /invoke HTTP/1.1" 200 OK',
      JSON.stringify({ level: 'ERROR', logger: 'zenml.steps', message: 'step fetch_forecast failed: upstream API answered 503', run: 'weather-8', duration_ms: 30012 }),
      'INFO:     10.0.3.7:51240 - "POST /invoke HTTP/1.1" 500 Internal Server Error',
      JSON.stringify({ level: 'WARNING', logger: 'zenml.steps', message: 'retrying step fetch_forecast', run: 'weather-8', attempt: 2 }),
    ],
  });
}

/** A deployment whose creation failed, as App Runner leaves it. */
async function seedFailedDeployment(control: ControlClient): Promise<void> {
  await control.seedServices({
    services: [{ name: 'zenml-churn-report-c05b7d9e', status: 'CREATE_FAILED', healthCheckPath: '/health', tags: { 'managed-by': 'zenml', 'zenml-deployment-name': 'churn-report', 'zenml-deployment-id': 'c05b7d9e-2f61-4a8c-b3e4-6a9d1f0e7c28' } }],
  });
}

/** An argument as a POSIX shell needs it quoted. */
function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** Real traffic for the metrics examples: 10 answered requests and 2 to a path the service lacks. */
async function trafficToWeatherAgent(control: ControlClient, emulatorUrl: string): Promise<void> {
  const services = (await control.state()).regions['us-east-1'].services;
  const service = services.find((candidate) => candidate.name.startsWith('zenml-weather-agent-') && candidate.status === 'RUNNING');
  if (!service) throw new Error('the examples deploy weather-agent before its metrics are read');
  const base = localServiceUrl(emulatorUrl, service.url);
  for (let i = 0; i < 10; i++) await (await fetch(`${base}/health`)).arrayBuffer();
  for (let i = 0; i < 2; i++) await (await fetch(`${base}/missing`)).arrayBuffer();
}

export const EXAMPLES: readonly Example[] = [
  { id: 'validate', args: ['validate', 'fixable.zenml.deployer.yaml'] },
  { id: 'plan', args: ['plan', 'weather-agent.zenml.deployer.yaml', '--endpoint', 'ENDPOINT'] },
  { id: 'deploy-unconfirmed', args: ['deploy', 'weather-agent.zenml.deployer.yaml', '--endpoint', 'ENDPOINT'], stderr: true },
  { id: 'deploy', args: ['deploy', 'weather-agent.zenml.deployer.yaml', '--yes', '--endpoint', 'ENDPOINT'], stderr: true },
  { id: 'redeploy-noop', args: ['deploy', 'weather-agent.zenml.deployer.yaml', '--yes', '--endpoint', 'ENDPOINT'], stderr: true },
  { id: 'list', args: ['list', '--region', 'us-east-1', '--endpoint', 'ENDPOINT'] },
  { id: 'status', args: ['status', 'weather-agent', '--region', 'us-east-1', '--endpoint', 'ENDPOINT'], setup: trafficToWeatherAgent },
  { id: 'metrics', args: ['metrics', 'weather-agent', '--region', 'us-east-1', '--endpoint', 'ENDPOINT'] },
  { id: 'pause', args: ['pause', 'weather-agent', '--region', 'us-east-1', '--endpoint', 'ENDPOINT'], stderr: true },
  { id: 'resume', args: ['resume', 'weather-agent', '--region', 'us-east-1', '--endpoint', 'ENDPOINT'] },
  { id: 'logs', args: ['logs', 'weather-agent', '--region', 'us-east-1', '--endpoint', 'ENDPOINT'] },
  { id: 'logs-filter-json', args: ['logs', 'weather-agent', '--filter', '{ $.level = "ERROR" || $.duration_ms > 1000 }', '--region', 'us-east-1', '--endpoint', 'ENDPOINT'], setup: appendServerLines },
  { id: 'logs-filter-terms', args: ['logs', 'weather-agent', '--filter', '"POST /invoke" -"200 OK"', '--json', '--region', 'us-east-1', '--endpoint', 'ENDPOINT'] },
  { id: 'status-failed', args: ['status', 'churn-report', '--region', 'us-east-1', '--endpoint', 'ENDPOINT'], setup: seedFailedDeployment },
  { id: 'delete', args: ['delete', 'weather-agent.zenml.deployer.yaml', '--yes', '--endpoint', 'ENDPOINT'], stderr: true },
];

/** Runs every example in order against a fresh emulator; returns each block's text. */
export async function runExamples(): Promise<Map<string, string>> {
  // No periodic health-probe lines: the logs example shows the same lines on every run.
  const emulator = await spawnEmulator(['--provisioning-ms', '0', '--app-log-interval-ms', '0']);
  const blocks = new Map<string, string>();
  try {
    for (const example of EXAMPLES) {
      const args = example.args.map((arg) => (arg === 'ENDPOINT' ? emulator.url : arg));
      await example.setup?.(new ControlClient(emulator.url), emulator.url);
      const run = await runCli(args);
      const output = (example.stderr ? run.stderr : '') + run.stdout;
      const exit = run.code === 0 ? '' : `[exit ${run.code}]\n`;
      blocks.set(example.id, `$ zenml-apprunner ${args.map(shellQuote).join(' ')}\n${output}${exit}`);
    }
  } finally {
    await emulator.stop();
  }
  return blocks;
}

/** Masks what differs from run to run: ids, ARN suffixes, host names, ports, times. */
export function normalize(text: string): string {
  return text
    // A secret ARN ends in `-` and 6 random characters.
    .replace(/(secret:[\w/+=.@-]+?)-[A-Za-z0-9]{6}(?=[\s,:]|$)/gm, '$1-<rnd>')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>')
    .replace(/\b[0-9a-f]{32}\b/g, '<id32>')
    .replace(/-[0-9a-f]{8}\b/g, '-<id8>')
    .replace(/[a-z0-9]{10}\.([a-z0-9-]+)\.awsapprunner\.com/g, '<host>.$1.awsapprunner.com')
    .replace(/http:\/\/127\.0\.0\.1:\d+/g, 'http://127.0.0.1:<port>')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
    // `logs --json` carries each event's time in milliseconds too.
    .replace(/"timestamp":\d+/g, '"timestamp":<ms>')
    // The stand-in server's log lines: its process id and the probing client's address.
    .replace(/server process \[\d+\]/g, 'server process [<pid>]')
    .replace(/\b\d{1,3}(\.\d{1,3}){3}:\d+\b/g, '<ip>:<port>')
    // Measured latencies and the CPU/memory they drive.
    .replace(/\b(p50|p90|p99) [\d.]+ m?s\b/g, '$1 <ms>')
    .replace(/[\d.]+ % average, [\d.]+ % peak/g, '<pct> average, <pct> peak');
}

const BLOCK = /(<!-- cli-example:([\w-]+) -->\n```text\n)([\s\S]*?)(```\n<!-- \/cli-example -->)/g;

/** The page the examples live on, relative to the repository's root. */
export const EXAMPLES_PAGE = 'docs/cli.md';

/** The example blocks of a page: id → text. */
export function exampleBlocks(page: string): Map<string, string> {
  return new Map([...page.matchAll(BLOCK)].map((match) => [match[2], match[3]]));
}

/** The page with each block's text replaced. */
export function withBlocks(page: string, blocks: ReadonlyMap<string, string>): string {
  return page.replace(BLOCK, (whole, head: string, id: string, _text: string, tail: string) => (blocks.has(id) ? `${head}${blocks.get(id)}${tail}` : whole));
}
