// Writes the output of the README's CLI examples into README.md, by running them:
//   npm run build && npx tsc -p . && node out/test/cli/readme/generate.js
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/emulatorProcess';
import { readmeBlocks, runExamples, withBlocks } from './examples';

async function main(): Promise<void> {
  const path = join(REPO_ROOT, 'README.md');
  const readme = readFileSync(path, 'utf8');
  const blocks = await runExamples();
  const missing = [...blocks.keys()].filter((id) => !readmeBlocks(readme).has(id));
  if (missing.length > 0) throw new Error(`README.md has no block for ${missing.join(', ')}: add <!-- cli-example:ID --> blocks`);
  writeFileSync(path, withBlocks(readme, blocks));
  process.stdout.write(`updated ${blocks.size} CLI examples in README.md\n`);
}

// `npm test` runs every compiled file under out/test/: only run when called directly.
if (require.main === module && process.env.NODE_TEST_CONTEXT === undefined) {
  main().catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exitCode = 1;
  });
}
