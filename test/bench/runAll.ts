// `npm run bench`: runs every compiled `*.bench.js` next to this file, in name order, one after
// the other (emulator, lsp, and vscode: the real VS Code through the e2e harness). A bench module
// exports one or more `run…Bench()` functions that print their own figures. Exit code 1 only when
// a bench could not run (a harness failure); slow figures are printed, not asserted.
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';

type BenchFunction = () => unknown;

const load = createRequire(__filename);

function benchFunctions(moduleExports: Record<string, unknown>): [string, BenchFunction][] {
  return Object.entries(moduleExports).filter(
    (entry): entry is [string, BenchFunction] => /^run\w*Bench$/.test(entry[0]) && typeof entry[1] === 'function',
  );
}

async function main(): Promise<number> {
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
    let functions: [string, BenchFunction][];
    try {
      functions = benchFunctions(load(join(__dirname, module)) as Record<string, unknown>);
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
    for (const [name, run] of functions) {
      console.log(`\n=== ${module}: ${name}() ===`);
      const start = performance.now();
      try {
        await run();
        console.log(`--- ${name} done in ${((performance.now() - start) / 1000).toFixed(1)} s`);
      } catch (error) {
        console.error(`--- ${name} FAILED after ${((performance.now() - start) / 1000).toFixed(1)} s: ${describe(error)}`);
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
// there it must do nothing. Otherwise exit explicitly, so a bench that leaves a handle open
// cannot hang `npm run bench`.
if (process.env.NODE_TEST_CONTEXT === undefined) {
  runAndExit();
}

function runAndExit(): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(describe(error));
      process.exit(1);
    },
  );
}
