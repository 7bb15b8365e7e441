// CPU/memory: what ZenML deploys for `settings.resources` (its matching reproduced exactly by
// the domain), strict matching, requests above the largest size, custom resource_combinations,
// and the resource settings App Runner ignores.
import { isScalar, isSeq, type Node } from 'yaml';
import { formatGigabytes } from '../../domain/memory';
import {
  APP_RUNNER_PAIRS,
  describePair,
  isSupportedPair,
  largestPair,
  matchResources,
  nearbyPairs,
  pairsFromCombinations,
  samePair,
  type ResourcePair,
  type ResourceRequest,
} from '../../domain/resourceMatching';
import { formatNumberG } from '../../domain/resourceFormat';
import { factsAt, knownKeys } from '../../domain/schemaFacts';
import { resourceRequest } from '../../domain/settingsModel';
import type { NodeRef } from '../deployerDocument';
import { deleteEntry, setEntries, type Entry } from '../edits';
import type { Fix, Range, Related } from '../types';
import { memoryForGigabytes } from './memory';
import { deployerComputed, deployerEntry, fix, RESOURCES_PATH, type Rule, type RuleContext } from './rule';

/** The memory spelling a fix writes for a pair: `2GB`, `500MB` for 0.5 GB. */
function memoryText(gb: number): string {
  return memoryForGigabytes(gb) ?? `${Math.round(gb * 1000)}MB`;
}

/** The request as the user wrote it: `1 vCPU with 2GiB (2.15 GB)`, `5GB of memory`, `0.3 vCPU`. */
function describeRequest(request: ResourceRequest, memoryWritten: string | undefined): string {
  const cpu = request.cpu === undefined ? undefined : `${formatNumberG(request.cpu)} vCPU`;
  let memory: string | undefined;
  if (request.memoryGb !== undefined) {
    const gb = formatGigabytes(request.memoryGb);
    const written = memoryWritten ?? `${gb}GB`;
    memory = written === `${gb}GB` ? written : `${written} (${gb} GB)`;
  }
  if (cpu !== undefined && memory !== undefined) return `${cpu} with ${memory}`;
  return cpu ?? `${memory ?? 'nothing'} of memory`;
}

/** A fix that sets cpu_count and memory to a pair, writing only what differs from the request. */
function pairFix(ctx: RuleContext, pair: ResourcePair, request: ResourceRequest, title: string, preferred: boolean): Fix | undefined {
  const entries: Entry[] = [];
  if (request.cpu !== pair.cpu) entries.push(['cpu_count', pair.cpu]);
  if (request.memoryGb !== pair.memoryGb) entries.push(['memory', memoryText(pair.memoryGb)]);
  if (entries.length === 0) return undefined;
  return fix(title, setEntries(ctx.doc, RESOURCES_PATH, entries), preferred);
}

function pairFixes(ctx: RuleContext, request: ResourceRequest, pairs: readonly ResourcePair[], first: ResourcePair, firstTitle: string): (Fix | undefined)[] {
  const fixes = [pairFix(ctx, first, request, firstTitle, true)];
  for (const pair of nearbyPairs(request, pairs, 4)) {
    if (samePair(pair, first) || fixes.length >= 4) continue;
    fixes.push(pairFix(ctx, pair, request, `Use ${describePair(pair)}`, false));
  }
  return fixes;
}

