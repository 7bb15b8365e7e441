// What reading the extension costs before `activate` runs: VS Code evaluates dist/extension.js
// (and the chunks it names) first. Each sample is a fresh Node process that evaluates one module
// (with a stand-in for the `vscode` module, which only the extension host provides) and reports
// the time of that `require` alone and the bytes of the files it read. Peers, evaluated the same
// way: `vscode-languageclient/node`, the LSP client every language extension carries, and the
// client bundle of VS Code's JSON Language Features (from the code-server the e2e tests run). The
// chunks activation defers are timed beside them: the LSP client, which the server's start reads
// right after activation (timed with dist/extension.js in the same process: the whole client side
// of the first squiggle), and every command's work with the AWS SDK, which the first AWS call loads.
// Prints medians; asserts nothing.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_CACHE, REPO_ROOT } from '../e2e/support/paths';
import { VSCODE_STAND_IN } from '../support/vscodeStandIn';
import { median, ms, table } from './support/stats';

const RUNS = 21;

// Runs in the child with the stand-in for `vscode`: times the requires alone and sums the bytes of
// the files they read.
const CHILD = `${VSCODE_STAND_IN}
const before = new Set(Object.keys(require.cache));
const started = process.hrtime.bigint();
for (const module of process.argv.slice(1)) require(module);
const ms = Number(process.hrtime.bigint() - started) / 1e6;
const bytes = Object.keys(require.cache).filter((file) => !before.has(file)).reduce((sum, file) => sum + require('node:fs').statSync(file).size, 0);
process.stdout.write(JSON.stringify({ ms, bytes }));
`;

interface Evaluation {
  ms: number[];
  /** What the module and everything it required weigh on disk. */
  bytes: number;
}

/**
 * Each sample (one module, or several required in turn by one process) evaluated RUNS times, the
 * samples taking turns, so a burst of load on the machine hits all alike.
 */
function evaluateInTurns(samples: readonly (readonly string[])[]): Evaluation[] {
  const evaluations: Evaluation[] = samples.map(() => ({ ms: [], bytes: 0 }));
  for (let round = 0; round < RUNS; round++) {
    samples.forEach((modules, index) => {
      const sample = JSON.parse(execFileSync(process.execPath, ['-e', CHILD, ...modules], { cwd: REPO_ROOT, encoding: 'utf8' })) as { ms: number; bytes: number };
      evaluations[index].ms.push(sample.ms);
      evaluations[index].bytes = sample.bytes;
    });
  }
  return evaluations;
}

const JSON_CLIENT = join(E2E_CACHE, 'code-server', 'node_modules', 'code-server', 'lib', 'vscode', 'extensions', 'json-language-features', 'client', 'dist', 'node', 'jsonClientMain.js');

/** The one chunk in dist/chunks/ whose name or text says it is the one wanted. */
function chunkWhere(what: string, wanted: (name: string, text: string) => boolean): string {
  const folder = join(REPO_ROOT, 'dist', 'chunks');
  const found = readdirSync(folder).filter((name) => name.endsWith('.js') && wanted(name, readFileSync(join(folder, name), 'utf8')));
  if (found.length !== 1) throw new Error(`expected one chunk of ${what} in dist/chunks, found ${found.length}: run npm run build`);
  return join(folder, found[0]);
}

export function runBundleEvaluationBench(): void {
  const extension = join(REPO_ROOT, 'dist', 'extension.js');
  // Property names survive minification: vscode-languageclient's client registers its features so.
  const lspClient = chunkWhere('the LSP client', (_, text) => text.includes('registerBuiltinFeatures'));
  const [ours, withClient, client, json, firstAwsCall] = evaluateInTurns([
    [extension],
    [extension, lspClient],
    [require.resolve('vscode-languageclient/node', { paths: [REPO_ROOT] })],
    [JSON_CLIENT],
    // esbuild names chunks `[name]-[hash]` (esbuild.mjs): this one after its generated module.
    [chunkWhere('deferred modules', (name) => name.startsWith('deferred-modules-'))],
  ]);
  const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;
  const row = (label: string, evaluation: Evaluation): string[] => [label, ms(median(evaluation.ms)), ms(Math.max(...evaluation.ms)), kib(evaluation.bytes)];
  console.log(
    table(
      [`evaluate the module (fresh Node ${process.version} process each, median of ${String(RUNS)})`, 'median', 'max', 'read from disk'],
      [
        row('dist/extension.js and the chunks it names (ours: what activation evaluates)', ours),
        row('the same, then the LSP client chunk (as the server starts, right after activation)', withClient),
        row('vscode-languageclient/node alone (peer)', client),
        row("JSON Language Features' client bundle (peer, VS Code's own)", json),
        row('dist/chunks/deferred-modules-*.js: commands, AWS SDK (the first AWS call, not activation)', firstAwsCall),
      ],
    ),
  );
  console.log(`ratio ours at activation / JSON Language Features' client (median): ${(median(ours.ms) / median(json.ms)).toFixed(2)}`);
  console.log(`ratio ours with the LSP client / vscode-languageclient alone (median): ${(median(withClient.ms) / median(client.ms)).toFixed(2)}`);
  console.log(`ratio ours with the LSP client / JSON Language Features' client (median): ${(median(withClient.ms) / median(json.ms)).toFixed(2)}`);
}
