import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMemory } from '../../../common/src/domain/memory';
import {
  APP_RUNNER_PAIRS,
  describePair,
  isSupportedPair,
  largestPair,
  matchResources,
  memoryOptionsForCpu,
  nearbyPairs,
  pairsFromCombinations,
  ZENML_DEFAULT_PAIR,
  type MatchOutcome,
  type ResourceRequest,
} from '../../../common/src/domain/resourceMatching';
import { formatCpu, formatMemoryGb, formatNumberG } from '../../../common/src/domain/resourceFormat';

/** GB as ZenML computes it from a memory string. */
function gb(memory: string): number {
  const parsed = parseMemory(memory);
  if (!parsed.ok) throw new Error(`bad memory ${memory}`);
  return parsed.gigabytes;
}

interface Case {
  name: string;
  request: ResourceRequest;
  pairs?: [number, number][];
  kind: MatchOutcome['kind'];
  expected: [number, number];
}

const CASES: Case[] = [
  // The reference's examples.
  { name: 'nothing requested → ZenML default', request: {}, kind: 'default', expected: [0.25, 0.5] },
  { name: '0.3 vCPU → 0.5/1', request: { cpu: 0.3 }, kind: 'rounded', expected: [0.5, 1] },
  { name: '1 vCPU + 5GB → 2/6', request: { cpu: 1, memoryGb: gb('5GB') }, kind: 'rounded', expected: [2, 6] },
  { name: 'only 4GB → 1/4 (tie with 2/4, earlier wins)', request: { memoryGb: gb('4GB') }, kind: 'rounded', expected: [1, 4] },
  { name: 'only 5 vCPU → fallback 4/12', request: { cpu: 5 }, kind: 'fallback', expected: [4, 12] },
  { name: '0.25 vCPU + 500MB → exact 0.25/0.5', request: { cpu: 0.25, memoryGb: gb('500MB') }, kind: 'exact', expected: [0.25, 0.5] },
  // GiB/MiB: binary sizes are a little bigger than their decimal names.
  { name: '1 vCPU + 2GiB → 1/3 (2.147 GB does not fit 2 GB)', request: { cpu: 1, memoryGb: gb('2GiB') }, kind: 'rounded', expected: [1, 3] },
  { name: '1 vCPU + 2GB → exact 1/2', request: { cpu: 1, memoryGb: gb('2GB') }, kind: 'exact', expected: [1, 2] },
  { name: '1 vCPU + 2048MB → 1/3 (2.048 GB)', request: { cpu: 1, memoryGb: gb('2048MB') }, kind: 'rounded', expected: [1, 3] },
  { name: '1 vCPU + 2000MB → exact 1/2', request: { cpu: 1, memoryGb: gb('2000MB') }, kind: 'exact', expected: [1, 2] },
  { name: '2 vCPU + 4GiB → 2/6', request: { cpu: 2, memoryGb: gb('4GiB') }, kind: 'rounded', expected: [2, 6] },
  { name: '0.5 vCPU + 1GiB → 1/2', request: { cpu: 0.5, memoryGb: gb('1GiB') }, kind: 'rounded', expected: [1, 2] },
  { name: 'only 3000MiB → 1/4', request: { memoryGb: gb('3000MiB') }, kind: 'rounded', expected: [1, 4] },
  { name: 'only 512MB → 0.25/1 (tie with 0.5/1)', request: { memoryGb: gb('512MB') }, kind: 'rounded', expected: [0.25, 1] },
  // Only one of the two.
  { name: 'only 1 vCPU → 1/2 (never exact)', request: { cpu: 1 }, kind: 'rounded', expected: [1, 2] },
  { name: 'only 0.25 vCPU → 0.25/0.5', request: { cpu: 0.25 }, kind: 'rounded', expected: [0.25, 0.5] },
  { name: 'only 3 vCPU → 4/8', request: { cpu: 3 }, kind: 'rounded', expected: [4, 8] },
  { name: 'only 0.5GB → 0.25/0.5', request: { memoryGb: gb('500MB') }, kind: 'rounded', expected: [0.25, 0.5] },
  { name: 'only 1GB → 0.25/1 (tie with 0.5/1)', request: { memoryGb: gb('1GB') }, kind: 'rounded', expected: [0.25, 1] },
  { name: 'only 6GB → 2/6', request: { memoryGb: gb('6GB') }, kind: 'rounded', expected: [2, 6] },
  { name: 'only 7GB → 4/8', request: { memoryGb: gb('7GB') }, kind: 'rounded', expected: [4, 8] },
  { name: 'only 13GB → fallback 4/12', request: { memoryGb: gb('13GB') }, kind: 'fallback', expected: [4, 12] },
  // Both, rounded: extra CPU weighs ten times extra memory.
  { name: '2 vCPU + 8GB → 4/8', request: { cpu: 2, memoryGb: 8 }, kind: 'rounded', expected: [4, 8] },
  { name: '0.5 vCPU + 2GB → 1/2', request: { cpu: 0.5, memoryGb: 2 }, kind: 'rounded', expected: [1, 2] },
  { name: '1.5 vCPU + 3GB → 2/4', request: { cpu: 1.5, memoryGb: 3 }, kind: 'rounded', expected: [2, 4] },
  { name: '1 vCPU + 1GB → 1/2', request: { cpu: 1, memoryGb: 1 }, kind: 'rounded', expected: [1, 2] },
  { name: '0.1 vCPU + 100MB → 0.25/0.5', request: { cpu: 0.1, memoryGb: gb('100MB') }, kind: 'rounded', expected: [0.25, 0.5] },
  { name: '4 vCPU + 11GB → 4/12', request: { cpu: 4, memoryGb: 11 }, kind: 'rounded', expected: [4, 12] },
  { name: '4 vCPU + 16GB → fallback 4/12', request: { cpu: 4, memoryGb: 16 }, kind: 'fallback', expected: [4, 12] },
  { name: '0.25 vCPU + 13GB → fallback 4/12', request: { cpu: 0.25, memoryGb: 13 }, kind: 'fallback', expected: [4, 12] },
  // Exact pairs.
  { name: '4 vCPU + 12GB exact', request: { cpu: 4, memoryGb: 12 }, kind: 'exact', expected: [4, 12] },
  { name: '1 vCPU + 4GB exact', request: { cpu: 1, memoryGb: 4 }, kind: 'exact', expected: [1, 4] },
  { name: '0.5 vCPU + 1GB exact', request: { cpu: 0.5, memoryGb: gb('1000MB') }, kind: 'exact', expected: [0.5, 1] },
  // Custom resource_combinations.
  { name: 'custom: nothing requested still 0.25/0.5', request: {}, pairs: [[1, 2], [2, 4]], kind: 'default', expected: [0.25, 0.5] },
  { name: 'custom: 3 vCPU → fallback 2/4', request: { cpu: 3 }, pairs: [[1, 2], [2, 4]], kind: 'fallback', expected: [2, 4] },
  { name: 'custom: 3GB → 2/4', request: { memoryGb: 3 }, pairs: [[1, 2], [2, 4]], kind: 'rounded', expected: [2, 4] },
  { name: 'custom: unsorted list is sorted first', request: { cpu: 0.5 }, pairs: [[4, 8], [1, 2], [0.5, 3]], kind: 'rounded', expected: [0.5, 3] },
  { name: 'custom: fallback is the largest by (cpu, memory)', request: { cpu: 8 }, pairs: [[4, 8], [1, 16], [4, 2]], kind: 'fallback', expected: [4, 8] },
  { name: 'custom: memory-only prefers zero score', request: { memoryGb: 2 }, pairs: [[1, 12], [2, 2]], kind: 'rounded', expected: [2, 2] },
  { name: 'custom: exact match', request: { cpu: 1, memoryGb: 12 }, pairs: [[1, 12], [2, 2]], kind: 'exact', expected: [1, 12] },
];

