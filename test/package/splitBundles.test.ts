// Activation reads only what activation needs. The build splits the extension and the language
// server (esbuild.mjs): evaluating dist/extension.js, as the extension host does before `activate`,
// loads it and the chunks it names, none of which carries the AWS SDK or the LSP client; the SDK
// and each command's work are one chunk, the LSP client another (read as the server starts, right
// after activation), and each chunk evaluates. Checked on the built files that ship.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../support/repoRoot';
import { VSCODE_STAND_IN } from '../support/vscodeStandIn';

const DIST = join(REPO_ROOT, 'dist');
const CHUNKS = join(DIST, 'chunks');

// Runs in a child with the stand-in for `vscode`; prints what the module exports and the files it loaded.
const CHILD = `${VSCODE_STAND_IN}
const exported = require(process.argv[1]);
process.stdout.write(JSON.stringify({ exports: Object.keys(exported), loaded: Object.keys(require.cache) }));
`;

function evaluate(file: string): { exports: string[]; loaded: string[] } {
  return JSON.parse(execFileSync(process.execPath, ['-e', CHILD, file], { cwd: REPO_ROOT, encoding: 'utf8' })) as { exports: string[]; loaded: string[] };
}

// Every SDK client announces itself as aws-sdk-js in its user agent.
const carriesSdk = (file: string): boolean => readFileSync(file, 'utf8').includes('aws-sdk-js');
// Property names survive minification: vscode-languageclient's client registers its features so.
const carriesLspClient = (file: string): boolean => readFileSync(file, 'utf8').includes('registerBuiltinFeatures');
// The JSON-RPC framing of the LSP protocol, which the client and the server share.
const carriesProtocol = (file: string): boolean => readFileSync(file, 'utf8').includes('Content-Length');

void test('evaluating dist/extension.js loads the extension, neither the AWS SDK nor the LSP client', () => {
  const { exports, loaded } = evaluate(join(DIST, 'extension.js'));
  assert.ok(exports.includes('activate'), `dist/extension.js exports ${exports.join(', ')}`);
  assert.equal(loaded[0], join(DIST, 'extension.js'));
  const outside = loaded.filter((file) => file !== join(DIST, 'extension.js') && !file.startsWith(`${CHUNKS}/`));
  assert.deepEqual(outside, [], 'activation loads only dist/extension.js and its chunks');
  assert.deepEqual(loaded.filter(carriesSdk), [], 'no file loaded at activation carries an AWS SDK client');
  assert.deepEqual(loaded.filter(carriesLspClient), [], 'no file loaded at activation carries the LSP client');
  assert.deepEqual(loaded.filter(carriesProtocol), [], 'no file loaded at activation carries the LSP protocol');
  // The host looks each require of vscode (direct, or through esbuild's require helper) up by the
  // caller's path among every extension's folder.
  const vscodeRequires = loaded.reduce((sum, file) => sum + (readFileSync(file, 'utf8').match(/\("vscode"\)/g)?.length ?? 0), 0);
  assert.equal(vscodeRequires, 1, 'activation requires the vscode API once (scripts/oneVscodeImport.mjs)');
});

void test('the LSP client is one chunk: it loads the protocol it shares with the server, nothing of the AWS SDK', () => {
  const withClient = readdirSync(CHUNKS).filter((name) => name.endsWith('.js') && carriesLspClient(join(CHUNKS, name)));
  assert.equal(withClient.length, 1, `chunks carrying the LSP client: ${withClient.join(', ')}`);
  const { exports, loaded } = evaluate(join(CHUNKS, withClient[0]));
  // What client/src/language/languageClient.ts takes from it once loaded.
  for (const name of ['LanguageClient', 'TransportKind', 'CloseAction']) assert.ok(exports.includes(name), `the LSP client chunk exports ${exports.join(', ')}`);
  assert.ok(loaded.some(carriesProtocol), 'the LSP client loads the protocol chunk');
  assert.deepEqual(loaded.filter(carriesSdk), []);
  const serverChunks = [...readFileSync(join(DIST, 'server.js'), 'utf8').matchAll(/require\("\.\/chunks\/([^"]+)"\)/g)].map((match) => join(CHUNKS, match[1]));
  assert.ok(serverChunks.some(carriesProtocol), 'the language server requires the same protocol chunk');
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
