// Secrets stay out of the file and out of plain environment variables: deployment secrets as
// `${env:NAME}` references, secret-looking environment variables, literal auth keys, and the
// instance role Secrets Manager needs. Messages never repeat a secret value.
import { ENV_NAME } from '../../domain/schemaMessages';
import { isScalar } from 'yaml';
import type { SchemaError } from '../../domain/schemaValidator';
import type { NodeRef } from '../deployerDocument';
import { deleteEntry, insertEntries, replaceEntry, replaceValue } from '../edits';
import type { Fix, TextEdit } from '../types';
import { deployerEntry, fix, type Rule, type RuleContext } from './rule';

const SECRETS_PATH = ['deployment', 'secrets'];
const SECRET_NAME = /TOKEN|SECRET|PASSWORD|KEY|CREDENTIAL/i;

export function looksSecret(name: string): boolean {
  return SECRET_NAME.test(name);
}

function reference(name: string): string {
  return `\${env:${name}}`;
}

function checkInstanceRole(ctx: RuleContext): void {
  const { deployment, deployer } = ctx.settings;
  if (!deployer.use_secrets_manager || deployer.instance_role_arn !== null) return;
  const ref = ctx.doc.get(SECRETS_PATH);
  if (!ref || Object.keys(deployment.secrets).length === 0) return;
  ctx.report({
    code: 'secrets.instance-role',
    range: ctx.doc.rangeOfKey(ref),
    message:
      'The secrets go to AWS Secrets Manager (use_secrets_manager is on), but without instance_role_arn the service cannot read them and fails to start. ' +
      'Set instance_role_arn to a role that trusts tasks.apprunner.amazonaws.com and may call secretsmanager:GetSecretValue.',
  });
}

/** Removes the plain variable and adds `${env:NAME}` to deployment.secrets (unless already there). */
function moveToSecretsFix(ctx: RuleContext, ref: NodeRef, name: string): Fix | undefined {
  const removal = deleteEntry(ctx.doc, ref);
  const present = ctx.doc.get([...SECRETS_PATH, name]) !== undefined;
  const insertion = present ? undefined : insertEntries(ctx.doc, SECRETS_PATH, [[name, reference(name)]]);
  const edits = removal && (present || insertion) ? [removal, ...(insertion ? [insertion] : [])] : undefined;
  return fix(`Move ${name} to deployment.secrets as ${reference(name)}`, edits, true);
}

function checkPlainEnv(ctx: RuleContext): void {
  for (const ref of ctx.doc.entries([...ctx.deployerPath, 'environment_variables'], looksSecret)) {
    const name = String(ref.path[ref.path.length - 1]);
    if (!isScalar(ref.value)) continue;
    const value: unknown = ref.value.value;
    if (value === null || value === '' || typeof value === 'object') continue;
    const plain = `${name} looks like a secret but is a plain environment variable: its value sits in this file and is visible to anyone who can describe the service. `;
    if (!ctx.doc.hasDeploymentBlock) {
      // ZenML deploys from run configs and Python: its own secrets are the way there.
      ctx.report({
        code: 'secrets.plain-env',
        range: ctx.doc.rangeOfKey(ref),
        message: `${plain}Keep it in a ZenML secret (zenml secret create) and pass that to the deployment instead (the pipeline's secrets).`,
      });
      continue;
    }
    ctx.report({
      code: 'secrets.plain-env',
      range: ctx.doc.rangeOfKey(ref),
      message: `${plain}Move it to deployment.secrets as ${reference(name)} and set ${name} in your environment when deploying.`,
      fixes: () => (ENV_NAME.test(name) ? [moveToSecretsFix(ctx, ref, name)] : []),
    });
  }
}

/** Removes auth_key and turns generate_auth_key on (or writes it in auth_key's place). */
function generateAuthKeyEdits(ctx: RuleContext, ref: NodeRef): TextEdit[] | undefined {
  const generate = deployerEntry(ctx, 'generate_auth_key');
  if (!generate) {
    const replaced = replaceEntry(ctx.doc, ref, [['generate_auth_key', true]]);
    return replaced ? [replaced] : undefined;
  }
  const removal = deleteEntry(ctx.doc, ref);
  const alreadyOn = isScalar(generate.value) && generate.value.value === true;
  const setOn = alreadyOn ? undefined : replaceValue(ctx.doc, generate, true);
  return removal && (alreadyOn || setOn) ? [removal, ...(setOn ? [setOn] : [])] : undefined;
}

function checkAuthKey(ctx: RuleContext): void {
  const ref = deployerEntry(ctx, 'auth_key');
  if (!ref || !isScalar(ref.value) || typeof ref.value.value !== 'string' || ref.value.value === '') return;
  ctx.report({
    code: 'secrets.literal-auth-key',
    range: ctx.doc.rangeOfKey(ref),
    message:
      'auth_key is written into the file, so the key that protects the deployment ends up in version control. ' +
      'Use generate_auth_key: true to let ZenML create a random key instead.',
    fixes: () => [fix('Replace auth_key with generate_auth_key: true', generateAuthKeyEdits(ctx, ref), true)],
  });
}

function isSecretValuePath(path: readonly (string | number)[]): boolean {
  return path.length === 3 && path[0] === 'deployment' && path[1] === 'secrets';
}

function checkReferences(ctx: RuleContext): void {
  for (const ref of ctx.doc.entries(SECRETS_PATH)) {
    const name = String(ref.path[ref.path.length - 1]);
    if (!isScalar(ref.value) || typeof ref.value.value !== 'string') continue;
    if (/^\$\{env:[A-Za-z_][A-Za-z0-9_]*\}$/.test(ref.value.value)) continue;
    const valid = ENV_NAME.test(name);
    ctx.report({
      code: 'secrets.not-a-reference',
      range: ctx.doc.rangeOfValue(ref),
      message:
        `deployment.secrets.${name} must be a reference like ${valid ? reference(name) : '${env:NAME}'}, never the secret itself: ` +
        `the value is read from your environment when you deploy.${valid ? ` Write ${reference(name)} and set ${name} in your environment.` : ''}`,
      fixes: () => (valid ? [fix(`Replace the value with ${reference(name)}`, replaceValue(ctx.doc, ref, reference(name)), true)] : []),
    });
  }
}

export const secretsRule: Rule = {
  name: 'secrets',
  claims(error: SchemaError) {
    return isSecretValuePath(error.path) && !error.onKey && error.keyword === 'pattern';
  },
  check(ctx) {
    checkInstanceRole(ctx);
    checkPlainEnv(ctx);
    checkAuthKey(ctx);
    checkReferences(ctx);
  },
};
