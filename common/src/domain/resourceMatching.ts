// The CPU/memory pair ZenML's App Runner deployer deploys for a request, reproduced exactly,
// plus helpers for messages and quick fixes.
import { formatCpu, formatMemoryGb } from './resourceFormat';
import { schemaDefault } from './schemaFacts';

export interface ResourcePair {
  cpu: number;
  memoryGb: number;
}

/** What `settings.resources` asks for: vCPUs and memory in GB (10^9 bytes); absent = not asked. */
export interface ResourceRequest {
  cpu?: number;
  memoryGb?: number;
}

/**
 * - `default`: nothing requested, ZenML deploys 0.25 vCPU / 0.5 GB;
 * - `exact`: the request is a supported pair;
 * - `rounded`: ZenML deploys the cheapest bigger pair;
 * - `fallback`: no pair is big enough and ZenML silently deploys the largest one.
 */
export type MatchOutcome = { kind: 'default' | 'exact' | 'rounded' | 'fallback'; pair: ResourcePair };

/** Converts `[vCPU, GB]` tuples (the `resource_combinations` format) to pairs. */
export function pairsFromCombinations(combinations: readonly (readonly [number, number])[]): ResourcePair[] {
  return combinations.map(([cpu, memoryGb]) => ({ cpu, memoryGb }));
}

function readAppRunnerPairs(): readonly ResourcePair[] {
  const combinations = schemaDefault(['settings', 'deployer', 'resource_combinations']);
  if (!Array.isArray(combinations) || combinations.length === 0) {
    throw new Error('The schema has no default resource_combinations');
  }
  return Object.freeze(pairsFromCombinations(combinations as [number, number][]).map((pair) => Object.freeze(pair)));
}

/** The 11 pairs App Runner supports (the schema default of `resource_combinations`), sorted. */
export const APP_RUNNER_PAIRS: readonly ResourcePair[] = readAppRunnerPairs();

/** What ZenML deploys when neither `cpu_count` nor `memory` is set, whatever the pair list. */
export const ZENML_DEFAULT_PAIR: ResourcePair = Object.freeze({ cpu: 0.25, memoryGb: 0.5 });

/** Pairs sorted by (cpu, memory), as Python sorts tuples; stable. */
export function sortPairs(pairs: readonly ResourcePair[]): ResourcePair[] {
  return [...pairs].sort((a, b) => a.cpu - b.cpu || a.memoryGb - b.memoryGb);
}

function usablePairs(pairs: readonly ResourcePair[]): ResourcePair[] {
  // The schema forbids an empty list; should one arrive anyway, use App Runner's pairs.
  return sortPairs(pairs.length > 0 ? pairs : APP_RUNNER_PAIRS);
}

/**
 * The pair ZenML deploys for a request, with ZenML's exact algorithm and float arithmetic:
 * walk the pairs sorted by (cpu, memory); a pair equal to the request in both values ends the
 * walk; otherwise a pair qualifies when it has at least the requested cpu and memory (a value
 * not requested always qualifies) and scores `10 × cpu surplus + memory surplus` (a value not
 * requested adds 0); the first lowest score wins; when none qualifies, the largest pair.
 * No epsilon: the same IEEE operations as ZenML give the same answers (2GiB = 2.147483648 GB
 * does not fit a 2 GB pair; 512MB is exactly 0.512 GB).
 */
export function matchResources(request: ResourceRequest, pairs: readonly ResourcePair[] = APP_RUNNER_PAIRS): MatchOutcome {
  const { cpu, memoryGb } = request;
  if (cpu === undefined && memoryGb === undefined) return { kind: 'default', pair: { ...ZENML_DEFAULT_PAIR } };
  const sorted = usablePairs(pairs);
  let best: ResourcePair | undefined;
  let bestScore = Infinity;
  for (const pair of sorted) {
    if (pair.cpu === cpu && pair.memoryGb === memoryGb) return { kind: 'exact', pair: { ...pair } };
    const cpuOk = cpu === undefined || pair.cpu >= cpu;
    const memoryOk = memoryGb === undefined || pair.memoryGb >= memoryGb;
    if (!cpuOk || !memoryOk) continue;
    const cpuWaste = cpu === undefined ? 0 : pair.cpu - cpu;
    const memoryWaste = memoryGb === undefined ? 0 : pair.memoryGb - memoryGb;
    const score = cpuWaste * 10 + memoryWaste;
    if (score < bestScore) {
      bestScore = score;
      best = pair;
    }
  }
  if (best) return { kind: 'rounded', pair: { ...best } };
  return { kind: 'fallback', pair: { ...sorted[sorted.length - 1] } };
}

/**
 * Up to `limit` pairs close to the request, for quick fixes: the pair ZenML picks first, then
 * the others by `10 × |cpu difference| + |memory difference|` (values not requested count 0),
 * ties in (cpu, memory) order. With nothing requested, the smallest pairs.
 */
export function nearbyPairs(request: ResourceRequest, pairs: readonly ResourcePair[] = APP_RUNNER_PAIRS, limit = 3): ResourcePair[] {
  if (limit <= 0) return [];
  const sorted = usablePairs(pairs);
  const pick = matchResources(request, sorted).pair;
  const distance = (pair: ResourcePair): number =>
    (request.cpu === undefined ? 0 : Math.abs(pair.cpu - request.cpu) * 10) +
    (request.memoryGb === undefined ? 0 : Math.abs(pair.memoryGb - request.memoryGb));
  const others = sorted
    .filter((pair) => !samePair(pair, pick))
    .map((pair, index) => ({ pair, index, distance: distance(pair) }))
    .sort((a, b) => a.distance - b.distance || a.index - b.index)
    .map(({ pair }) => pair);
  const result: ResourcePair[] = [];
  for (const pair of [pick, ...others]) {
    if (!result.some((taken) => samePair(taken, pair))) result.push({ ...pair });
    if (result.length === limit) break;
  }
  return result;
}

export function samePair(a: ResourcePair, b: ResourcePair): boolean {
  return a.cpu === b.cpu && a.memoryGb === b.memoryGb;
}

/** True when the pair is one of `pairs` (exactly). */
export function isSupportedPair(pair: ResourcePair, pairs: readonly ResourcePair[] = APP_RUNNER_PAIRS): boolean {
  return pairs.some((candidate) => samePair(candidate, pair));
}

/** The memory sizes (GB, ascending) offered with a given vCPU count, e.g. 1 → [2, 3, 4]. */
export function memoryOptionsForCpu(cpu: number, pairs: readonly ResourcePair[] = APP_RUNNER_PAIRS): number[] {
  return sortPairs(pairs).filter((pair) => pair.cpu === cpu).map((pair) => pair.memoryGb);
}

/** The largest pair in (cpu, memory) order: what ZenML falls back to. */
export function largestPair(pairs: readonly ResourcePair[] = APP_RUNNER_PAIRS): ResourcePair {
  const sorted = usablePairs(pairs);
  return { ...sorted[sorted.length - 1] };
}

/** A pair for messages, e.g. `2 vCPU / 6 GB`. */
export function describePair(pair: ResourcePair): string {
  return `${formatCpu(pair.cpu)} / ${formatMemoryGb(pair.memoryGb)}`;
}
