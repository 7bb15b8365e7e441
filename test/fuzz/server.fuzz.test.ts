// Fuzzing the language service and the language server with mutated and truncated deployer
// files. Seeded: set FUZZ_SEED to replay a run (the seed is printed on failure), FUZZ_RUNS to
// change the number of in-process documents, FUZZ_LSP_ROUNDS the number of LSP rounds,
// ZENML_SERVER_SCRIPT to fuzz another server build than dist/server.js.
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import { validateText } from '../../common/src/language/validate';
import type { ValidationOptions } from '../../common/src/language/types';
import { checkFindings, LineTable } from './support/checks';
import { loadSeeds } from './support/corpus';
import { runLspFuzz } from './support/lspFuzz';
import { mutate } from './support/mutate';
import { caseSeed, Random, replayHint, seedFromEnv } from './support/random';
import { describeFailures, errorText, type FuzzFailure } from './support/report';
import { languageFeatureChecks } from './support/features';

const SEED = seedFromEnv('FUZZ_SEED');
const RUNS = Number(process.env.FUZZ_RUNS ?? '') || 3000;
const LSP_ROUNDS = Number(process.env.FUZZ_LSP_ROUNDS ?? '') || 30;
/** A single small document taking longer than this in-process is a performance bug. */
const SLOW_DOCUMENT_MS = 5000;

const seeds = loadSeeds();
const corpus = seeds.map((seed) => seed.text);

function randomOptions(random: Random): ValidationOptions {
  if (!random.chance(0.1)) return {};
  const code = random.pick(['yaml.syntax', 'resources.cpu-memory-pair', 'schema.enum', 'unknown.code']);
  return { severityOverrides: { [code]: random.pick(['off', 'hint', 'warning', 'error', 'information'] as const) } };
}

void describe(`fuzz (${replayHint('FUZZ_SEED', SEED, __filename)})`, () => {
  void it(`language service survives ${RUNS} mutated documents in-process`, (t) => {
    const failures: FuzzFailure[] = [];
    const slowest = { ms: 0, index: -1, applied: [] as string[], seedName: '' };
    let findingsTotal = 0;
    let featureCalls = 0;
    let processed = 0;
    const start = performance.now();
    for (let index = 0; index < RUNS && failures.length < 5; index++) {
      processed++;
      const random = new Random(caseSeed(SEED, index));
      const seed = random.pick(seeds);
      const { text, applied } = mutate(seed.text, random, corpus);
      const lines = new LineTable(text);
      const problems: string[] = [];
      const t0 = performance.now();
      try {
        const findings = validateText(text, randomOptions(random));
        problems.push(...checkFindings(lines, findings));
        findingsTotal += Array.isArray(findings) ? findings.length : 0;
      } catch (error) {
        problems.push(`validateText threw: ${errorText(error)}`);
      }
      const features = languageFeatureChecks(text, lines, random, index);
      problems.push(...features.problems);
      featureCalls += features.calls;
      const elapsed = performance.now() - t0;
      if (elapsed > slowest.ms) Object.assign(slowest, { ms: elapsed, index, applied, seedName: seed.name });
      if (elapsed > SLOW_DOCUMENT_MS) problems.push(`took ${elapsed.toFixed(0)} ms (limit ${SLOW_DOCUMENT_MS} ms)`);
      if (problems.length > 0) failures.push({ layer: 'in-process', index, seedName: seed.name, applied, text, problems });
    }
    const seconds = (performance.now() - start) / 1000;
    t.diagnostic(
      `${processed} documents (of ${RUNS}; stops after 5 failures) from ${seeds.length} seeds in ${seconds.toFixed(1)} s; ${findingsTotal} findings, ${featureCalls} feature calls (hover, completion, symbols, inlay hints, document model); ` +
        `slowest ${slowest.ms.toFixed(1)} ms (case ${slowest.index}, ${slowest.seedName}, [${slowest.applied.join(', ')}])`,
    );
    if (failures.length > 0) assert.fail(describeFailures(SEED, replayHint('FUZZ_SEED', SEED, __filename), failures));
  });

  void it(`language server answers ${LSP_ROUNDS} rounds of rapid edits and requests over LSP`, { timeout: 90_000 }, async (t) => {
    const result = await runLspFuzz({ seed: SEED, rounds: LSP_ROUNDS, seeds, serverScript: process.env.ZENML_SERVER_SCRIPT || undefined });
    t.diagnostic(
      `${result.documents} documents in ${result.rounds} rounds, ${result.requests} requests (${result.cancelled} cancelled, ` +
        `${result.unsupported.length ? `not offered: ${result.unsupported.join(', ')}` : 'all features offered'}), ` +
        `${result.seconds.toFixed(1)} s; slowest final diagnostics ${result.slowestDiagnosticsMs.toFixed(0)} ms`,
    );
    if (result.failures.length > 0) assert.fail(describeFailures(SEED, replayHint('FUZZ_SEED', SEED, __filename), result.failures));
  });
});
