// `npm run bench`: runs every compiled `*.bench.js` next to this file, in name order, one after
// the other (emulator, lsp, and vscode: the real VS Code through the e2e harness). A bench module
// exports one or more `run…Bench()` functions that print their own figures. Each function runs in
// a Node process of its own: what one bench leaves behind (an in-process emulator with 1,000
// services, a heap grown by its fixtures) must not pause the next one's measurements. Exit code 1
// only when a bench could not run (a harness failure); slow figures are printed, not asserted.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';

const load = createRequire(__filename);

/** The `run…Bench` functions a module exports, by name. */
function benchFunctions(moduleExports: Record<string, unknown>): string[] {
  return Object.entries(moduleExports)
    .filter(([name, value]) => /^run\w*Bench$/.test(name) && typeof value === 'function')
    .map(([name]) => name);
}

// Runs in the child: one bench function; a rejection is printed and exits 1, and the child exits
// when the bench ends, so a bench that leaves a handle open cannot hang `npm run bench`.
const CHILD = `
const [file, name] = process.argv.slice(1);
Promise.resolve()
  .then(() => require(file)[name]())
  .then(() => process.exit(0), (error) => { console.error(error instanceof Error ? (error.stack ?? error.message) : String(error)); process.exit(1); });
`;

function main(): number {
  const self = basename(__filename);
  const modules = readdirSync(__dirname)
    .filter((name) => name.endsWith('.bench.js') && name !== self)
    .sort();
  if (modules.length === 0) {
    console.error(`no *.bench.js modules in ${__dirname}`);
    return 1;
  }
  const failed: string[] = [];
  for (const module of modules) {
    const file = join(__dirname, module);
    let functions: string[];
    try {
      functions = benchFunctions(load(file) as Record<string, unknown>);
    } catch (error) {
      console.error(`${module}: cannot load: ${describe(error)}`);
      failed.push(module);
      continue;
    }
    if (functions.length === 0) {
      console.error(`${module}: exports no run…Bench() function`);
      failed.push(module);
      continue;
    }
    for (const name of functions) {
      console.log(`\n=== ${module}: ${name}() ===`);
      const start = performance.now();
      const child = spawnSync(process.execPath, ['-e', CHILD, file, name], { stdio: 'inherit' });
      const seconds = ((performance.now() - start) / 1000).toFixed(1);
      if (child.status === 0) {
        console.log(`--- ${name} done in ${seconds} s`);
      } else {
        console.error(`--- ${name} FAILED after ${seconds} s (exit ${String(child.status ?? child.signal)})`);
        failed.push(`${module}:${name}`);
      }
    }
  }
  if (failed.length > 0) console.error(`\nbench harness failures: ${failed.join(', ')}`);
  return failed.length > 0 ? 1 : 0;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

// `node --test out/test/` (npm test) runs every .js under a `test` folder, this one included:
// there it must do nothing.
if (process.env.NODE_TEST_CONTEXT === undefined) {
  process.exit(main());
}
