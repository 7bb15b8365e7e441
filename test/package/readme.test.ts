// The README's rule table is what users read to configure severities: it must list exactly the
// codes the language service reports, with their real default severities.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { RULE_CODES } from '../../common/src/language/ruleCodes';

const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');

void test('the README rule table lists every rule code with its default severity, and no other', () => {
  const rows = [...readme.matchAll(/^\| `([a-z]+\.[a-z-]+)` \| (error|warning|information|hint) \|/gm)].map(([, code, severity]) => [code, severity]);
  const expected = Object.entries(RULE_CODES).map(([code, info]) => [code, info.severity]);
  assert.deepEqual(rows, expected);
});
