// Activation evaluates only what activation needs: nothing of the AWS SDK (or of the code that
// uses it) is reachable from the extension's entry point through static imports; it loads through
// `import()` on first use. Checked on esbuild's own picture of the bundle (its metafile), so a new
// static import anywhere on the activation path fails here, naming the chain.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import * as esbuild from 'esbuild';
import { REPO_ROOT } from '../support/repoRoot';

const ENTRY = 'client/src/extension.ts';
const HEAVY = /^node_modules\/@aws-sdk\//;

void test('the extension entry point reaches the AWS SDK only through dynamic imports', async () => {
  const result = await esbuild.build({
    entryPoints: [join(REPO_ROOT, ENTRY)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
    mainFields: ['module', 'main'],
    write: false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: REPO_ROOT,
  });
  const inputs = result.metafile.inputs;
  // Breadth-first over static edges only, remembering how each file was reached.
  const via = new Map<string, string | undefined>([[ENTRY, undefined]]);
  const queue = [ENTRY];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const edge of inputs[file]?.imports ?? []) {
      if (edge.kind === 'dynamic-import' || edge.external || via.has(edge.path)) continue;
      via.set(edge.path, file);
      queue.push(edge.path);
    }
  }
  const heavy = [...via.keys()].find((file) => HEAVY.test(file));
  const chain: string[] = [];
  for (let file = heavy; file !== undefined; file = via.get(file)) chain.unshift(file);
  assert.equal(heavy, undefined, `statically reachable at activation:\n  ${chain.join('\n  -> ')}`);
});
