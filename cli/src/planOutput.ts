// How a deploy plan reads in a terminal: what changes, then the AWS calls in order.
import { callTarget } from '../../common/src/deploy/calls';
import type { DeployPlan, PlanCall } from '../../common/src/deploy/engine';

const VERBS: Record<DeployPlan['action'], string> = {
  create: 'create',
  update: 'update',
  replace: 'REPLACE',
  none: 'no changes to',
};

export function planText(plan: DeployPlan): string {
  const lines = [`Plan: ${VERBS[plan.action]} deployment "${plan.deploymentName}" (service ${plan.serviceName}, ${plan.region})`];
  if (plan.action === 'none') lines.push('  Everything is as the file says; a deploy makes no change.');
  lines.push(...plan.changes.map((change) => `  ${change}`));
  if (plan.calls.length > 0) {
    lines.push('AWS calls, in order:');
    plan.calls.forEach((call, index) => lines.push(`  ${index + 1}. ${call.service} ${call.operation} ${callTarget(call)}${(plan.steps.cleanup as readonly PlanCall[]).includes(call) ? ' (after the service is up)' : ''}`));
  }
  if (plan.notes.length > 0) lines.push('Notes:', ...plan.notes.map((note) => `  ${note}`));
  return `${lines.join('\n')}\n`;
}
