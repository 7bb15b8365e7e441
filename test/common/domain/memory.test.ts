import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatGigabytes, MEMORY_UNITS, parseMemory, suggestMemorySpelling } from '../../../common/src/domain/memory';

void describe('MEMORY_UNITS', () => {
  void it("lists ZenML's units in its order with their byte sizes", () => {
    assert.deepEqual(
      MEMORY_UNITS.map((unit) => [unit.unit, unit.bytes]),
      [
        ['KB', 1e3],
        ['KiB', 1024],
        ['MB', 1e6],
        ['MiB', 1024 ** 2],
        ['GB', 1e9],
        ['GiB', 1024 ** 3],
        ['TB', 1e12],
        ['TiB', 1024 ** 4],
        ['PB', 1e15],
        ['PiB', 1024 ** 5],
      ],
    );
  });
});

void describe('parseMemory', () => {
  const valid: [string, number, number][] = [
    ['2GB', 2e9, 2],
    ['2GiB', 2 * 1024 ** 3, 2.147483648],
    ['512MB', 512e6, 0.512],
    ['500MB', 5e8, 0.5],
    ['512MiB', 512 * 1024 ** 2, 0.536870912],
    ['1000KB', 1e6, 0.001],
    ['1TB', 1e12, 1000],
    ['0GB', 0, 0],
    ['007GB', 7e9, 7],
  ];
  for (const [text, bytes, gigabytes] of valid) {
    void it(`parses ${text}`, () => {
      assert.deepEqual(parseMemory(text), { ok: true, bytes, gigabytes });
    });
  }

  const rejected = ['0.5GB', '512Mi', '2G', '2gb', '2 GB', '2048', '', 'GB', '-1GB', '2GB ', ' 2GB', '2Gb', '1e3MB', '2B'];
  for (const text of rejected) {
    void it(`rejects ${JSON.stringify(text)} like ZenML`, () => {
      assert.deepEqual(parseMemory(text), { ok: false });
    });
  }
});

void describe('suggestMemorySpelling', () => {
  const suggestions: [string, string | undefined][] = [
    ['0.5GB', '500MB'],
    ['2G', '2GB'],
    ['512Mi', '512MiB'],
    ['2gb', '2GB'],
    ['1.5GB', '1500MB'],
    ['1.5GiB', '1536MiB'],
    ['2 GB', '2GB'],
    ['2048', undefined],
    ['2GIB', '2GiB'],
    ['4gi', '4GiB'],
    ['0.25GB', '250MB'],
    ['1.25GiB', '1280MiB'],
    ['2.0GB', '2GB'],
    ['.5G', '500MB'],
    ['512m', '512MB'],
    [' 1GB ', '1GB'],
    ['0.0001KB', undefined], // no unit below KB in ZenML's list
    ['2GB', undefined], // already valid
    ['lots', undefined],
    ['2XB', undefined],
    ['-1GB', undefined],
  ];
  for (const [text, expected] of suggestions) {
    void it(`${JSON.stringify(text)} → ${String(expected)}`, () => {
      assert.equal(suggestMemorySpelling(text), expected);
    });
  }

  void it('always suggests a spelling ZenML accepts with the same size', () => {
    for (const [, expected] of suggestions) {
      if (expected === undefined) continue;
      assert.equal(parseMemory(expected).ok, true, expected);
    }
    const parsed = parseMemory('1536MiB');
    assert.ok(parsed.ok && parsed.bytes === 1.5 * 1024 ** 3);
  });
});

void describe('formatGigabytes', () => {
  const cases: [number, string][] = [
    [2, '2'],
    [0.5, '0.5'],
    [2.147483648, '2.15'],
    [0.512, '0.51'],
    [12, '12'],
    [0, '0'],
    [0.001, '0.001'],
    [0.000123, '0.00012'],
  ];
  for (const [value, expected] of cases) {
    void it(`${value} → ${expected}`, () => {
      assert.equal(formatGigabytes(value), expected);
    });
  }
});
