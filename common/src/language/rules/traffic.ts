// `traffic_allocation`: the percentages must add up to 100; and App Runner cannot split traffic
// at all, so anything but everything to LATEST does not describe what happens.
import { isScalar } from 'yaml';
import { factsAt } from '../../domain/schemaFacts';
import type { NodeRef } from '../deployerDocument';
import { replaceValue } from '../edits';
import type { Fix } from '../types';
import { deployerEntry, fix, type Rule, type RuleContext } from './rule';

/** One share set to 100, or LATEST adjusted so the shares add up to 100. */
function sumFix(ctx: RuleContext, entries: readonly NodeRef[], sum: number): Fix | undefined {
  if (entries.length === 1) return fix(`Set ${String(entries[0].path[entries[0].path.length - 1])} to 100`, replaceValue(ctx.doc, entries[0], 100), true);
  const latest = entries.find((entry) => entry.path[entry.path.length - 1] === 'LATEST');
  if (!latest || !isScalar(latest.value) || typeof latest.value.value !== 'number') return undefined;
  const adjusted = latest.value.value + 100 - sum;
  return adjusted >= 0 && adjusted <= 100 ? fix(`Set LATEST to ${adjusted}`, replaceValue(ctx.doc, latest, adjusted), true) : undefined;
}

function check(ctx: RuleContext): void {
  const ref = deployerEntry(ctx, 'traffic_allocation');
  if (!ref) return;
  const entries = ctx.doc.entries(ref.path);
  if (entries.length === 0) return;
  let sum = 0;
  for (const entry of entries) {
    if (!isScalar(entry.value) || typeof entry.value.value !== 'number' || !Number.isFinite(entry.value.value)) return;
    sum += entry.value.value;
  }
  if (sum !== 100) {
    ctx.report({
      code: 'traffic.sum',
      range: ctx.doc.rangeOfKey(ref),
      message: `traffic_allocation adds up to ${sum}%, not 100%: the shares of all revisions must total 100. Adjust the percentages.`,
      fixes: () => [sumFix(ctx, entries, sum)],
    });
    return;
  }
  const onlyLatest = entries.length === 1 && entries[0].path[entries[0].path.length - 1] === 'LATEST';
  if (onlyLatest) return;
  const reason = factsAt([...ctx.deployerPath, 'traffic_allocation'])?.ignoredReason ?? 'App Runner cannot split traffic.';
  ctx.report({
    code: 'traffic.ignored',
    range: ctx.doc.rangeOfKey(ref),
    message: `This traffic split has no effect: ${reason} Only {LATEST: 100} describes what happens.`,
  });
}

export const trafficRule: Rule = { name: 'traffic', check };
