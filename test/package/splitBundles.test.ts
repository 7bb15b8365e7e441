// Activation reads only what activation needs. The build splits the extension and the language
// server (esbuild.mjs): evaluating dist/extension.js, as the extension host does before `activate`,
// loads it and the chunks it names, none of which carries the AWS SDK; the SDK and each command's
// work are chunks in dist/chunks/, loaded on first use, and each of them evaluates. Checked on the
// built files that ship.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../support/repoRoot';

const DIST = join(REPO_ROOT, 'dist');
const CHUNKS = join(DIST, 'chunks');

// Runs in a child: `vscode` (which only the extension host provides) is a stand-in that answers any
// use with itself, so a module's top level runs as in the host; prints the files it loaded.
const CHILD = `
const Module = require('node:module');
const stub = new Proxy(function () {}, { get: (target, key) => (key === 'prototype' ? {} : stub), apply: () => stub, construct: () => ({}) });
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? stub : load.call(this, request, ...rest); };
const exported = require(process.argv[1]);
process.stdout.write(JSON.stringify({ exports: Object.keys(exported), loaded: Object.keys(require.cache) }));
`;

function evaluate(file: string): { exports: string[]; loaded: string[] } {
  return JSON.parse(execFileSync(process.execPath, ['-e', CHILD, file], { cwd: REPO_ROOT, encoding: 'utf8' })) as { exports: string[]; loaded: string[] };
}

// Every SDK client announces itself as aws-sdk-js in its user agent.
const carriesSdk = (file: string): boolean => readFileSync(file, 'utf8').includes('aws-sdk-js');

void test('evaluating dist/extension.js loads the extension and its LSP client, nothing of the AWS SDK', () => {
  const { exports, loaded } = evaluate(join(DIST, 'extension.js'));
  assert.ok(exports.includes('activate'), `dist/extension.js exports ${exports.join(', ')}`);
  assert.equal(loaded[0], join(DIST, 'extension.js'));
  const outside = loaded.filter((file) => file !== join(DIST, 'extension.js') && !file.startsWith(`${CHUNKS}/`));
  assert.deepEqual(outside, [], 'activation loads only dist/extension.js and its chunks');
  assert.deepEqual(loaded.filter(carriesSdk), [], 'no file loaded at activation carries an AWS SDK client');
  assert.ok(loaded.some((file) => readFileSync(file, 'utf8').includes('Content-Length')), 'the LSP client (its JSON-RPC framing) is loaded at activation');
});

void test('every chunk in dist/chunks/ evaluates, and the AWS SDK is among them, outside activation', () => {
  const chunks = readdirSync(CHUNKS).filter((name) => name.endsWith('.js'));
  assert.ok(chunks.length > 1, `dist/chunks/ holds ${chunks.length} chunks`);
  for (const chunk of chunks) evaluate(join(CHUNKS, chunk));
  const withSdk = chunks.filter((chunk) => carriesSdk(join(CHUNKS, chunk)));
  assert.ok(withSdk.length > 0, 'some chunk carries the AWS SDK');
  const atActivation = new Set(evaluate(join(DIST, 'extension.js')).loaded);
  assert.deepEqual(withSdk.filter((chunk) => atActivation.has(join(CHUNKS, chunk))), []);
});
