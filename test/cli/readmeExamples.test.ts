// The README's CLI examples are what the CLI prints: each is run against the bundled emulator and
// compared with the README (ids, hosts, ports and times masked). Regenerate with
// `node out/test/cli/readme/generate.js` after a build.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { REPO_ROOT } from '../support/emulatorProcess';
import { EXAMPLES, normalize, readmeBlocks, runExamples } from './readme/examples';

void it('the README shows what the CLI really prints for every example', { timeout: 120_000 }, async () => {
  const readme = readmeBlocks(readFileSync(join(REPO_ROOT, 'README.md'), 'utf8'));
  const actual = await runExamples();
  for (const example of EXAMPLES) {
    const shown = readme.get(example.id);
    assert.ok(shown !== undefined, `README.md lacks the block <!-- cli-example:${example.id} -->`);
    assert.equal(normalize(shown), normalize(actual.get(example.id) ?? ''), `README example "${example.id}" drifted: run node out/test/cli/readme/generate.js`);
  }
});
