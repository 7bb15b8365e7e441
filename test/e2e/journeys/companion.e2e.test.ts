// The extension-host suite (test/e2e/companion/src/suite.ts) inside the real code-server: the
// companion extension runs it on startup and writes one result per check; each becomes a test here.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { RUNS_DIR } from '../support/paths';
import { Session } from '../support/session';
import { waitFor } from '../support/waits';

interface SuiteResults {
  vscodeVersion: string;
  error?: string;
  results: { name: string; passed: boolean; message: string; durationMs: number }[];
}

const resultsFile = join(RUNS_DIR, `companion-results-${process.pid}.json`);
let session: Session | undefined;
let suite: SuiteResults | undefined;

before(async () => {
  session = await Session.start('companion', { companionResults: resultsFile });
  // The companion opens files itself; the page only has to stay open while it runs.
  suite = await waitFor('the companion extension to write its results', () => (existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as SuiteResults) : undefined), 240_000, 250);
  session.workbench.beginJourney('companion-suite');
  await session.workbench.screenshot('after-suite');
}, { timeout: 300_000 });

after(async () => {
  await session?.stop();
});

void test('the companion suite ran in VS Code 1.100', () => {
  assert.ok(suite, 'no results');
  assert.equal(suite.error, undefined, suite.error);
  assert.match(suite.vscodeVersion, /^1\.100\./);
  assert.ok(suite.results.length >= 5, `${suite.results.length} checks`);
});

// One test per check, so a failure names the check and carries its message.
void test('every extension-host check passes', async (t) => {
  assert.ok(suite);
  for (const result of suite.results) {
    await t.test(result.name, () => assert.ok(result.passed, result.message));
  }
});
