// Property test over mutated deployer files (the fuzz corpus and mutations of test/fuzz): every
// fix of every finding applies without overlapping edits; on text that parses cleanly, the fixed
// text still parses cleanly and has one finding fewer with that code and message. Seeded:
// FIX_FUZZ_SEED replays a run (CI runs a fixed seed, local runs a random one, printed), FIX_FUZZ_RUNS sets the number of documents.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import type { Finding } from '../../../common/src/language/types';
import { loadSeeds } from '../../fuzz/support/corpus';
import { mutate } from '../../fuzz/support/mutate';
import { caseSeed, Random, replayHint, seedFromEnv } from '../../fuzz/support/random';
import { applyEdits } from '../../support/applyEdits';
import { validate } from './kit';

const SEED = seedFromEnv('FIX_FUZZ_SEED');
const RUNS = Number(process.env.FIX_FUZZ_RUNS ?? '') || 400;

function parsesCleanly(text: string): boolean {
  return Array.from(parseAllDocuments(text)).every((doc) => doc.errors.length === 0);
}

function count(findings: readonly Finding[], finding: Finding): number {
  return findings.filter((other) => other.code === finding.code && other.message === finding.message).length;
}

void describe(`quick fixes on mutated files (${replayHint('FIX_FUZZ_SEED', SEED, __filename)})`, () => {
  void it(`every fix of ${RUNS} mutated documents applies, keeps the YAML valid and removes its finding`, (t) => {
    const seeds = loadSeeds();
    const corpus = seeds.map((seed) => seed.text);
    const failures: string[] = [];
    let fixes = 0;
    for (let index = 0; index < RUNS && failures.length < 5; index++) {
      const random = new Random(caseSeed(SEED, index));
      const seed = random.pick(seeds);
      const { text, applied } = mutate(seed.text, random, corpus);
      const findings = validate(text);
      const clean = parsesCleanly(text);
      for (const finding of findings) {
        for (const fix of finding.fixes) {
          fixes++;
          const where = `case ${index} (${seed.name}, [${applied.join(', ')}]) ${finding.code} "${fix.title}"`;
          let fixed: string;
          try {
            fixed = applyEdits(text, fix.edits);
          } catch (error) {
            failures.push(`${where}: ${String(error)}\n${text}`);
            continue;
          }
          if (!clean) continue;
          if (!parsesCleanly(fixed)) failures.push(`${where}: broke the YAML\n--- before\n${text}\n--- after\n${fixed}`);
          else if (count(validate(fixed), finding) >= count(findings, finding)) failures.push(`${where}: did not remove the finding\n--- after\n${fixed}`);
        }
      }
    }
    t.diagnostic(`${fixes} fixes checked`);
    assert.deepEqual(failures, []);
  });
});
