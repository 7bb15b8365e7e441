// Our document-to-data conversion against the library's `toJS()`: wherever it answers, the data
// must be identical, key order and own `__proto__` properties included; where the library
// cannot convert a document, ours must not answer. Mutations are seeded: set
// PLAIN_DATA_SEED to replay a run (the seed is printed on failure).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { DEPLOYER_PARSE_OPTIONS } from '../../../common/src/language/deployerDocument';
import { plainData } from '../../../common/src/language/plainData';
import { largeDeployerText } from '../../bench/support/fixtures';
import { loadSeeds } from '../../fuzz/support/corpus';
import { mutate } from '../../fuzz/support/mutate';
import { caseSeed, Random, replayHint, seedFromEnv } from '../../fuzz/support/random';

const SEED = seedFromEnv('PLAIN_DATA_SEED');
const RUNS = 1500;
const REPLAY = replayHint('PLAIN_DATA_SEED', SEED, __filename);

/** Keys in order at every level, so a reordering fails even where deepStrictEqual would not. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (typeof value === 'object' && value !== null) return Object.entries(value).map(([key, item]) => [key, shape(item)]);
  return value;
}

/** Checks every document of `text`; returns how many ours converted and how many it left. */
function check(name: string, text: string): { converted: number; left: number } {
  const counts = { converted: 0, left: 0 };
  for (const doc of parseAllDocuments(text, DEPLOYER_PARSE_OPTIONS)) {
    const ours = plainData(doc);
    let library: { value: unknown } | undefined;
    try {
      library = { value: doc.toJS({ maxAliasCount: 1000 }) as unknown };
    } catch {
      library = undefined;
    }
    const where = `${name} (${REPLAY})\n${JSON.stringify(text)}`;
    if (!ours) {
      counts.left++;
      continue;
    }
    assert.ok(library, `ours converted a document the library cannot: ${where}`);
    assert.deepStrictEqual(ours.value, library.value, where);
    assert.deepStrictEqual(shape(ours.value), shape(library.value), `key order differs: ${where}`);
    counts.converted++;
  }
  return counts;
}

void describe(`plain data from YAML documents (${REPLAY})`, () => {
  void it('equals toJS() on every fixture and the bench file', () => {
    const inputs = [...loadSeeds(), { name: 'bench:large', text: largeDeployerText(0) }];
    let converted = 0;
    for (const { name, text } of inputs) converted += check(name, text).converted;
    assert.ok(converted > inputs.length / 2, `only ${converted} documents converted`);
  });

  void it('equals toJS() on the corners: odd keys, scalar types, flow collections, block scalars, tags', () => {
    const texts = [
      '__proto__: 1\nconstructor: 2\ntoString: {a: 1}\n',
      '1: a\n1.0: b\ntrue: c\n~: d\n: e\n0x1F: f\n',
      'n1: ~\nn2: null\nn3: Null\nn4: NULL\nb1: true\nb2: False\nb3: TRUE\n',
      'i1: 0o17\ni2: 0x1F\ni3: -12\ni4: +3\nf1: .inf\nf2: -.Inf\nf3: .nan\nf4: 1e3\nf5: 1.50\nf6: .5\nf7: 3.\n',
      'big: 123456789012345678901234567890\nhex: 0xFFFFFFFFFFFFFFFFFF\n',
      'a: "quoted # not comment"  # comment\nb: \'it\'\'s\'\n"q key": 1\n',
      'a: 1\r\nb:\r\n  c: |\r\n    x\r\n\r\n    y\r\n  d: 2\r\n',
      'a: [1, {b: [c, null, ~, 0.5]}, []]\nb: {}\n',
      'a: |\n  text\nb: >-\n  folded\n  text\n',
      "a: !!str 1\nb: !!int '2'\nc: !custom x\n",
      'a: 1\na: 2\n',
      '- a\n- - b\n  - c\n-\n',
    ];
    for (const [i, text] of texts.entries()) assert.equal(check(`corner ${i}`, text).left, 0, `corner ${i} was left to the library`);
  });

  void it('leaves aliases, merge keys and complex keys to the library', () => {
    for (const text of ['a: &x 1\nb: *x\n', 'b: *nowhere\n', '<<: {a: 1}\n', '? [a, b]\n: 1\n', '? {a: 1}\n: 2\n']) {
      assert.deepEqual(check(text, text), { converted: 0, left: 1 }, text);
    }
  });

  void it(`equals toJS() on ${RUNS} mutations of the fixtures`, () => {
    const corpus = loadSeeds().map((seed) => seed.text);
    let converted = 0;
    for (let index = 0; index < RUNS; index++) {
      const random = new Random(caseSeed(SEED, index));
      const mutated = mutate(random.pick(corpus), random, corpus);
      converted += check(`mutation ${index} [${mutated.applied.join(', ')}]`, mutated.text).converted;
    }
    assert.ok(converted > RUNS / 2, `only ${converted} documents converted`);
  });
});