/**
 * `../shared/reference/zenml-deployer.md`, "CPU/memory matching", step by step over its list of
 * pairs: an oracle independent of the implementation's code.
 */
function referenceMatch({ cpu, memoryGb }: ResourceRequest): MatchOutcome {
  const pairs: [number, number][] = [[0.25, 0.5], [0.25, 1], [0.5, 1], [1, 2], [1, 3], [1, 4], [2, 4], [2, 6], [4, 8], [4, 10], [4, 12]];
  const outcome = (kind: MatchOutcome['kind'], [c, m]: [number, number]): MatchOutcome => ({ kind, pair: { cpu: c, memoryGb: m } });
  if (cpu === undefined && memoryGb === undefined) return outcome('default', [0.25, 0.5]);
  let best: { score: number; pair: [number, number] } | undefined;
  for (const pair of pairs) {
    if (pair[0] === cpu && pair[1] === memoryGb) return outcome('exact', pair);
    if ((cpu !== undefined && pair[0] < cpu) || (memoryGb !== undefined && pair[1] < memoryGb)) continue;
    const score = 10 * (cpu === undefined ? 0 : pair[0] - cpu) + (memoryGb === undefined ? 0 : pair[1] - memoryGb);
    if (!best || score < best.score) best = { score, pair };
  }
  return best ? outcome('rounded', best.pair) : outcome('fallback', [4, 12]);
}

