// Never throw, always return ranges inside the text, and fixes that apply: on every prefix of
// the fixtures (truncated documents) and on odd inputs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import type { Finding } from '../../../common/src/language/types';
import { applyEdits } from '../../support/applyEdits';
import { fixtureNames, fixtureText, validate } from './kit';

function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.length);
}

function checkShape(text: string, findings: Finding[]): void {
  const lengths = lineLengths(text);
  for (const finding of findings) {
    for (const position of [finding.range.start, finding.range.end, ...finding.fixes.flatMap((fix) => fix.edits.flatMap((edit) => [edit.range.start, edit.range.end]))]) {
      assert.ok(position.line >= 0 && position.line < lengths.length, `${finding.code}: line ${position.line} outside the text`);
      assert.ok(position.character >= 0 && position.character <= lengths[position.line], `${finding.code}: character ${position.character} past line ${position.line}`);
    }
    assert.ok(finding.message.length > 0 && finding.code.length > 0);
  }
}

/** A fix must never turn parseable YAML into unparseable YAML. */
function checkFixes(text: string, findings: Finding[]): void {
  const parsedBefore = parseAllDocuments(text);
  const errorsBefore = Array.from(parsedBefore).reduce((sum, doc) => sum + doc.errors.length, 0);
  for (const finding of findings) {
    for (const fix of finding.fixes) {
      const fixed = applyEdits(text, fix.edits);
      if (errorsBefore > 0) continue;
      const after = Array.from(parseAllDocuments(fixed)).flatMap((doc) => doc.errors.map((error) => error.message));
      assert.deepEqual(after, [], `"${fix.title}" (${finding.code}) broke the YAML:\n--- before\n${text}\n--- after\n${fixed}`);
    }
  }
}

const SOURCES = [...fixtureNames('valid').map((name) => fixtureText('valid', name)), ...fixtureNames('invalid').map((name) => fixtureText('invalid', name))];

void describe('robustness', () => {
  void it('handles every prefix of every fixture: no throw, ranges in the text, fixes keep YAML valid', () => {
    let documents = 0;
    for (const source of SOURCES) {
      const step = Math.max(1, Math.floor(source.length / 300));
      for (let end = 0; end <= source.length; end += step) {
        const text = source.slice(0, end);
        const findings = validate(text);
        checkShape(text, findings);
        checkFixes(text, findings);
        documents++;
      }
    }
    assert.ok(documents > 100);
  });

  void it('survives odd inputs', () => {
    const odd = [
      '', ' ', '\n\n', '---', '---\n---\n', '~', 'null', '42', '"text"', '[1, 2]', '{}', '[]', ':', '? a\n: b', 'a: *nope', '&a [*a]',
      'deployment: !!binary aGk=', 'deployment:\n  name: !custom x', '\uFEFFdeployment:\n  name: x', 'deployment:\r\n  name: x\r\n',
      'deployment:\r  name: x\r', 'settings:\n  resources:\n    memory: [1]', 'settings:\n  deployer: 5', 'settings: []',
      'deployment:\n  name: {a: 1}', 'deployment:\n  name: x\nsettings:\n  resources:\n    cpu_count: -1\n    memory: 0GB',
      'a: &x [*x, *x]', `${'a:\n'.repeat(200)}`, `${'- '.repeat(300)}x`, `${'['.repeat(200)}`, 'deployment:\n  secrets:\n    "": x',
      'x: &a [1]\ny: &b [*a, *a, *a, *a]\nz: &c [*b, *b, *b, *b]\nw: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ];
    for (const text of odd) {
      const findings = validate(text);
      checkShape(text, findings);
      for (const finding of findings) for (const fix of finding.fixes) applyEdits(text, fix.edits);
    }
  });
});
