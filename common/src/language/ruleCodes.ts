// Every diagnostic code the language service reports, with its default severity and a one-line
// summary. The single registry: the rule table of docs/rules.md is written by hand and a test
// (test/package/rulesDoc.test.ts) keeps it equal to this one, and `validateText` only ever
// reports codes listed here.
import type { Severity } from './types';

export interface RuleCodeInfo {
  readonly severity: Severity;
  readonly summary: string;
}

export const RULE_CODES = {
  'yaml.syntax': { severity: 'error', summary: 'The text is not valid YAML.' },
  'yaml.duplicate-key': { severity: 'error', summary: 'A key appears twice in the same mapping.' },
  'yaml.tab-indent': { severity: 'error', summary: 'A line is indented with tabs; YAML allows only spaces.' },
  'yaml.alias': { severity: 'error', summary: 'An alias points to no anchor, or aliases expand too much.' },
  'yaml.warning': { severity: 'warning', summary: 'The YAML parser warns about a construct (for example an unknown tag).' },
  'document.empty': { severity: 'information', summary: 'The file has no settings yet.' },
  'document.not-a-mapping': { severity: 'error', summary: 'A document is a list or a single value instead of a mapping.' },
  'document.no-deployment': { severity: 'error', summary: 'A document has neither a deployment nor a settings block.' },
  'schema.type': { severity: 'error', summary: 'A value has the wrong type.' },
  'schema.range': { severity: 'error', summary: 'A number is outside the range the setting allows.' },
  'schema.enum': { severity: 'error', summary: 'A value is not one of the allowed values.' },
  'schema.unknown-key': { severity: 'error', summary: 'A key the block does not know (typo or wrong block).' },
  'schema.invalid-key': { severity: 'error', summary: 'A map key breaks the rules for its names (e.g. reserved prefixes).' },
  'schema.pattern': { severity: 'error', summary: 'A string does not have the required form.' },
  'schema.length': { severity: 'error', summary: 'A string is empty or too long.' },
  'schema.items': { severity: 'error', summary: 'A list has too few or too many items.' },
  'schema.required': { severity: 'error', summary: 'A required key is missing.' },
  'settings.duplicate-deployer': { severity: 'warning', summary: 'Both settings.deployer and settings.deployer.aws are present; only one is used.' },
  'resources.cpu-memory-pair': { severity: 'warning', summary: 'cpu_count and memory are not an App Runner size; ZenML rounds them (an error with strict_resource_matching).' },
  'resources.exceeds-largest': { severity: 'error', summary: 'The request is bigger than the largest size; ZenML would silently deploy less.' },
  'resources.strict-partial': { severity: 'error', summary: 'strict_resource_matching with only one of cpu_count and memory always fails.' },
  'resources.unsupported-combination': { severity: 'warning', summary: 'A resource_combinations pair is not one App Runner offers.' },
  'resources.ignored': { severity: 'information', summary: 'A resource setting App Runner ignores (gpu_count, autoscaling_metric, autoscaling_target).' },
  'memory.spelling': { severity: 'error', summary: 'A memory value ZenML rejects (0.5GB, 2G, 512Mi, 2gb, a bare number).' },
  'scaling.min-above-max': { severity: 'error', summary: 'min_replicas is greater than max_replicas.' },
  'scaling.min-replicas-limit': { severity: 'error', summary: 'min_replicas is above App Runner\'s limit.' },
  'scaling.max-concurrency': { severity: 'error', summary: 'max_concurrency is above App Runner\'s limit.' },
  'scaling.max-replicas-quota': { severity: 'warning', summary: 'max_replicas is above App Runner\'s default account quota.' },
  'scaling.max-replicas-zero': { severity: 'information', summary: 'max_replicas: 0 means the account maximum, not zero instances.' },
  'image.registry': { severity: 'error', summary: 'The image is not in Amazon ECR or ECR Public, the only registries App Runner pulls from.' },
  'image.access-role': { severity: 'warning', summary: 'A private ECR image without access_role_arn cannot be pulled.' },
  'image.region': { severity: 'warning', summary: 'The image\'s ECR region differs from the service region.' },
  'secrets.instance-role': { severity: 'warning', summary: 'Secrets in Secrets Manager need an instance_role_arn to be read.' },
  'secrets.plain-env': { severity: 'warning', summary: 'A secret-looking environment variable has a plain-text value.' },
  'secrets.literal-auth-key': { severity: 'warning', summary: 'auth_key is written in the file; generate it instead.' },
  'secrets.not-a-reference': { severity: 'error', summary: 'A deployment secret is a value instead of a ${env:NAME} reference.' },
  'health.path-ignored': { severity: 'warning', summary: 'A health check path is set but the protocol is TCP, so it is ignored.' },
  'health.grace-period': { severity: 'hint', summary: 'health_check_grace_period_seconds has no effect on App Runner.' },
  'deprecated.port': { severity: 'hint', summary: 'settings.deployer.port is deprecated; use deployment.port.' },
  'deprecated.health-check-path': { severity: 'hint', summary: 'settings.deployer.health_check_path is deprecated; use deployment.health_path.' },
  'settings.ignored-by-zenml': { severity: 'warning', summary: 'In a run config or Python, a deployer setting ZenML dropped and ignores (port, health_check_path); it moved to the deployment settings.' },
  'region.unsupported': { severity: 'error', summary: 'The region is not one of the regions App Runner runs in.' },
  'arn.pattern': { severity: 'error', summary: 'A role, KMS key or observability ARN does not have AWS\'s form.' },
  'tags.invalid': { severity: 'error', summary: 'A tag key is reserved (aws:), empty or too long, or a value is too long.' },
  'tags.overridden': { severity: 'information', summary: 'A tag key ZenML sets itself; your value is replaced.' },
  'traffic.sum': { severity: 'error', summary: 'traffic_allocation does not add up to 100.' },
  'traffic.ignored': { severity: 'information', summary: 'App Runner cannot split traffic; only LATEST: 100 describes what happens.' },
  'ingress.vpc-configuration': { severity: 'error', summary: 'ingress_vpc_configuration is not a JSON string with VpcId and VpcEndpointId.' },
  'ingress.unused': { severity: 'warning', summary: 'ingress_vpc_configuration is set but the service is public.' },
  'ingress.missing': { severity: 'warning', summary: 'A private service without ingress_vpc_configuration is unreachable.' },
  'name.truncated': { severity: 'warning', summary: 'The service name is cut to App Runner\'s 40 characters.' },
  'name.invalid': { severity: 'error', summary: 'No valid service name can be built from the deployment name.' },
  'name.duplicate': { severity: 'error', summary: 'Two documents of one file deploy the same deployment name.' },
} as const satisfies Record<string, RuleCodeInfo>;

export type RuleCode = keyof typeof RULE_CODES;

export const ALL_RULE_CODES: readonly RuleCode[] = Object.freeze(Object.keys(RULE_CODES) as RuleCode[]);

export function defaultSeverity(code: RuleCode): Severity {
  return RULE_CODES[code].severity;
}
