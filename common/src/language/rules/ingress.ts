// Private services: `ingress_vpc_configuration` must be a JSON string naming the VPC and the
// App Runner VPC endpoint, and it only matters when the service is not public.
import { isMap, isScalar } from 'yaml';
import type { SchemaError } from '../../domain/schemaValidator';
import type { NodeRef } from '../deployerDocument';
import { replaceValue, setValue } from '../edits';
import { deployerComputed, deployerEntry, fix, inActiveDeployer, type Rule, type RuleContext } from './rule';

const REQUIRED = ['VpcId', 'VpcEndpointId'] as const;
const EXAMPLE = '{"VpcId": "vpc-0abc", "VpcEndpointId": "vpce-0def", "VpcIngressConnectionName": "my-service"}';

/** What is wrong with the JSON text, or `undefined` when it is fine. */
export function vpcConfigurationProblem(text: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'it is not valid JSON';
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'it must be a JSON object';
  const object = parsed as Record<string, unknown>;
  const missing = REQUIRED.filter((key) => typeof object[key] !== 'string' || object[key] === '');
  if (missing.length > 0) return `it lacks ${missing.join(' and ')}`;
  if (object.VpcIngressConnectionName !== undefined && typeof object.VpcIngressConnectionName !== 'string') {
    return 'VpcIngressConnectionName must be a string';
  }
  return undefined;
}

function mappingAsJson(ctx: RuleContext, ref: NodeRef): string | undefined {
  const json = ctx.json as Record<string, Record<string, Record<string, unknown>>> | undefined;
  const value = json?.settings?.[String(ctx.deployerPath[1])]?.ingress_vpc_configuration;
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !isMap(ref.value)) return undefined;
  const text = `{${Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${JSON.stringify(item) ?? 'null'}`).join(', ')}}`;
  return text.length < 2000 ? text : undefined;
}

function check(ctx: RuleContext): void {
  const ref = deployerEntry(ctx, 'ingress_vpc_configuration');
  const { is_publicly_accessible: isPublic } = ctx.settings.deployer;
  const publicRef = deployerEntry(ctx, 'is_publicly_accessible');
  // Whether the service is public is computed at run time: nothing to say about its ingress.
  if (deployerComputed(ctx, 'is_publicly_accessible')) return;
  if (ref && isMap(ref.value)) {
    const json = mappingAsJson(ctx, ref);
    ctx.report({
      code: 'ingress.vpc-configuration',
      range: ctx.doc.rangeOfKey(ref),
      message: `ingress_vpc_configuration must be a JSON string, not a YAML mapping: write it in quotes, e.g. '${EXAMPLE}'.`,
      fixes: () => (json === undefined ? [] : [fix('Write it as a JSON string', replaceValue(ctx.doc, ref, json), true)]),
    });
    return;
  }
  const text = ref && isScalar(ref.value) && typeof ref.value.value === 'string' ? ref.value.value : undefined;
  if (ref && text !== undefined) {
    const problem = vpcConfigurationProblem(text);
    if (problem !== undefined) {
      ctx.report({
        code: 'ingress.vpc-configuration',
        range: ctx.doc.rangeOfValue(ref),
        message: `ingress_vpc_configuration must be a JSON string with VpcId and VpcEndpointId (and optionally VpcIngressConnectionName), but ${problem}. Example: '${EXAMPLE}'.`,
      });
    } else if (isPublic) {
      ctx.report({
        code: 'ingress.unused',
        range: ctx.doc.rangeOfKey(ref),
        message: 'ingress_vpc_configuration is ignored while is_publicly_accessible is true (the default): the service gets a public URL and no VPC ingress connection. Set is_publicly_accessible: false for a private service.',
        fixes: () => [fix('Set is_publicly_accessible to false', setValue(ctx.doc, [...ctx.deployerPath, 'is_publicly_accessible'], false), true)],
      });
    }
  }
  if (!isPublic && publicRef && text === undefined) {
    ctx.report({
      code: 'ingress.missing',
      range: ctx.doc.rangeOfValue(publicRef),
      message: 'The service is private (is_publicly_accessible: false) but has no ingress_vpc_configuration, so no VPC ingress connection is created and nothing can reach it. Add ingress_vpc_configuration with VpcId and VpcEndpointId.',
    });
  }
}

export const ingressRule: Rule = {
  name: 'ingress',
  claims(error: SchemaError, ctx) {
    if (error.keyword !== 'type' || error.path.length !== 3 || error.path[2] !== 'ingress_vpc_configuration') return false;
    return inActiveDeployer(ctx, error.path) && isMap(ctx.doc.get(error.path)?.value);
  },
  check,
};
