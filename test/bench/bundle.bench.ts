// What reading the extension costs before `activate` runs: VS Code evaluates dist/extension.js
// first. Each sample is a fresh Node process that evaluates one module (with a stand-in for the
// `vscode` module, which only the extension host provides) and reports the time of that `require`
// alone; the peer is `vscode-languageclient/node`, the LSP client every language extension
// carries, evaluated the same way. The AWS SDK's own bundle, which the first AWS call loads, is
// timed beside them. Prints medians; asserts nothing.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../e2e/support/paths';
import { median, ms, table } from './support/stats';

const RUNS = 15;

// Runs in the child: `vscode` resolves to an object with every name @types/vscode declares, each a
// proxy that answers any use with itself, so the bundle's top level (classes extending VS Code's,
// enums read, its own modules required) runs as in the host, minus the host's real API.
const CHILD = `
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const stub = new Proxy(function () {}, { get: (target, key) => (key === 'prototype' ? {} : stub), apply: () => stub, construct: () => ({}) });
const declared = readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8').matchAll(/^\\s*export (?:class|enum|namespace|const|function|let) (\\w+)/gm);
const vscode = Object.fromEntries([...declared].map((match) => [match[1], stub]));
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? vscode : load.call(this, request, ...rest); };
const started = process.hrtime.bigint();
require(process.argv[1]);
process.stdout.write(String(Number(process.hrtime.bigint() - started) / 1e6));
`;

function evaluationMs(module: string): number[] {
  return Array.from({ length: RUNS }, () => Number(execFileSync(process.execPath, ['-e', CHILD, module], { cwd: REPO_ROOT, encoding: 'utf8' })));
}

export function runBundleEvaluationBench(): void {
  const extension = join(REPO_ROOT, 'dist', 'extension.js');
  const client = require.resolve('vscode-languageclient/node', { paths: [REPO_ROOT] });
  const sdk = join(REPO_ROOT, 'dist', 'aws-sdk.js');
  const ours = evaluationMs(extension);
  const peer = evaluationMs(client);
  const onFirstAwsUse = evaluationMs(sdk);
  const kib = (file: string): string => `${(statSync(file).size / 1024).toFixed(0)} KiB`;
  console.log(
    table(
      [`evaluate the module (fresh Node ${process.version} process each, median of ${String(RUNS)})`, 'median', 'max', 'file size'],
      [
        ['dist/extension.js (our bundle, the LSP client included)', ms(median(ours)), ms(Math.max(...ours)), kib(extension)],
        ['vscode-languageclient/node alone (peer)', ms(median(peer)), ms(Math.max(...peer)), 'its package, unbundled'],
        ['dist/aws-sdk.js (not at activation: on the first AWS call)', ms(median(onFirstAwsUse)), ms(Math.max(...onFirstAwsUse)), kib(sdk)],
      ],
    ),
  );
  console.log(`ratio ours / peer (median): ${(median(ours) / median(peer)).toFixed(2)}`);
}
