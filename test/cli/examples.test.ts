// The CLI examples of docs/cli.md are what the CLI prints: each is run against the bundled emulator
// and compared with the page (ids, hosts, ports and times masked). Regenerate with
// `node out/test/cli/examples/generate.js` after a build.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { REPO_ROOT } from '../support/emulatorProcess';
import { EXAMPLES, EXAMPLES_PAGE, exampleBlocks, normalize, runExamples } from './examples/examples';

void it(`${EXAMPLES_PAGE} shows what the CLI really prints for every example`, { timeout: 120_000 }, async () => {
  const page = exampleBlocks(readFileSync(join(REPO_ROOT, EXAMPLES_PAGE), 'utf8'));
  const actual = await runExamples();
  for (const example of EXAMPLES) {
    const shown = page.get(example.id);
    assert.ok(shown !== undefined, `${EXAMPLES_PAGE} lacks the block <!-- cli-example:${example.id} -->`);
    assert.equal(normalize(shown), normalize(actual.get(example.id) ?? ''), `${EXAMPLES_PAGE} example "${example.id}" drifted: run node out/test/cli/examples/generate.js`);
  }
  assert.deepEqual([...page.keys()].filter((id) => !EXAMPLES.some((example) => example.id === id)), [], `${EXAMPLES_PAGE} has blocks no example produces`);
});

void it('the README carries no generated CLI example (they live on docs/cli.md)', () => {
  assert.deepEqual([...exampleBlocks(readFileSync(join(REPO_ROOT, 'README.md'), 'utf8')).keys()], []);
});
