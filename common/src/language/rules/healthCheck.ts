// Health checks: a path set while the protocol is TCP (App Runner ignores it), and the grace
// period App Runner does not have.
import { factsAt } from '../../domain/schemaFacts';
import type { NodeRef } from '../deployerDocument';
import { deleteEntry, setValue } from '../edits';
import { deployerEntry, fix, type Rule, type RuleContext } from './rule';

function reportIgnoredPath(ctx: RuleContext, ref: NodeRef, label: string): void {
  ctx.report({
    code: 'health.path-ignored',
    range: ctx.doc.rangeOfKey(ref),
    message:
      `${label} is ignored: health_check_protocol is TCP${ctx.settings.explicitDeployerKeys.has('health_check_protocol') ? '' : ' (the default)'}, ` +
      'so App Runner only checks that the port accepts connections. Set health_check_protocol: HTTP to check the path.',
    fixes: () => [fix('Set health_check_protocol to HTTP', setValue(ctx.doc, [...ctx.deployerPath, 'health_check_protocol'], 'HTTP'), true)],
  });
}

export const healthCheckRule: Rule = {
  name: 'healthCheck',
  check(ctx) {
    const protocolWritten = deployerEntry(ctx, 'health_check_protocol') !== undefined;
    const protocolValid = ctx.settings.explicitDeployerKeys.has('health_check_protocol');
    if (ctx.settings.deployer.health_check_protocol === 'TCP' && (protocolValid || !protocolWritten)) {
      const healthPath = ctx.doc.get(['deployment', 'health_path']);
      if (healthPath) reportIgnoredPath(ctx, healthPath, 'deployment.health_path');
      // Outside deployer files ZenML ignores health_check_path whatever the protocol (see deprecated.ts).
      const oldPath = ctx.doc.hasDeploymentBlock ? deployerEntry(ctx, 'health_check_path') : undefined;
      if (oldPath) reportIgnoredPath(ctx, oldPath, 'health_check_path');
    }
    const grace = deployerEntry(ctx, 'health_check_grace_period_seconds');
    if (grace) {
      const reason = factsAt([...ctx.deployerPath, 'health_check_grace_period_seconds'])?.ignoredReason ?? 'App Runner has no such setting.';
      ctx.report({
        code: 'health.grace-period',
        range: ctx.doc.rangeOfEntry(grace),
        message: `health_check_grace_period_seconds has no effect: ${reason} To give a slow-starting app more time, raise health_check_unhealthy_threshold or health_check_interval_seconds.`,
        tags: ['unnecessary'],
        fixes: () => [fix('Remove health_check_grace_period_seconds', deleteEntry(ctx.doc, grace))],
      });
    }
  },
};
