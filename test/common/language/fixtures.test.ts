// The fixture files: every valid one gives no finding at all; every invalid one gives exactly
// the codes its `# expect:` header lists, and each of their fixes applies and clears its finding.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertEveryFixApplies, DESIGN_EXAMPLE, fixtureNames, fixtureText, validate } from './kit';

void describe('fixtures', () => {
  void it("the design's full example gives zero findings", () => {
    assert.deepEqual(validate(DESIGN_EXAMPLE), []);
  });

  for (const name of fixtureNames('valid')) {
    void it(`valid/${name} gives zero findings`, () => {
      const findings = validate(fixtureText('valid', name));
      assert.deepEqual(findings.map((f) => `${f.range.start.line}: ${f.code}: ${f.message}`), []);
    });
  }

  for (const name of fixtureNames('invalid')) {
    void it(`invalid/${name} gives exactly the expected codes, and every fix applies`, () => {
      const text = fixtureText('invalid', name);
      const header = /^# expect: (.+)$/m.exec(text);
      assert.ok(header, 'the fixture needs a "# expect: code, code" header');
      const expected = header[1].split(',').map((code) => code.trim()).sort();
      const actual = [...new Set(validate(text).map((finding) => finding.code))].sort();
      assert.deepEqual(actual, expected);
      assertEveryFixApplies(text);
    });
  }
});
