// Deprecated deployer keys (`port`, `health_check_path`): ZenML now reads them from its
// deployment settings; the fix moves them to `deployment` (or drops them when already set there).
import { factsAt } from '../../domain/schemaFacts';
import { deleteEntry, moveEntry } from '../edits';
import type { RuleCode } from '../ruleCodes';
import { deployerEntry, fix, type Rule, type RuleContext } from './rule';

const MOVES: readonly { key: string; target: string; code: RuleCode }[] = [
  { key: 'port', target: 'port', code: 'deprecated.port' },
  { key: 'health_check_path', target: 'health_path', code: 'deprecated.health-check-path' },
];

function check(ctx: RuleContext, key: string, target: string, code: RuleCode): void {
  const ref = deployerEntry(ctx, key);
  if (!ref) return;
  const facts = factsAt([...ctx.deployerPath, key]);
  const message = facts?.deprecatedMessage ?? `settings.deployer.${key} is deprecated; set deployment.${target} instead.`;
  const fixes = (): ReturnType<typeof fix>[] =>
    ctx.doc.get(['deployment', target]) !== undefined
      ? [fix(`Remove ${key} (deployment.${target} is set)`, deleteEntry(ctx.doc, ref), true)]
      : [fix(`Move to deployment.${target}`, moveEntry(ctx.doc, ref, ['deployment'], target), true)];
  ctx.report({ code, range: ctx.doc.rangeOfKey(ref), message, tags: ['deprecated'], fixes });
}

export const deprecatedRule: Rule = {
  name: 'deprecated',
  check(ctx) {
    for (const { key, target, code } of MOVES) check(ctx, key, target, code);
  },
};
