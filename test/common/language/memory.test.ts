// Memory strings ZenML rejects: one error on the value (replacing the schema's pattern error),
// with a fix to the equivalent spelling ZenML accepts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertFixClears, codes, one, preferred, range, yaml } from './kit';

function withMemory(value: string): string {
  return yaml('deployment:', '  name: x', 'settings:', '  resources:', `    memory: ${value}`);
}

const SPELLINGS: [string, string][] = [
  ['0.5GB', '500MB'],
  ['2G', '2GB'],
  ['512Mi', '512MiB'],
  ['2gb', '2GB'],
  ['1.5GB', '1500MB'],
  ['4 GB', '4GB'],
];

void describe('memory.spelling', () => {
  for (const [written, fixed] of SPELLINGS) {
    void it(`${written} → ${fixed}`, () => {
      const text = withMemory(written);
      assert.deepEqual(codes(text), ['memory.spelling'], 'exactly one finding: no schema.pattern duplicate');
      const finding = one(text, 'memory.spelling');
      assert.equal(finding.severity, 'error');
      assert.deepEqual(finding.range, range(4, 12, 12 + written.length));
      assert.match(finding.message, new RegExp(`^memory "${written}" is not a size ZenML accepts: it must be a whole number followed by one of the units KB, KiB, MB, MiB, GB`));
      assert.ok(finding.message.endsWith(`Write "${fixed}".`));
      assert.equal(preferred(finding).title, `Change memory to ${fixed}`);
      const after = assertFixClears(text, preferred(finding), 'memory.spelling', { allowOthers: ['resources.cpu-memory-pair'] });
      assert.equal(after, withMemory(fixed));
    });
  }

  void it('a YAML number (memory: 2) is an error with the fix 2GB', () => {
    const text = withMemory('2');
    assert.deepEqual(codes(text), ['memory.spelling']);
    const finding = one(text, 'memory.spelling');
    assert.deepEqual(finding.range, range(4, 12, 13));
    assert.match(finding.message, /^memory 2 is a bare number, which ZenML rejects/);
    assert.equal(assertFixClears(text, preferred(finding), 'memory.spelling'), withMemory('2GB'));
  });

  void it('memory: 0.5 becomes 500MB', () => {
    assert.equal(assertFixClears(withMemory('0.5'), preferred(one(withMemory('0.5'), 'memory.spelling')), 'memory.spelling'), withMemory('500MB'));
  });

  void it('gibberish has no fix but still one clear error', () => {
    const finding = one(withMemory('lots'), 'memory.spelling');
    assert.deepEqual(finding.fixes, []);
    assert.deepEqual(codes(withMemory('lots')), ['memory.spelling']);
  });

  void it('a quoted value keeps its range inside the quotes out of the fix', () => {
    const text = withMemory('"2G"');
    const finding = one(text, 'memory.spelling');
    assert.deepEqual(finding.range, range(4, 12, 16));
    assert.equal(assertFixClears(text, preferred(finding), 'memory.spelling'), withMemory('2GB'));
  });

  void it('valid spellings are quiet', () => {
    for (const value of ['2GB', '500MB', '1000MB', '4GB', '12GB']) assert.deepEqual(codes(withMemory(value)), [], value);
  });
});