void describe('matchResources', () => {
  for (const c of CASES) {
    void it(c.name, () => {
      const pairs = c.pairs ? pairsFromCombinations(c.pairs) : undefined;
      const outcome = matchResources(c.request, pairs);
      assert.deepEqual(outcome, { kind: c.kind, pair: { cpu: c.expected[0], memoryGb: c.expected[1] } });
    });
  }

  void it("agrees with the reference's algorithm, written out from its text, on a grid of requests", () => {
    const cpus = [undefined, 0.1, 0.25, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 4, 5];
    const memories = [undefined, 0.1, 0.5, 0.512, 1, 1.5, 2, 3, 4, 5, 6, 7, 8, 10, 12, 13];
    for (const cpu of cpus) {
      for (const memoryGb of memories) {
        const request: ResourceRequest = { cpu, memoryGb };
        assert.deepEqual(matchResources(request), referenceMatch(request), JSON.stringify(request));
      }
    }
  });

  void it('returns copies, never the shared constants', () => {
    const outcome = matchResources({ cpu: 4, memoryGb: 12 });
    outcome.pair.cpu = 99;
    assert.equal(APP_RUNNER_PAIRS[APP_RUNNER_PAIRS.length - 1].cpu, 4);
    const fallback = matchResources({});
    fallback.pair.cpu = 99;
    assert.equal(ZENML_DEFAULT_PAIR.cpu, 0.25);
  });

  void it('treats an empty pair list as the App Runner pairs', () => {
    assert.deepEqual(matchResources({ cpu: 1 }, []).pair, { cpu: 1, memoryGb: 2 });
  });
});

void describe('App Runner pairs', () => {
  void it('are the 11 supported pairs, sorted, from the schema', () => {
    assert.deepEqual(
      APP_RUNNER_PAIRS.map((pair) => [pair.cpu, pair.memoryGb]),
      [[0.25, 0.5], [0.25, 1], [0.5, 1], [1, 2], [1, 3], [1, 4], [2, 4], [2, 6], [4, 8], [4, 10], [4, 12]],
    );
  });

  void it('format as the strings App Runner accepts', () => {
    const cpu = /^(0\.25|0\.5|1|2|4) vCPU$/;
    const memory = /^(0\.5|1|2|3|4|6|8|10|12) GB$/;
    for (const pair of APP_RUNNER_PAIRS) {
      assert.match(formatCpu(pair.cpu), cpu);
      assert.match(formatMemoryGb(pair.memoryGb), memory);
    }
  });

  void it('lists memory options per vCPU and knows supported pairs', () => {
    assert.deepEqual(memoryOptionsForCpu(1), [2, 3, 4]);
    assert.deepEqual(memoryOptionsForCpu(0.25), [0.5, 1]);
    assert.deepEqual(memoryOptionsForCpu(3), []);
    assert.equal(isSupportedPair({ cpu: 2, memoryGb: 6 }), true);
    assert.equal(isSupportedPair({ cpu: 2, memoryGb: 8 }), false);
  });

  void it('largestPair is 4 vCPU / 12 GB, or the largest custom pair', () => {
    assert.deepEqual(largestPair(), { cpu: 4, memoryGb: 12 });
    assert.deepEqual(largestPair(pairsFromCombinations([[2, 4], [1, 8]])), { cpu: 2, memoryGb: 4 });
  });
});

void describe('nearbyPairs', () => {
  void it("puts ZenML's pick first, then the closest", () => {
    assert.deepEqual(nearbyPairs({ cpu: 1, memoryGb: 5 }), [
      { cpu: 2, memoryGb: 6 },
      { cpu: 1, memoryGb: 4 },
      { cpu: 1, memoryGb: 3 },
    ]);
  });

  void it('offers the biggest pairs for an oversized request', () => {
    assert.deepEqual(nearbyPairs({ cpu: 5 }), [
      { cpu: 4, memoryGb: 12 },
      { cpu: 4, memoryGb: 8 },
      { cpu: 4, memoryGb: 10 },
    ]);
  });

  void it('honours the limit and custom pairs', () => {
    assert.deepEqual(nearbyPairs({ cpu: 1, memoryGb: gb('2GiB') }, APP_RUNNER_PAIRS, 2), [
      { cpu: 1, memoryGb: 3 },
      { cpu: 1, memoryGb: 2 },
    ]);
    assert.deepEqual(nearbyPairs({ cpu: 3 }, pairsFromCombinations([[1, 2], [2, 4]]), 5), [
      { cpu: 2, memoryGb: 4 },
      { cpu: 1, memoryGb: 2 },
    ]);
    assert.deepEqual(nearbyPairs({ cpu: 1 }, APP_RUNNER_PAIRS, 0), []);
  });
});

void describe('formatting', () => {
  const cases: [number, string][] = [
    [0.25, '0.25'],
    [0.5, '0.5'],
    [1, '1'],
    [12, '12'],
    [2.147483648, '2.14748'],
    [1e-5, '1e-05'],
    [1234567, '1.23457e+06'],
    [0.0001, '0.0001'],
  ];
  for (const [value, expected] of cases) {
    void it(`formats ${value} like Python's "g" → ${expected}`, () => {
      assert.equal(formatNumberG(value), expected);
    });
  }

  void it('writes the strings ZenML sends', () => {
    assert.equal(formatCpu(0.25), '0.25 vCPU');
    assert.equal(formatCpu(1), '1 vCPU');
    assert.equal(formatMemoryGb(0.5), '0.5 GB');
    assert.equal(formatMemoryGb(2), '2 GB');
    assert.equal(describePair({ cpu: 2, memoryGb: 6 }), '2 vCPU / 6 GB');
    assert.equal(describePair({ cpu: 0.25, memoryGb: 0.5 }), '0.25 vCPU / 0.5 GB');
  });
});
