// docs/rules.md is what users read to configure severities: its table must list exactly the codes
// the language service reports, in the registry's order, with their real default severities.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { RULE_CODES } from '../../common/src/language/ruleCodes';

const rulesDoc = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'rules.md'), 'utf8');

void test('docs/rules.md lists every rule code with its default severity, and no other', () => {
  const rows = [...rulesDoc.matchAll(/^\| `([a-z]+\.[a-z-]+)` \| (error|warning|information|hint) \|/gm)].map(([, code, severity]) => [code, severity]);
  const expected = Object.entries(RULE_CODES).map(([code, info]) => [code, info.severity]);
  assert.deepEqual(rows, expected);
});

void test('docs/rules.md names the setting that changes a severity, with every value it accepts', () => {
  assert.match(rulesDoc, /zenmlAppRunner\.validation\.severity/);
  for (const value of ['error', 'warning', 'information', 'hint', 'off']) assert.match(rulesDoc, new RegExp(`\`${value}\``));
});
