// The values worth offering for a setting: for `memory` the sizes App Runner pairs with the
// chosen `cpu_count`, for `cpu_count` the CPUs that go with the chosen memory, otherwise the
// schema's enum, booleans, default and examples.
import { parseMemory } from '../../domain/memory';
import {
  describePair,
  matchResources,
  pairsFromCombinations,
  sortPairs,
  type ResourcePair,
  type ResourceRequest,
} from '../../domain/resourceMatching';
import { formatNumberG } from '../../domain/resourceFormat';
import type { SettingFacts } from '../../domain/schemaFacts';
import { resolveSettings } from '../../domain/settingsModel';
import type { Path } from '../deployerDocument';
import { enumValueMeaning, yamlValue } from './schemaDocs';
import { choicesOf } from './snippets';

export interface ValueCandidate {
  /** The value as written in YAML. */
  text: string;
  detail?: string;
  /** Markdown, when the value has a meaning of its own. */
  documentation?: string;
}

/** A memory size as ZenML accepts it: `2GB`, `500MB` for half a GB. */
export function memoryText(gb: number): string {
  return Number.isInteger(gb) ? `${gb}GB` : `${Math.round(gb * 1000)}MB`;
}

function unique(values: number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

/** `→ 1 vCPU / 2 GB`, with `(rounded up)` when ZenML would not deploy the request as is. */
function outcomeDetail(request: ResourceRequest, pairs: readonly ResourcePair[]): string {
  const outcome = matchResources(request, pairs);
  const note = outcome.kind === 'rounded' ? ' (ZenML rounds up)' : outcome.kind === 'fallback' ? ' (too big: largest size)' : '';
  return `→ ${describePair(outcome.pair)}${note}`;
}

function memoryCandidates(cpu: number | undefined, pairs: readonly ResourcePair[]): ValueCandidate[] {
  const exact = cpu === undefined ? [] : sortPairs(pairs).filter((pair) => pair.cpu === cpu).map((pair) => pair.memoryGb);
  const sizes = exact.length > 0 ? exact : unique(pairs.map((pair) => pair.memoryGb));
  return sizes.map((gb) => ({ text: memoryText(gb), detail: outcomeDetail({ cpu, memoryGb: gb }, pairs) }));
}

function cpuCandidates(memoryGb: number | undefined, pairs: readonly ResourcePair[]): ValueCandidate[] {
  const exact = memoryGb === undefined ? [] : sortPairs(pairs).filter((pair) => pair.memoryGb === memoryGb).map((pair) => pair.cpu);
  const cpus = exact.length > 0 ? exact : unique(pairs.map((pair) => pair.cpu));
  return cpus.map((cpu) => ({ text: formatNumberG(cpu), detail: outcomeDetail({ cpu, memoryGb }, pairs) }));
}

function schemaCandidates(facts: SettingFacts): ValueCandidate[] {
  const choices = choicesOf(facts);
  const values = choices ?? [facts.default, ...(facts.examples ?? [])].filter((value) => value !== undefined && typeof value !== 'object');
  const candidates = values.map((value): ValueCandidate => {
    const meaning = enumValueMeaning(facts, value);
    return { text: yamlValue(value), detail: value === facts.default ? 'default' : undefined, documentation: meaning };
  });
  // `null` in an enum means "unset" (e.g. the profile's region): offer it, but last.
  if (facts.enum?.includes(null)) candidates.push({ text: 'null', detail: facts.default === null ? 'default' : undefined });
  return dedupe(candidates);
}

function dedupe(candidates: ValueCandidate[]): ValueCandidate[] {
  const seen = new Set<string>();
  return candidates.filter((candidate) => !seen.has(candidate.text) && seen.add(candidate.text));
}

/** Candidates for the value at `path` of a document whose plain data is `json`. */
export function valueCandidates(path: Path, facts: SettingFacts, json: unknown): ValueCandidate[] {
  if (path[0] === 'settings' && path[1] === 'resources' && path.length === 3) {
    const file = resolveSettings(json);
    const pairs = pairsFromCombinations(file.deployer.resource_combinations);
    if (path[2] === 'memory') return memoryCandidates(file.resources.cpu_count, pairs);
    if (path[2] === 'cpu_count') {
      const memory = file.resources.memory === undefined ? undefined : parseMemory(file.resources.memory);
      return cpuCandidates(memory?.ok ? memory.gigabytes : undefined, pairs);
    }
  }
  return schemaCandidates(facts);
}
