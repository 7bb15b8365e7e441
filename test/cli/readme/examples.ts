// The CLI examples of the README, run for real against the bundled emulator: `generate.ts` writes
// their output into the README, `readmeExamples.test.ts` checks the README still matches.
import { ControlClient } from '../../../emulator/src/controlClient';
import { localServiceUrl } from '../../../emulator/src/server';
import { spawnEmulator } from '../../support/emulatorProcess';
import { runCli } from '../support/runCli';

export interface Example {
  /** The marker in README.md: `<!-- cli-example:ID -->` ... `<!-- /cli-example -->`. */
  id: string;
  /** Arguments after `zenml-apprunner`; ENDPOINT is replaced by the emulator's URL. */
  args: string[];
  /** Whether the block shows stderr (progress) before stdout. */
  stderr?: boolean;
  /** Runs first (e.g. sends traffic), given the emulator's URL. */
  before?: (emulatorUrl: string) => Promise<void>;
}

/** Real traffic for the metrics examples: 10 answered requests and 2 to a path the service lacks. */
async function trafficToWeatherAgent(emulatorUrl: string): Promise<void> {
  const services = (await new ControlClient(emulatorUrl).state()).regions['us-east-1'].services;
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
  { id: 'status', args: ['status', 'weather-agent', '--region', 'us-east-1', '--endpoint', 'ENDPOINT'], before: trafficToWeatherAgent },
  { id: 'metrics', args: ['metrics', 'weather-agent', '--region', 'us-east-1', '--endpoint', 'ENDPOINT'] },
  { id: 'pause', args: ['pause', 'weather-agent', '--region', 'us-east-1', '--endpoint', 'ENDPOINT'], stderr: true },
  { id: 'resume', args: ['resume', 'weather-agent', '--region', 'us-east-1', '--endpoint', 'ENDPOINT'] },
  { id: 'logs', args: ['logs', 'weather-agent', '--region', 'us-east-1', '--endpoint', 'ENDPOINT'] },
  { id: 'delete', args: ['delete', 'weather-agent.zenml.deployer.yaml', '--yes', '--endpoint', 'ENDPOINT'], stderr: true },
];

/** Runs every example in order against a fresh emulator; returns each README block's text. */
export async function runExamples(): Promise<Map<string, string>> {
  // No periodic health-probe lines: the logs example shows the same lines on every run.
  const emulator = await spawnEmulator(['--provisioning-ms', '0', '--app-log-interval-ms', '0']);
  const blocks = new Map<string, string>();
  try {
    for (const example of EXAMPLES) {
      const args = example.args.map((arg) => (arg === 'ENDPOINT' ? emulator.url : arg));
      await example.before?.(emulator.url);
      const run = await runCli(args);
      const output = (example.stderr ? run.stderr : '') + run.stdout;
      const exit = run.code === 0 ? '' : `[exit ${run.code}]\n`;
      blocks.set(example.id, `$ zenml-apprunner ${args.join(' ')}\n${output}${exit}`);
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
    // The stand-in server's log lines: its process id and the probing client's address.
    .replace(/server process \[\d+\]/g, 'server process [<pid>]')
    .replace(/\b\d{1,3}(\.\d{1,3}){3}:\d+\b/g, '<ip>:<port>')
    // Measured latencies and the CPU/memory they drive.
    .replace(/\b(p50|p90|p99) [\d.]+ m?s\b/g, '$1 <ms>')
    .replace(/[\d.]+ % average, [\d.]+ % peak/g, '<pct> average, <pct> peak');
}

const BLOCK = /(<!-- cli-example:([\w-]+) -->\n```text\n)([\s\S]*?)(```\n<!-- \/cli-example -->)/g;

/** The example blocks of a README: id → text. */
export function readmeBlocks(readme: string): Map<string, string> {
  return new Map([...readme.matchAll(BLOCK)].map((match) => [match[2], match[3]]));
}

/** The README with each block's text replaced. */
export function withBlocks(readme: string, blocks: ReadonlyMap<string, string>): string {
  return readme.replace(BLOCK, (whole, head: string, id: string, _text: string, tail: string) => (blocks.has(id) ? `${head}${blocks.get(id)}${tail}` : whole));
}
