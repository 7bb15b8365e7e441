// Property test over mutated Python pipeline modules and run configs: checking never throws, every
// fix applies without overlapping edits, and on text that parses cleanly the fixed text still
// parses (Python by Lezer's Python grammar, YAML by the yaml library) and has one finding fewer with that code
// and message. Seeded: SOURCES_FUZZ_SEED replays a run (CI runs a fixed seed, local runs a random
// one, printed); SOURCES_FUZZ_RUNS sets the number of mutated files.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { parsePython } from '../../../common/src/language/python/pythonParser';
import { pythonSource } from '../../../common/src/language/python/pythonSource';
import { hasSyntaxError } from '../../../common/src/language/python/syntax';
import { yamlSource } from '../../../common/src/language/sources/sourceFile';
import type { Finding } from '../../../common/src/language/types';
import { validateSource } from '../../../common/src/language/validate';
import { caseSeed, Random, replayHint, seedFromEnv } from '../../fuzz/support/random';
import { applyEdits } from '../../support/applyEdits';
import { fixtureText } from './kit';

const SEED = seedFromEnv('SOURCES_FUZZ_SEED');
const RUNS = Number(process.env.SOURCES_FUZZ_RUNS ?? '') || 300;

/** Small edits a user makes while typing, or that break the text: the values and brackets that matter here. */
const PIECES = ['1', '2', '0.5', '5GB', '"5GB"', "'0.5GB'", '6GB', 'memory=', 'cpu_count=', ',', '(', ')', '{', '}', '"', "'", ':', '\n', ' ', '**x', 'port=8080', 'strict_resource_matching=True', '#', 'None', 'f"{x}GB"'];

function mutate(text: string, random: Random): { text: string; applied: string[] } {
  let out = text;
  const applied: string[] = [];
  for (let i = random.between(1, 3); i > 0; i--) {
    const at = random.int(out.length + 1);
    if (random.chance(0.4)) {
      const length = random.between(1, 6);
      applied.push(`delete ${length} at ${at}`);
      out = out.slice(0, at) + out.slice(at + length);
    } else {
      const piece = random.pick(PIECES);
      applied.push(`insert ${JSON.stringify(piece)} at ${at}`);
      out = out.slice(0, at) + piece + out.slice(at);
    }
  }
  return { text: out, applied };
}

function count(findings: readonly Finding[], finding: Finding): number {
  return findings.filter((other) => other.code === finding.code && other.message === finding.message).length;
}

const KINDS = {
  python: {
    seeds: () => [fixtureText('python', 'weather_pipeline.py'), fixtureText('python', 'inference_pipelines.py')],
    check: (text: string) => validateSource(pythonSource(text)),
    parses: (text: string) => !hasSyntaxError(parsePython(text)),
  },
  'run-config': {
    seeds: () => [fixtureText('runconfig', 'problems.yaml'), fixtureText('runconfig', 'valid', 'deploy-weather.yaml')],
    check: (text: string) => validateSource(yamlSource(text)),
    parses: (text: string) => Array.from(parseAllDocuments(text)).every((doc) => doc.errors.length === 0),
  },
} as const;

void describe(`run configs and Python, mutated (${replayHint('SOURCES_FUZZ_SEED', SEED, __filename)})`, () => {
  for (const [kind, { seeds, check, parses }] of Object.entries(KINDS)) {
    void it(`${kind}: ${RUNS} mutated files are checked without throwing; every fix applies, keeps the syntax valid and removes its finding`, (t) => {
      const corpus = seeds();
      const failures: string[] = [];
      let fixes = 0;
      for (let index = 0; index < RUNS && failures.length < 5; index++) {
        const random = new Random(caseSeed(SEED, index));
        const { text, applied } = mutate(random.pick(corpus), random);
        const where = `case ${index} [${applied.join(', ')}]`;
        let findings: Finding[];
        try {
          findings = check(text);
        } catch (error) {
          failures.push(`${where}: threw ${String(error)}`);
          continue;
        }
        const clean = parses(text);
        for (const finding of findings) {
          for (const fix of finding.fixes) {
            fixes++;
            let fixed: string;
            try {
              fixed = applyEdits(text, fix.edits);
            } catch (error) {
              failures.push(`${where} ${finding.code} "${fix.title}": ${String(error)}`);
              continue;
            }
            if (!clean) continue;
            if (!parses(fixed)) failures.push(`${where} ${finding.code} "${fix.title}": broke the syntax\n--- after\n${fixed}`);
            else if (count(check(fixed), finding) >= count(findings, finding)) failures.push(`${where} ${finding.code} "${fix.title}": did not remove the finding\n--- after\n${fixed}`);
          }
        }
      }
      t.diagnostic(`${fixes} fixes checked`);
      assert.deepEqual(failures, []);
    });
  }
});
