import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { APP_RUNNER_REGIONS, isAppRunnerRegion } from '../../../common/src/domain/regions';
import { factsAt, knownKeys, SCHEMA, SCHEMA_ID, schemaDefault, type SchemaNode } from '../../../common/src/domain/schemaFacts';
import { createSchemaAjv, CUSTOM_SCHEMA_KEYWORDS } from '../../../common/src/domain/schemaAjv';
import { validateAgainstSchema, type SchemaError } from '../../../common/src/domain/schemaValidator';

/** The full example of a settings file, every block and key set, as YAML. */
const DESIGN_EXAMPLE = `
deployment:                      # what the extension needs for a direct deploy
  name: weather-agent            # ZenML deployment name (required)
  image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/zenml:weather_agent
  port: 8000                     # container port; ZenML's server listens on 8000
  start_command: null            # optional override of the image's command
  health_path: /health           # used when health_check_protocol is HTTP
  secrets:                       # values never live in this file
    ZENML_STORE_API_TOKEN: \${env:ZENML_STORE_API_TOKEN}
settings:
  deployer:                      # ZenML AWSDeployerSettings ("deployer.aws" also accepted)
    region: us-east-1
    use_secrets_manager: true
    instance_role_arn: arn:aws:iam::123456789012:role/apprunner-instance
    access_role_arn: arn:aws:iam::123456789012:role/apprunner-ecr-access
    health_check_protocol: HTTP
    environment_variables: {LOG_LEVEL: info}
    tags: {team: ml}
  resources:                     # ZenML ResourceSettings
    cpu_count: 1
    memory: 2GB
    min_replicas: 1
    max_replicas: 10
    max_concurrency: 80
`;

const DEPLOYER_KEYS = [
  'auth_key', 'generate_auth_key', 'lcm_timeout', 'region', 'service_name_prefix',
  'health_check_protocol', 'health_check_interval_seconds', 'health_check_timeout_seconds',
  'health_check_healthy_threshold', 'health_check_unhealthy_threshold', 'health_check_grace_period_seconds',
  'is_publicly_accessible', 'ingress_vpc_configuration', 'environment_variables', 'tags',
  'use_secrets_manager', 'secret_name_prefix', 'instance_role_arn', 'access_role_arn',
  'observability_configuration_arn', 'encryption_kms_key', 'traffic_allocation',
  'strict_resource_matching', 'resource_combinations', 'port', 'health_check_path',
];

function doc(settings: Record<string, unknown>, deployment: Record<string, unknown> = { name: 'weather' }): unknown {
  return { deployment, settings };
}

function only(errors: SchemaError[]): SchemaError {
  assert.equal(errors.length, 1, JSON.stringify(errors, null, 2));
  return errors[0];
}

/** Every schema node that describes a key or a value, with where it sits. */
function describedNodes(node: SchemaNode, where: string, out: [string, SchemaNode][] = []): [string, SchemaNode][] {
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    out.push([`${where}.${key}`, child]);
    describedNodes(child, `${where}.${key}`, out);
  }
  if (typeof node.additionalProperties === 'object') {
    out.push([`${where}.*`, node.additionalProperties]);
    describedNodes(node.additionalProperties, `${where}.*`, out);
  }
  const items = node.items === undefined ? [] : Array.isArray(node.items) ? node.items : [node.items];
  items.forEach((item, index) => {
    out.push([`${where}[${index}]`, item]);
    describedNodes(item, `${where}[${index}]`, out);
  });
  for (const [name, definition] of where === '' ? Object.entries(node.definitions ?? {}) : []) {
    out.push([`#${name}`, definition]);
    describedNodes(definition, `#${name}`, out);
  }
  return out;
}

function allKeywords(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => allKeywords(item, out));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      out.add(key);
      allKeywords(child, out);
    }
  }
  return out;
}

