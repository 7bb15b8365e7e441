// The registry of rule codes: well-formed, and every code has an example that produces it with
// its registered default severity (so docs/rules.md and the settings docs tell the truth).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL_RULE_CODES, RULE_CODES, type RuleCode } from '../../../common/src/language/ruleCodes';
import { SCHEMA } from '../../../common/src/domain/schemaFacts';
import { codeForSchemaError } from '../../../common/src/language/schemaDiagnostics';
import { validate, validateRunConfig, yaml } from './kit';

const D = ['deployment:', '  name: x'];
const DEP = [...D, 'settings:', '  deployer:'];
const RES = [...D, 'settings:', '  resources:'];

/** JSON Schema keywords that validate (as opposed to annotate or structure) and Ajv can report. */
const VALIDATION_KEYWORDS = new Set(['type', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'enum', 'const', 'pattern', 'format', 'minLength', 'maxLength', 'minItems', 'maxItems', 'uniqueItems', 'additionalItems', 'items', 'required', 'additionalProperties', 'minProperties', 'maxProperties', 'not', 'contains', 'dependencies']);

/** Every validation keyword in the schema, and whether it validates keys (inside `propertyNames`). */
function schemaKeywords(node: unknown, onKey: boolean): { keyword: string; onKey: boolean }[] {
  if (Array.isArray(node)) return node.flatMap((item) => schemaKeywords(item, onKey));
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => [
    ...(VALIDATION_KEYWORDS.has(key) ? [{ keyword: key, onKey }] : []),
    ...(key === 'enum' || key === 'const' || key === 'default' || key === 'examples' ? [] : schemaKeywords(value, onKey || key === 'propertyNames')),
  ]);
}

/** A deployer file, or a run config for the codes only run configs and Python report. */
const EXAMPLES: Record<RuleCode, string | { runConfig: string }> = {
  'yaml.syntax': yaml('deployment: [x'),
  'yaml.duplicate-key': yaml(...D, '  name: y'),
  'yaml.tab-indent': 'deployment:\n\tname: x\n',
  'yaml.alias': yaml('deployment:', '  name: *missing'),
  'yaml.warning': yaml('%FOO bar', '---', ...D),
  'document.empty': '',
  'document.not-a-mapping': yaml('- x'),
  'document.no-deployment': yaml('foo: 1'),
  'schema.type': yaml(...D, '  port: eighty'),
  'schema.range': yaml(...DEP, '    health_check_timeout_seconds: 21'),
  'schema.enum': yaml(...DEP, '    health_check_protocol: UDP'),
  'schema.unknown-key': yaml(...D, '  colour: blue'),
  'schema.invalid-key': yaml(...DEP, '    environment_variables:', '      AWSAPPRUNNER_X: y'),
  'schema.pattern': yaml(...D, '  health_path: health'),
  'schema.length': yaml('deployment:', '  name: ""'),
  'schema.items': yaml(...DEP, '    resource_combinations: []'),
  'schema.required': yaml('deployment:', '  port: 8000'),
  'settings.duplicate-deployer': yaml(...DEP, '    region: us-east-1', '  deployer.aws:', '    region: us-east-1'),
  'resources.cpu-memory-pair': yaml(...RES, '    cpu_count: 1', '    memory: 5GB'),
  'resources.exceeds-largest': yaml(...RES, '    cpu_count: 8'),
  'resources.strict-partial': yaml(...DEP, '    strict_resource_matching: true', '  resources:', '    cpu_count: 1'),
  'resources.unsupported-combination': yaml(...DEP, '    resource_combinations:', '      - [3, 3]'),
  'resources.ignored': yaml(...RES, '    gpu_count: 1'),
  'memory.spelling': yaml(...RES, '    memory: 2G'),
  'scaling.min-above-max': yaml(...RES, '    min_replicas: 3', '    max_replicas: 2'),
  'scaling.min-replicas-limit': yaml(...RES, '    min_replicas: 26'),
  'scaling.max-concurrency': yaml(...RES, '    max_concurrency: 201'),
  'scaling.max-replicas-quota': yaml(...RES, '    max_replicas: 26'),
  'scaling.max-replicas-zero': yaml(...RES, '    max_replicas: 0'),
  'image.registry': yaml(...D, '  image: nginx'),
  'image.access-role': yaml(...D, '  image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/zenml:x'),
  'image.region': yaml(
    ...D, '  image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/zenml:x', 'settings:', '  deployer:', '    region: eu-west-1',
    '    access_role_arn: arn:aws:iam::123456789012:role/r',
  ),
  'secrets.instance-role': yaml(...D, '  secrets:', '    A: ${env:A}'),
  'secrets.plain-env': yaml(...DEP, '    environment_variables:', '      API_TOKEN: abc'),
  'secrets.literal-auth-key': yaml(...DEP, '    auth_key: abc'),
  'secrets.not-a-reference': yaml(...D, '  secrets:', '    A: abc', 'settings:', '  deployer:', '    use_secrets_manager: false'),
  'health.path-ignored': yaml(...D, '  health_path: /health'),
  'health.grace-period': yaml(...DEP, '    health_check_grace_period_seconds: 10'),
  'deprecated.port': yaml(...DEP, '    port: 8080'),
  'deprecated.health-check-path': yaml(...DEP, '    health_check_protocol: HTTP', '    health_check_path: /health'),
  'settings.ignored-by-zenml': { runConfig: yaml('enable_cache: false', 'settings:', '  deployer:', '    port: 8080') },
  'region.unsupported': yaml(...DEP, '    region: us-west-1'),
  'arn.pattern': yaml(...DEP, '    instance_role_arn: nope'),
  'tags.invalid': yaml(...DEP, '    tags:', '      aws:x: y'),
  'tags.overridden': yaml(...DEP, '    tags:', '      managed-by: me'),
  'traffic.sum': yaml(...DEP, '    traffic_allocation: {LATEST: 50}'),
  'traffic.ignored': yaml(...DEP, '    traffic_allocation: {LATEST: 50, tag:b: 50}'),
  'ingress.vpc-configuration': yaml(...DEP, '    is_publicly_accessible: false', '    ingress_vpc_configuration: "{}"'),
  'ingress.unused': yaml(...DEP, '    ingress_vpc_configuration: \'{"VpcId": "v", "VpcEndpointId": "e"}\''),
  'ingress.missing': yaml(...DEP, '    is_publicly_accessible: false'),
  'name.truncated': yaml('deployment:', '  name: a-deployment-name-that-is-long-enough'),
  'name.invalid': yaml('deployment:', '  name: "***"', 'settings:', '  deployer:', '    service_name_prefix: "-"'),
  'name.duplicate': yaml(...D, '---', ...D),
};

