// The fast block-YAML parser against the yaml library: whenever it answers, its documents must
// equal the library's in every node property but comments (ranges included), the library must
// have found no problem, and validation must give the same findings. Random inputs are seeded:
// set BLOCK_YAML_SEED to replay a run (the seed is printed on failure), BLOCK_YAML_RUNS to
// change the number of random documents.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDeployerFile } from '../../../common/src/language/deployerDocument';
import { parseBlockYaml } from '../../../common/src/language/blockYaml';
import { validateText } from '../../../common/src/language/validate';
import { largeDeployerText } from '../../bench/support/fixtures';
import { loadSeeds } from '../../fuzz/support/corpus';
import { mutate } from '../../fuzz/support/mutate';
import { caseSeed, Random, replayHint, seedFromEnv } from '../../fuzz/support/random';
import { compareParsers } from './blockYamlCompare';
import { EDGE_CASES, randomBlockDocument } from './blockYamlSamples';

const SEED = seedFromEnv('BLOCK_YAML_SEED');
const RUNS = Number(process.env.BLOCK_YAML_RUNS ?? '') || 3000;
const REPLAY = replayHint('BLOCK_YAML_SEED', SEED, __filename);

const seeds = loadSeeds();
const corpus = seeds.map((seed) => seed.text);

/** Fixtures and generated files the fast path must take (all valid ones and the bench files). */
const MUST_BE_FAST: readonly { name: string; text: string }[] = [
  ...seeds.filter((seed) => /^test[\\/]fixtures[\\/](valid|lsp|cli[\\/]valid)/.test(seed.name) || seed.name.startsWith('bench:')),
  { name: 'bench:large', text: largeDeployerText(0) },
  { name: 'bench:large variant', text: largeDeployerText(1) },
];

/** Which path `text` takes; throws when the fast parser answers differently from the library. */
function checkAgainstLibrary(name: string, text: string): 'fast' | 'fallback' {
  const result = compareParsers(text);
  if (!result) return 'fallback';
  assert.equal(result.libraryProblems, 0, `${name}: the fast parser answered where the library reports a problem (${REPLAY})\n${JSON.stringify(text)}`);
  assert.deepStrictEqual(result.fast, result.library, `${name}: the fast parser differs from the library (${REPLAY})\n${JSON.stringify(text)}`);
  return 'fast';
}

function checkValidation(name: string, text: string): void {
  const message = `${name}: findings differ between the parsers (${REPLAY})\n${JSON.stringify(text)}`;
  assert.deepStrictEqual(validateText(text), validateText(text, { yamlLibraryOnly: true }), message);
}

void describe(`fast block-YAML parser (${REPLAY})`, () => {
  void it('takes the fast path on every valid fixture and the bench files, with the same documents as the library', () => {
    assert.ok(MUST_BE_FAST.length >= 14, `only ${MUST_BE_FAST.length} files to check`);
    for (const { name, text } of MUST_BE_FAST) assert.equal(checkAgainstLibrary(name, text), 'fast', `${name} fell back to the library`);
  });

  void it('agrees with the library on every fixture and hand-picked edge case', (t) => {
    const inputs = [...seeds, ...EDGE_CASES.map((text, i) => ({ name: `edge case ${i}`, text }))];
    let fast = 0;
    for (const { name, text } of inputs) if (checkAgainstLibrary(name, text) === 'fast') fast++;
    t.diagnostic(`${fast} of ${inputs.length} took the fast path`);
    // Both outcomes must really occur: the edge cases hold texts on either side of the subset.
    assert.ok(fast > 20 && fast < inputs.length - 20);
  });

  void it(`agrees with the library, and validates alike, on ${RUNS} random block documents and ${RUNS} mutations`, (t) => {
    let fast = 0;
    const check = (name: string, text: string): void => {
      if (checkAgainstLibrary(name, text) === 'fallback') return;
      fast++;
      checkValidation(name, text);
    };
    for (let index = 0; index < RUNS; index++) {
      const random = new Random(caseSeed(SEED, index));
      const text = randomBlockDocument(random);
      check(`random document ${index}`, text);
      const mutated = mutate(random.chance(0.5) ? text : random.pick(corpus), random, corpus);
      check(`mutation ${index} [${mutated.applied.join(', ')}]`, mutated.text);
    }
    t.diagnostic(`${fast} of ${2 * RUNS} took the fast path`);
    assert.ok(fast > RUNS / 2, `only ${fast} of ${2 * RUNS} random texts took the fast path: the generator no longer exercises it`);
  });

  void it('gives the same findings through validateText with either parser on every fixture and edge case', () => {
    for (const { name, text } of [...seeds, ...MUST_BE_FAST]) checkValidation(name, text);
    for (const [i, text] of EDGE_CASES.entries()) checkValidation(`edge case ${i}`, text);
  });

  void it('leaves duplicate keys to parseDeployerFile, which reports them on the fast path too', () => {
    const text = 'deployment:\n  name: a\n  name: b\nsettings:\n  resources:\n    memory: 2GB\n';
    assert.ok(parseBlockYaml(text));
    const codes = (yamlLibraryOnly: boolean): string[] =>
      parseDeployerFile(text, { yamlLibraryOnly }).documents.flatMap((doc) => doc.yaml.errors.map((error) => `${error.code}@${error.pos.join('-')}`));
    assert.deepEqual(codes(false), ['DUPLICATE_KEY@24-28']);
    assert.deepEqual(codes(false), codes(true));
  });
});
