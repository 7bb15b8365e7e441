// The plan a deploy shows before it changes anything, as a Markdown document: what changes, the
// AWS calls in order, notes, and the exact (redacted) inputs. Pure, so tests read it.
import { callTarget } from '../../../common/src/deploy/calls';
import { planToJson, type DeployPlan, type PlanCall } from '../../../common/src/deploy/plan';

const HEADLINES: Record<DeployPlan['action'], string> = {
  create: 'creates',
  update: 'updates',
  replace: 'REPLACES (deletes and creates again: new URL, downtime)',
  none: 'changes nothing in',
};

// A change line starts with +, ~ or - (as the CLI prints it); in Markdown a leading sign would start
// a nested list, so the document says it in a word.
const SIGNS: Record<string, string> = { '+': '**add**', '~': '**change**', '-': '**remove**' };

function changeItem(change: string): string {
  const sign = /^([+~-]) /.exec(change)?.[1];
  return sign ? `- ${SIGNS[sign]} ${change.slice(2)}` : `- ${change}`;
}

export function planDocument(plan: DeployPlan, fileLabel: string): string {
  const lines = [
    `# Plan: ${plan.deploymentName}`,
    '',
    `Deploying \`${fileLabel}\` ${HEADLINES[plan.action]} App Runner service **${plan.serviceName}** in ${plan.region}.`,
    '',
    '## Changes',
    '',
    ...(plan.action === 'none' ? ['Everything is as the file says: nothing to do.'] : plan.changes.map(changeItem)),
  ];
  if (plan.calls.length > 0) {
    lines.push('', '## AWS calls, in order', '');
    plan.calls.forEach((call, index) => lines.push(`${index + 1}. \`${call.service}:${call.operation}\` ${callTarget(call)}${(plan.steps.cleanup as readonly PlanCall[]).includes(call) ? ' (after the service is up)' : ''}`));
  }
  if (plan.notes.length > 0) lines.push('', '## Notes', '', ...plan.notes.map((note) => `- ${note}`));
  if (plan.calls.length > 0) {
    lines.push('', '## Exact inputs (secret values redacted)', '', '```json', JSON.stringify(planToJson(plan), null, 2), '```');
  }
  const text = `${lines.join('\n')}\n`;
  // Belt and braces: a secret value never reaches the document, whatever a change line says.
  return plan.secretValues.filter((value) => value.length > 0).reduce((shown, value) => shown.split(value).join('<redacted>'), text);
}

/** `${env:NAME}` references of a deployment's secrets: the names to find in the environment or ask for. */
export function envReferences(secrets: Record<string, string> | undefined): { key: string; envName: string }[] {
  return Object.entries(secrets ?? {}).flatMap(([key, value]) => {
    const match = /^\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(value.trim());
    return match ? [{ key, envName: match[1] }] : [];
  });
}
