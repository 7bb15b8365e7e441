// Role, KMS key and observability configuration ARNs: the schema's patterns decide, this rule
// says what exactly is wrong (not an ARN, a user instead of a role, an alias instead of a key …).
import { isScalar } from 'yaml';
import { factsAt } from '../../domain/schemaFacts';
import type { SchemaError } from '../../domain/schemaValidator';
import { deployerEntry, inActiveDeployer, quote, type Rule, type RuleContext } from './rule';

const ARN_KEYS = ['instance_role_arn', 'access_role_arn', 'encryption_kms_key', 'observability_configuration_arn'] as const;
type ArnKey = (typeof ARN_KEYS)[number];

const EXPECTED: Record<ArnKey, { service: string; resource: string; what: string }> = {
  instance_role_arn: { service: 'iam', resource: 'role/', what: 'an IAM role' },
  access_role_arn: { service: 'iam', resource: 'role/', what: 'an IAM role' },
  encryption_kms_key: { service: 'kms', resource: 'key/', what: 'a KMS key' },
  observability_configuration_arn: { service: 'apprunner', resource: 'observabilityconfiguration/', what: 'an App Runner observability configuration' },
};

/** Why an ARN does not fit, in a few words, or `undefined` when nothing specific stands out. */
export function arnProblem(key: ArnKey, value: string): string | undefined {
  const expected = EXPECTED[key];
  if (!value.startsWith('arn:')) return 'it is not an ARN (ARNs start with "arn:")';
  const parts = value.split(':');
  if (parts.length < 6) return 'an ARN has six parts separated by ":" (arn:partition:service:region:account:resource)';
  const [, partition, service, region, account] = parts;
  const resource = parts.slice(5).join(':');
  if (!/^aws(-[a-z]+)*$/.test(partition)) return `"${partition}" is not an AWS partition (aws, aws-cn, aws-us-gov …)`;
  if (service !== expected.service) return `it is ${service ? `an ARN of the ${service} service` : 'missing its service'}, not of ${expected.what}`;
  if (expected.service === 'iam' && region !== '') return 'IAM ARNs have no region: write arn:aws:iam::<account>:role/<name>';
  if (expected.service !== 'iam' && !/^[a-z]+(-[a-z]+)+-[0-9]$/.test(region)) return `"${region}" is not an AWS region`;
  if (!/^[0-9]{12}$/.test(account)) return `the account id must be 12 digits (got "${account}")`;
  if (!resource.startsWith(expected.resource)) {
    if (key === 'encryption_kms_key' && resource.startsWith('alias/')) return 'App Runner needs the key ARN (key/<id>), not an alias';
    return `it names a ${resource.split('/')[0] || 'resource'}, not ${expected.what}`;
  }
  if (key === 'encryption_kms_key') return 'the key id must be a UUID such as 1234abcd-12ab-34cd-56ef-1234567890ab';
  return undefined;
}

function isArnPath(path: readonly (string | number)[]): path is [string, string, ArnKey] {
  return path.length === 3 && (ARN_KEYS as readonly (string | number)[]).includes(path[2]);
}

function check(ctx: RuleContext, key: ArnKey): void {
  const ref = deployerEntry(ctx, key);
  if (!ref || !isScalar(ref.value) || typeof ref.value.value !== 'string') return;
  const value = ref.value.value;
  const facts = factsAt([...ctx.deployerPath, key]);
  if (!facts?.pattern || new RegExp(facts.pattern, 'u').test(value)) return;
  const problem = arnProblem(key, value);
  const hint = facts.valueHint ?? `${EXPECTED[key].what} ARN`;
  ctx.report({
    code: 'arn.pattern',
    range: ctx.doc.rangeOfValue(ref),
    message: `${key} must be ${hint} (got ${quote(value, 100)})${problem ? `: ${problem}` : ''}.`,
  });
}

export const arnsRule: Rule = {
  name: 'arns',
  claims(error: SchemaError, ctx) {
    return error.keyword === 'pattern' && isArnPath(error.path) && inActiveDeployer(ctx, error.path);
  },
  check(ctx) {
    for (const key of ARN_KEYS) check(ctx, key);
  },
};
