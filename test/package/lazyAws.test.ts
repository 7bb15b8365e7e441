// Activation reads only what activation needs: dist/extension.js carries no copy of the AWS SDK,
// and evaluating it (as the extension host does before `activate`) loads nothing of the SDK's own
// bundle, dist/aws-sdk.js, which the first AWS call requires. Checked on the built bundles that ship.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../support/repoRoot';

const DIST = join(REPO_ROOT, 'dist');

// Runs in a child: `vscode` (which only the extension host provides) is a stand-in that answers any
// use with itself, so the bundle's top level runs as in the host; prints the files it loaded.
const CHILD = `
const Module = require('node:module');
const stub = new Proxy(function () {}, { get: (target, key) => (key === 'prototype' ? {} : stub), apply: () => stub, construct: () => ({}) });
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? stub : load.call(this, request, ...rest); };
const exported = require(process.argv[1]);
process.stdout.write(JSON.stringify({ exports: Object.keys(exported), loaded: Object.keys(require.cache) }));
`;

void test('evaluating dist/extension.js loads nothing of the AWS SDK, and the bundle carries no copy of it', () => {
  const { exports, loaded } = JSON.parse(execFileSync(process.execPath, ['-e', CHILD, join(DIST, 'extension.js')], { cwd: REPO_ROOT, encoding: 'utf8' })) as {
    exports: string[];
    loaded: string[];
  };
  assert.ok(exports.includes('activate'), `dist/extension.js exports ${exports.join(', ')}`);
  assert.deepEqual(loaded, [join(DIST, 'extension.js')], 'only the bundle itself is loaded before activate');
  // Every SDK client announces itself as aws-sdk-js in its user agent: a client bundled into the
  // extension again (a value imported around common/src/aws/sdk.ts) brings that name back.
  assert.doesNotMatch(readFileSync(join(DIST, 'extension.js'), 'utf8'), /aws-sdk-js/);
  assert.match(readFileSync(join(DIST, 'aws-sdk.js'), 'utf8'), /aws-sdk-js/);
});

void test('dist/aws-sdk.js gives every value common/src/aws/sdk.ts names, ready to use', () => {
  const gateway = readFileSync(join(REPO_ROOT, 'common', 'src', 'aws', 'sdk.ts'), 'utf8');
  const named = [...gateway.matchAll(/export \{([^}]*)\}/g)].flatMap((match) => match[1].split(',').map((name) => name.trim()).filter(Boolean)).sort();
  const sdk = createRequire(__filename)(join(DIST, 'aws-sdk.js')) as Record<string, unknown>;
  const given = Object.keys(sdk).sort();
  assert.ok(named.length > 20, `read ${named.length} names from common/src/aws/sdk.ts`);
  assert.deepEqual(given, named);
  assert.equal(typeof sdk.AppRunnerClient, 'function');
});