void describe('the schema', () => {
  void it('is draft-07 with our $id', () => {
    const raw = SCHEMA as SchemaNode & { $schema?: string };
    assert.equal(raw.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.equal(SCHEMA_ID, 'https://zenml-apprunner.dev/schemas/zenml.deployer.schema.json');
  });

  void it('compiles under Ajv strict mode with the custom keywords registered', () => {
    assert.doesNotThrow(() => createSchemaAjv().compile(SCHEMA));
    assert.throws(() => new Ajv({ strict: true, allowUnionTypes: true }).compile(SCHEMA), /unknown keyword/);
  });

  void it('registers exactly the custom keywords it uses', () => {
    const used = [...allKeywords(SCHEMA)].filter((key) => key.startsWith('x-') || key === 'markdownDescription' || key === 'defaultSnippets');
    assert.deepEqual(new Set(used), new Set(CUSTOM_SCHEMA_KEYWORDS));
  });

  void it('describes every key and value with a sentence and Markdown with a YAML example', () => {
    const nodes = describedNodes(SCHEMA, '');
    assert.ok(nodes.length > 50);
    for (const [where, node] of nodes) {
      assert.equal(typeof node.description, 'string', `${where} has no description`);
      assert.match(node.description ?? '', /^[^\n]+\.$/, `${where}: description should be one sentence`);
      assert.equal(typeof node.markdownDescription, 'string', `${where} has no markdownDescription`);
      assert.match(node.markdownDescription ?? '', /```yaml\n[\s\S]+\n```$/, `${where} has no YAML example`);
    }
  });

  void it('has patterns that compile as Unicode regular expressions', () => {
    for (const [where, node] of describedNodes(SCHEMA, '')) {
      if (node.pattern !== undefined) assert.doesNotThrow(() => new RegExp(node.pattern ?? '', 'u'), where);
    }
  });
});

void describe('factsAt / knownKeys / schemaDefault', () => {
  void it('knows every deployer setting under both deployer keys', () => {
    assert.deepEqual(knownKeys(['settings', 'deployer']).sort(), [...DEPLOYER_KEYS].sort());
    assert.deepEqual(knownKeys(['settings', 'deployer.aws']), knownKeys(['settings', 'deployer']));
    assert.deepEqual(knownKeys(['settings']), ['deployer', 'deployer.aws', 'resources']);
    assert.deepEqual(knownKeys([]), ['deployment', 'settings']);
    assert.deepEqual(knownKeys(['deployment']), ['name', 'image', 'port', 'start_command', 'health_path', 'secrets']);
    assert.deepEqual(knownKeys(['settings', 'resources']), [
      'cpu_count', 'memory', 'min_replicas', 'max_replicas', 'max_concurrency', 'gpu_count', 'autoscaling_metric', 'autoscaling_target',
      'gpu_type', 'gpu_class', 'pool_resources', 'pool_resource_demands', 'reclaim_tolerance', 'preemptible',
    ]);
    assert.deepEqual(knownKeys(['settings', 'deployer', 'tags']), []);
  });

  void it('gives the same facts for deployer and deployer.aws', () => {
    const plain = factsAt(['settings', 'deployer', 'region']);
    const aws = factsAt(['settings', 'deployer.aws', 'region']);
    assert.ok(plain && aws);
    assert.deepEqual({ ...plain, path: [] }, { ...aws, path: [] });
    assert.deepEqual(aws.path, ['settings', 'deployer.aws', 'region']);
    assert.deepEqual(plain.type, ['string', 'null']);
    assert.equal(plain.default, null);
    assert.equal(plain.enum?.length, 12);
    assert.ok(plain.enum?.includes(null));
  });

  void it('resolves ranges, defaults, patterns and annotations', () => {
    const interval = factsAt(['settings', 'deployer', 'health_check_interval_seconds']);
    assert.deepEqual([interval?.minimum, interval?.maximum, interval?.default], [1, 20, 10]);
    assert.equal(factsAt(['settings', 'deployer', 'health_check_grace_period_seconds'])?.appRunnerIgnored, true);
    assert.equal(factsAt(['settings', 'resources', 'gpu_count'])?.appRunnerIgnored, true);
    const port = factsAt(['settings', 'deployer', 'port']);
    assert.equal(port?.deprecated, true);
    assert.match(port?.deprecatedMessage ?? '', /deployment\.port/);
    assert.equal(factsAt(['settings', 'resources', 'memory'])?.pattern, '^[0-9]+(KB|KiB|MB|MiB|GB|GiB|TB|TiB|PB|PiB)$');
    assert.equal(factsAt(['settings', 'resources', 'cpu_count'])?.exclusiveMinimum, 0);
    assert.equal(factsAt(['settings', 'resources', 'max_concurrency'])?.deployerDefault, 100);
    assert.equal(factsAt(['settings', 'resources', 'max_concurrency'])?.appRunnerMaximum, 200);
    assert.equal(factsAt(['settings', 'resources', 'max_replicas'])?.default, undefined);
    assert.equal(factsAt(['settings', 'deployer', 'auth_key'])?.secretLike, true);
  });

  void it('gives map entry facts for any key, and key rules', () => {
    const secret = factsAt(['deployment', 'secrets', 'ANY_NAME']);
    assert.equal(secret?.pattern, '^\\$\\{env:[A-Za-z_][A-Za-z0-9_]*\\}$');
    const tags = factsAt(['settings', 'deployer', 'tags']);
    assert.equal(tags?.isMap, true);
    assert.equal(tags?.keyFacts?.maxLength, 128);
    assert.equal(factsAt(['settings', 'deployer.aws', 'tags', 'team'])?.maxLength, 256);
    assert.equal(factsAt(['settings', 'deployer', 'traffic_allocation', 'LATEST'])?.maximum, 100);
  });

  void it('walks into list items and tuples', () => {
    assert.match(factsAt(['settings', 'deployer', 'resource_combinations', 3, 1])?.description ?? '', /Memory/);
    assert.deepEqual(factsAt(['settings', 'deployer', 'resource_combinations', '0'])?.type, 'array');
    assert.equal(factsAt(['settings', 'deployer', 'resource_combinations', 0, 2]), undefined);
  });

  void it('answers undefined for unknown paths and memoises', () => {
    assert.equal(factsAt(['settings', 'deployer', 'nope']), undefined);
    assert.equal(factsAt(['settings', 'deployer', 'region', 'deeper']), undefined);
    assert.equal(factsAt(['nope']), undefined);
    assert.equal(factsAt(['settings', 'resources']), factsAt(['settings', 'resources']));
    assert.ok(Object.isFrozen(factsAt(['settings'])));
  });

  void it('returns defaults as fresh copies', () => {
    const traffic = schemaDefault(['settings', 'deployer', 'traffic_allocation']) as Record<string, number>;
    assert.deepEqual(traffic, { LATEST: 100 });
    traffic.LATEST = 1;
    assert.deepEqual(schemaDefault(['settings', 'deployer', 'traffic_allocation']), { LATEST: 100 });
    assert.equal(schemaDefault(['settings', 'deployer', 'lcm_timeout']), 600);
    assert.equal(schemaDefault(['deployment', 'port']), 8000);
    assert.equal(schemaDefault(['settings', 'resources', 'memory']), undefined);
  });
});

void describe('regions', () => {
  void it("are App Runner's 11, from the schema", () => {
    assert.deepEqual([...APP_RUNNER_REGIONS].sort(), [
      'ap-northeast-1', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-2', 'eu-central-1', 'eu-west-1', 'eu-west-2', 'eu-west-3',
      'us-east-1', 'us-east-2', 'us-west-2',
    ]);
    assert.equal(isAppRunnerRegion('eu-west-1'), true);
    assert.equal(isAppRunnerRegion('eu-north-1'), false);
    assert.equal(isAppRunnerRegion(null), false);
  });
});

void describe('validateAgainstSchema', () => {
  void it('accepts the full example of the design', () => {
    assert.deepEqual(validateAgainstSchema(parse(DESIGN_EXAMPLE)), []);
  });

  void it('accepts the same under deployer.aws, with every setting set', () => {
    const everything = {
      auth_key: null, generate_auth_key: true, lcm_timeout: 900, region: null, service_name_prefix: 'team-',
      health_check_protocol: 'TCP', health_check_interval_seconds: 20, health_check_timeout_seconds: 1,
      health_check_healthy_threshold: 20, health_check_unhealthy_threshold: 1, health_check_grace_period_seconds: 0,
      is_publicly_accessible: false, ingress_vpc_configuration: '{"VpcId": "vpc-1"}', environment_variables: { A: 'b' },
      tags: { 'cost-center': '42' }, use_secrets_manager: false, secret_name_prefix: 'ml/',
      instance_role_arn: 'arn:aws-cn:iam::123456789012:role/service-role/x', access_role_arn: null,
      observability_configuration_arn: 'arn:aws:apprunner:eu-west-1:123456789012:observabilityconfiguration/xray-tracing',
      encryption_kms_key: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      traffic_allocation: { LATEST: 80, 'tag:stable': 20 }, strict_resource_matching: true,
      resource_combinations: [[1, 2], [0.25, 0.5]], port: 8080, health_check_path: '/health',
    };
    assert.deepEqual(Object.keys(everything).sort(), [...DEPLOYER_KEYS].sort());
    assert.deepEqual(validateAgainstSchema(doc({ 'deployer.aws': everything })), []);
  });

  void it('reports a wrong type with the way out', () => {
    const error = only(validateAgainstSchema(doc({ deployer: { lcm_timeout: '600' } })));
    assert.deepEqual(error.path, ['settings', 'deployer', 'lcm_timeout']);
    assert.equal(error.keyword, 'type');
    assert.equal(error.message, 'lcm_timeout must be a whole number (got "600"). Remove the quotes.');
    assert.equal(
      only(validateAgainstSchema(doc({ deployer: { tags: { team: 5 } } }))).message,
      'tags.team must be a string (got 5). Put it in quotes: "5".',
    );
    assert.equal(
      only(validateAgainstSchema(doc({ deployer: { is_publicly_accessible: 'false' } }))).message,
      'is_publicly_accessible must be true or false (got "false"). Write false without quotes.',
    );
  });

  void it('reports one type error for a nullable setting, not also the enum', () => {
    const error = only(validateAgainstSchema(doc({ deployer: { region: 5 } })));
    assert.equal(error.keyword, 'type');
    assert.equal(error.message, 'region must be a string (or null to leave it unset) (got 5).');
  });

  void it('reports a value out of range with the limits from the schema', () => {
    const error = only(validateAgainstSchema(doc({ deployer: { health_check_interval_seconds: 30 } })));
    assert.deepEqual(error.path, ['settings', 'deployer', 'health_check_interval_seconds']);
    assert.equal(error.keyword, 'maximum');
    assert.equal(error.message, 'health_check_interval_seconds must be between 1 and 20 (got 30).');
    assert.equal(
      only(validateAgainstSchema(doc({ resources: { cpu_count: 0 } }))).message,
      'cpu_count must be greater than 0 (got 0).',
    );
    assert.equal(
      only(validateAgainstSchema(doc({ resources: { max_concurrency: 0 } }))).message,
      'max_concurrency must be at least 1 (got 0).',
    );
  });

  void it('reports a bad enum value with the allowed ones', () => {
    const error = only(validateAgainstSchema(doc({ deployer: { health_check_protocol: 'tcp' } })));
    assert.equal(error.keyword, 'enum');
    assert.equal(error.message, '"tcp" is not a valid health_check_protocol; use "TCP" or "HTTP" (values are case-sensitive).');
    assert.equal(
      only(validateAgainstSchema(doc({ deployer: { health_check_protocol: 'UDP' } }))).message,
      '"UDP" is not a valid health_check_protocol; use "TCP" or "HTTP".',
    );
    const region = only(validateAgainstSchema(doc({ deployer: { region: 'us-east1' } })));
    assert.match(region.message, /^"us-east1" is not a region where App Runner runs; did you mean "us-east-1"\?/);
  });

  void it('reports an unknown key on the key, with a suggestion', () => {
    const error = only(validateAgainstSchema(doc({ 'deployer.aws': { regoin: 'us-east-1' } })));
    assert.deepEqual(error.path, ['settings', 'deployer.aws', 'regoin']);
    assert.equal(error.keyword, 'additionalProperties');
    assert.equal(error.onKey, true);
    assert.equal(error.message, 'Unknown key "regoin" in settings.deployer.aws; did you mean "region"?');
    assert.equal(
      only(validateAgainstSchema(doc({ deployer: { cpu_count: 1 } }))).message,
      '"cpu_count" does not belong in settings.deployer; move it under settings.resources.',
    );
    assert.equal(
      only(validateAgainstSchema({ deployment: { name: 'x', colour: 'red' } })).message,
      'Unknown key "colour" in deployment; the keys here are name, image, port, start_command, health_path and secrets.',
    );
  });

  void it('reports a bad pattern with a hint and a fix', () => {
    const memory = only(validateAgainstSchema(doc({ resources: { memory: '0.5GB' } })));
    assert.deepEqual(memory.path, ['settings', 'resources', 'memory']);
    assert.equal(memory.keyword, 'pattern');
    assert.match(memory.message, /^memory must be a whole number followed by one of the units .* \(got "0\.5GB"\)\. Write "500MB"\.$/);
    const role = only(validateAgainstSchema(doc({ deployer: { instance_role_arn: 'arn:aws:iam::1:role/x' } })));
    assert.equal(
      role.message,
      'instance_role_arn must be an IAM role ARN such as "arn:aws:iam::123456789012:role/apprunner-instance" (got "arn:aws:iam::1:role/x").',
    );
    assert.equal(only(validateAgainstSchema(doc({}, { name: 'x', health_path: 'health' }))).keyword, 'pattern');
  });

  void it('never repeats a secret value', () => {
    const error = only(validateAgainstSchema(doc({}, { name: 'x', secrets: { TOKEN: 's3cr3t-value' } })));
    assert.deepEqual(error.path, ['deployment', 'secrets', 'TOKEN']);
    assert.doesNotMatch(error.message, /s3cr3t/);
    assert.match(error.message, /Write "\$\{env:TOKEN\}"/);
    assert.doesNotMatch(only(validateAgainstSchema(doc({ deployer: { auth_key: 123456 } }))).message, /123456/);
  });

  void it('reports invalid keys of maps on the key', () => {
    const error = only(validateAgainstSchema(doc({ deployer: { tags: { 'aws:owner': 'me' } } })));
    assert.deepEqual(error.path, ['settings', 'deployer', 'tags', 'aws:owner']);
    assert.equal(error.onKey, true);
    assert.equal(error.params.propertyName, 'aws:owner');
    assert.match(error.message, /^"aws:owner" is not a valid key in settings\.deployer\.tags: use a tag key/);
    const long = only(validateAgainstSchema(doc({ deployer: { tags: { ['k'.repeat(130)]: 'v' } } })));
    assert.match(long.message, /\(130 characters\)/);
  });

  void it('decodes JSON pointers and uses numbers for list indexes', () => {
    const slash = only(validateAgainstSchema(doc({ deployer: { environment_variables: { 'a/b~c': 1 } } })));
    assert.deepEqual(slash.path, ['settings', 'deployer', 'environment_variables', 'a/b~c']);
    const pair = only(validateAgainstSchema(doc({ deployer: { resource_combinations: [[1, 2], [1]] } })));
    assert.deepEqual(pair.path, ['settings', 'deployer', 'resource_combinations', 1]);
    assert.equal(pair.message, 'resource_combinations[1] must be a [vCPU, memory_gb] pair of two positive numbers, such as [1, 2] (got [1]).');
    const cpu = only(validateAgainstSchema(doc({ deployer: { resource_combinations: [[-1, 2]] } })));
    assert.deepEqual(cpu.path, ['settings', 'deployer', 'resource_combinations', 0, 0]);
  });

  void it('reports missing and empty pieces', () => {
    assert.equal(only(validateAgainstSchema(null)).message, 'The document is empty: add a "deployment" block with at least a name.');
    const missing = only(validateAgainstSchema({ deployment: {} }));
    assert.deepEqual([missing.path, missing.keyword, missing.params.missingProperty], [['deployment'], 'required', 'name']);
    assert.match(missing.message, /^deployment is missing "name"/);
    assert.equal(only(validateAgainstSchema({ deployment: { name: '' } })).message, 'name must not be empty.');
    assert.equal(only(validateAgainstSchema(doc({ deployer: null }))).message, 'deployer is empty: add settings under it or remove the key.');
    assert.match(only(validateAgainstSchema([1, 2])).message, /must be a mapping/);
  });
});