function checkRequest(ctx: RuleContext): void {
  const { doc, settings } = ctx;
  const cpuRef = doc.get([...RESOURCES_PATH, 'cpu_count']);
  const memoryRef = doc.get([...RESOURCES_PATH, 'memory']);
  const request = resourceRequest(settings.resources);
  // A value the schema or the memory rule already rejects: no guess about what it means.
  if (cpuRef && request.cpu === undefined) return;
  if (memoryRef && request.memoryGb === undefined) return;
  if (request.cpu === undefined && request.memoryGb === undefined) return;
  // What ZenML deploys depends on these; a value computed at run time is not guessed.
  if (deployerComputed(ctx, 'strict_resource_matching', 'resource_combinations')) return;

  const pairs = pairsFromCombinations(settings.deployer.resource_combinations);
  const strict = settings.deployer.strict_resource_matching;
  const outcome = matchResources(request, pairs);
  const memoryWritten = settings.resources.memory;
  const asked = describeRequest(request, memoryWritten);
  const valueRange = (ref: NodeRef | undefined, other: NodeRef | undefined): Range =>
    ref ? doc.rangeOfValue(ref) : other ? doc.rangeOfValue(other) : doc.rangeOfKey(doc.get(RESOURCES_PATH) ?? doc.root);
  // The pair's other written value: the finding sits on one, and names the other as related, so
  // its quick fixes are offered on both lines while the Problems panel counts one problem.
  const pairedWith = (ref: NodeRef | undefined, other: NodeRef | undefined): Related[] | undefined =>
    ref && other ? [{ range: doc.rangeOfValue(other), message: `${String(other.path[other.path.length - 1])}, the other half of this pair` }] : undefined;
  const custom = settings.explicitDeployerKeys.has('resource_combinations');
  const sizes = custom ? 'size in resource_combinations' : 'App Runner size';
  const aSize = custom ? 'a size in resource_combinations' : 'an App Runner size';

  if (outcome.kind === 'fallback') {
    const largest = largestPair(pairs);
    const cpuTooBig = request.cpu !== undefined && request.cpu > largest.cpu;
    const memoryTooBig = request.memoryGb !== undefined && request.memoryGb > largest.memoryGb;
    const onCpu = cpuTooBig || !memoryTooBig;
    const range = onCpu ? valueRange(cpuRef, memoryRef) : valueRange(memoryRef, cpuRef);
    const consequence = strict
      ? 'with strict_resource_matching ZenML refuses to deploy it'
      : `ZenML would silently deploy ${describePair(outcome.pair)} instead, less than you asked for`;
    ctx.report({
      code: 'resources.exceeds-largest',
      range,
      related: onCpu ? pairedWith(cpuRef, memoryRef) : pairedWith(memoryRef, cpuRef),
      message: `${asked} is more than the largest ${sizes} (${describePair(largest)}); ${consequence}. Lower the request to a supported pair.`,
      fixes: () => pairFixes(ctx, request, pairs, largest, `Use the largest size, ${describePair(largest)}`),
    });
    return;
  }
  if (outcome.kind !== 'rounded') return;
  const pick = outcome.pair;
  const partial = request.cpu === undefined || request.memoryGb === undefined;
  if (strict && partial) {
    const given = request.cpu !== undefined ? 'cpu_count' : 'memory';
    const missing = request.cpu !== undefined ? 'memory' : 'cpu_count';
    const missingText = missing === 'memory' ? memoryText(pick.memoryGb) : formatNumberG(pick.cpu);
    ctx.report({
      code: 'resources.strict-partial',
      range: valueRange(cpuRef, memoryRef),
      message:
        `strict_resource_matching is on but only ${given} is set (${asked}): ZenML fails unless cpu_count and memory ` +
        `together are exactly a supported pair. Add ${missing}: ${missingText} (${describePair(pick)}).`,
      fixes: () => pairFixes(ctx, request, pairs, pick, `Add ${missing}: ${missingText} (${describePair(pick)})`),
    });
    return;
  }
  // Only one value given and it is exactly the picked pair's value: ZenML's choice is the obvious one.
  if (partial && (request.cpu === pick.cpu || request.memoryGb === pick.memoryGb)) return;
  const message = strict
    ? `${asked} is not ${aSize}, and strict_resource_matching is on: ZenML refuses to deploy it (without strict matching it would deploy ${describePair(pick)}). Choose a valid pair.`
    : `${asked} is not ${aSize}; ZenML will deploy ${describePair(pick)} instead. Choose a valid pair to be explicit.`;
  ctx.report({
    code: 'resources.cpu-memory-pair',
    severity: strict ? 'error' : undefined,
    range: valueRange(cpuRef, memoryRef),
    related: pairedWith(cpuRef, memoryRef),
    message,
    fixes: () => pairFixes(ctx, request, pairs, pick, `Use ${describePair(pick)}${strict ? '' : ' (what ZenML deploys)'}`),
  });
}

function numberAt(node: unknown): number | undefined {
  return isScalar(node) && typeof node.value === 'number' ? node.value : undefined;
}

function checkCombinations(ctx: RuleContext): void {
  const ref = deployerEntry(ctx, 'resource_combinations');
  if (!ref || !isSeq(ref.value)) return;
  const known = APP_RUNNER_PAIRS.map(describePair).join(', ');
  for (const item of ref.value.items as (Node | null)[]) {
    if (!isSeq(item) || item.items.length !== 2 || !item.range) continue;
    const cpu = numberAt(item.items[0]);
    const memoryGb = numberAt(item.items[1]);
    if (cpu === undefined || memoryGb === undefined || cpu <= 0 || memoryGb <= 0) continue;
    if (isSupportedPair({ cpu, memoryGb })) continue;
    ctx.report({
      code: 'resources.unsupported-combination',
      range: ctx.doc.source.range(item.range[0], item.range[1]),
      message: `[${cpu}, ${memoryGb}] is not a size App Runner offers, so a deploy that picks it fails. App Runner's sizes: ${known}.`,
    });
  }
}

function checkIgnored(ctx: RuleContext): void {
  for (const key of knownKeys(RESOURCES_PATH)) {
    const facts = factsAt([...RESOURCES_PATH, key]);
    if (!facts?.appRunnerIgnored) continue;
    const ref = ctx.doc.get([...RESOURCES_PATH, key]);
    if (!ref || (isScalar(ref.value) && (ref.value.value === null || ref.value.value === 0))) continue;
    ctx.report({
      code: 'resources.ignored',
      range: ctx.doc.rangeOfKey(ref),
      message: `App Runner ignores ${key}: ${facts.ignoredReason ?? 'the setting has no effect on this deployer.'}`,
      tags: ['unnecessary'],
      fixes: () => [fix(`Remove ${key}`, deleteEntry(ctx.doc, ref))],
    });
  }
}

export const resourcesRule: Rule = {
  name: 'resources',
  check(ctx) {
    checkRequest(ctx);
    checkCombinations(ctx);
    checkIgnored(ctx);
  },
};

