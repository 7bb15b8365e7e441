// Deployer keys ZenML dropped (`port`, `health_check_path`): the port and health path now come from
// the pipeline's deployment settings. In a zenml.deployer.yaml (which this extension deploys) they
// are deprecated and move to `deployment`; in a run config or Python, where ZenML deploys, ZenML
// ignores them, so they are flagged where written with where they moved.
import { factsAt } from '../../domain/schemaFacts';
import type { NodeRef } from '../settingsTree';
import { deleteEntry, moveEntry } from '../edits';
import type { RuleCode } from '../ruleCodes';
import { deployerEntry, fix, type Rule, type RuleContext } from './rule';

interface Move {
  key: string;
  /** Where a deployer file keeps it: `deployment.<target>`. */
  target: string;
  code: RuleCode;
  /** Where ZenML reads it now: the pipeline's deployment settings, `settings.deployment.<zenmlTarget>`. */
  zenmlTarget: string;
  /** What ZenML does instead, completing "ZenML ignores <key> …: ". */
  instead: string;
}

const MOVES: readonly Move[] = [
  {
    key: 'port',
    target: 'port',
    code: 'deprecated.port',
    zenmlTarget: 'uvicorn_port',
    instead: 'App Runner is sent the port of the pipeline\'s deployment settings, uvicorn_port (8000 unless set)',
  },
  {
    key: 'health_check_path',
    target: 'health_path',
    code: 'deprecated.health-check-path',
    zenmlTarget: 'health_url_path',
    instead: 'the HTTP health check path is root_url_path + api_url_path + health_url_path of the pipeline\'s deployment settings (/health unless set)',
  },
];

const DEPLOYMENT_SETTINGS = ['settings', 'deployment'];

function checkDeployerFile(ctx: RuleContext, ref: NodeRef, move: Move): void {
  const { key, target, code } = move;
  const facts = factsAt([...ctx.deployerPath, key]);
  const message = facts?.deprecatedMessage ?? `settings.deployer.${key} is deprecated; set deployment.${target} instead.`;
  const fixes = (): ReturnType<typeof fix>[] =>
    ctx.doc.get(['deployment', target]) !== undefined
      ? [fix(`Remove ${key} (deployment.${target} is set)`, deleteEntry(ctx.doc, ref), true)]
      : [fix(`Move to deployment.${target}`, moveEntry(ctx.doc, ref, ['deployment'], target), true)];
  ctx.report({ code, range: ctx.doc.rangeOfKey(ref), message, tags: ['deprecated'], fixes });
}

/** Run configs and Python: ZenML ignores the key; say where it moved, move it when the syntax allows. */
function checkZenmlSettings(ctx: RuleContext, ref: NodeRef, move: Move): void {
  const { key, zenmlTarget, instead } = move;
  const where = `${DEPLOYMENT_SETTINGS.join('.')}.${zenmlTarget}`;
  const alreadySet = ctx.doc.get([...DEPLOYMENT_SETTINGS, zenmlTarget]) !== undefined;
  ctx.report({
    code: 'settings.ignored-by-zenml',
    range: ctx.doc.rangeOfKey(ref),
    message:
      `ZenML no longer has ${key} in the App Runner deployer settings and ignores it: ${instead}. ` +
      `Set ${zenmlTarget} in the pipeline's deployment settings (${where}) instead.`,
    tags: ['deprecated'],
    fixes: () => {
      const moved = alreadySet ? undefined : moveEntry(ctx.doc, ref, DEPLOYMENT_SETTINGS, zenmlTarget);
      const removeTitle = alreadySet ? `Remove ${key} (${where} is set)` : `Remove ${key}`;
      return [fix(`Move to ${where}`, moved, true), fix(removeTitle, deleteEntry(ctx.doc, ref), moved === undefined)];
    },
  });
}

export const deprecatedRule: Rule = {
  name: 'deprecated',
  check(ctx) {
    for (const move of MOVES) {
      const ref = deployerEntry(ctx, move.key);
      if (!ref) continue;
      if (ctx.doc.hasDeploymentBlock) checkDeployerFile(ctx, ref, move);
      else checkZenmlSettings(ctx, ref, move);
    }
  },
};