void describe('rule code registry', () => {
  void it('codes are dotted kebab-case with a summary and a severity', () => {
    for (const code of ALL_RULE_CODES) {
      assert.match(code, /^[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*$/, code);
      const info = RULE_CODES[code];
      assert.ok(['error', 'warning', 'information', 'hint'].includes(info.severity), code);
      assert.ok(info.summary.length > 10 && info.summary.endsWith('.'), code);
    }
  });

  void it('every validation keyword the schema uses has a code (a keyword without one throws)', () => {
    for (const { keyword, onKey } of schemaKeywords(SCHEMA, false)) {
      assert.doesNotThrow(() => codeForSchemaError({ path: ['a', 'b'], keyword, message: 'm', params: {}, onKey }), `${keyword}${onKey ? ' (on keys)' : ''}`);
    }
    assert.equal(codeForSchemaError({ path: ['a'], keyword: 'maximum', message: 'm', params: {} }), 'schema.range');
    assert.equal(codeForSchemaError({ path: ['a', 'b'], keyword: 'not', message: 'm', params: {}, onKey: true }), 'schema.invalid-key');
    assert.throws(() => codeForSchemaError({ path: ['a'], keyword: 'multipleOf', message: 'm', params: {} }), /"multipleOf" has no diagnostic code/);
  });

  const check = (example: string | { runConfig: string }) => (typeof example === 'string' ? validate(example) : validateRunConfig(example.runConfig));
  for (const code of ALL_RULE_CODES) {
    void it(`${code}: the example reports it with severity ${RULE_CODES[code].severity}`, () => {
      const found = check(EXAMPLES[code]).filter((finding) => finding.code === code);
      assert.ok(found.length > 0, `${code} not reported for:\n${JSON.stringify(EXAMPLES[code])}\n${JSON.stringify(check(EXAMPLES[code]), null, 1)}`);
      assert.equal(found[0].severity, RULE_CODES[code].severity);
    });
  }

  void it('every code reported for the examples is registered', () => {
    for (const example of Object.values(EXAMPLES)) {
      for (const finding of check(example)) assert.ok(ALL_RULE_CODES.includes(finding.code as RuleCode), finding.code);
    }
  });
});
