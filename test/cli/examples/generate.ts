// Writes the output of the CLI examples into docs/cli.md, by running them:
//   npm run build && npx tsc -p . && node out/test/cli/examples/generate.js
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/emulatorProcess';
import { EXAMPLES_PAGE, exampleBlocks, runExamples, withBlocks } from './examples';

async function main(): Promise<void> {
  const path = join(REPO_ROOT, EXAMPLES_PAGE);
  const page = readFileSync(path, 'utf8');
  const blocks = await runExamples();
  const missing = [...blocks.keys()].filter((id) => !exampleBlocks(page).has(id));
  if (missing.length > 0) throw new Error(`${EXAMPLES_PAGE} has no block for ${missing.join(', ')}: add <!-- cli-example:ID --> blocks`);
  writeFileSync(path, withBlocks(page, blocks));
  process.stdout.write(`updated ${blocks.size} CLI examples in ${EXAMPLES_PAGE}\n`);
}

// `npm test` runs every compiled file under out/test/: only run when called directly.
if (require.main === module && process.env.NODE_TEST_CONTEXT === undefined) {
  main().catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exitCode = 1;
  });
}
