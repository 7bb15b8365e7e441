// The files the LSP benchmark validates: a typical `zenml.deployer.yaml` (the design's example
// grown to a realistic ~35 lines) and a generated 5,000-line one with large maps. Both carry a
// few realistic mistakes (a CPU/memory pair App Runner does not offer, a bad enum value, ...) so
// every server has something to report. Generation is deterministic: same text on every run.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Two texts of one file that differ in a single value, so each didChange really changes it. */
export type Variants = readonly [string, string];

export interface BenchFile {
  name: string;
  path: string;
  uri: string;
  variants: Variants;
  lineCount: number;
}

/** `max_concurrency` toggles between these; same length, so nothing else moves. */
const TOGGLE = ['80', '81'] as const;

/** The design's example with ~35 lines; mistakes: cpu 2 with 1GB, `HTTPS`, a literal secret. */
export function typicalDeployerText(variant: 0 | 1 = 0): string {
  return `# Weather agent served by ZenML on AWS App Runner.
deployment:
  name: weather-agent
  image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/zenml:weather_agent
  port: 8000
  start_command: null
  health_path: /health
  secrets:
    ZENML_STORE_API_TOKEN: \${env:ZENML_STORE_API_TOKEN}
    OPENAI_API_KEY: sk-live-not-a-reference
settings:
  deployer:
    region: us-east-1
    service_name_prefix: zenml-
    use_secrets_manager: true
    secret_name_prefix: zenml-
    instance_role_arn: arn:aws:iam::123456789012:role/apprunner-instance
    access_role_arn: arn:aws:iam::123456789012:role/apprunner-ecr-access
    health_check_protocol: HTTPS
    health_check_interval_seconds: 10
    health_check_timeout_seconds: 5
    is_publicly_accessible: true
    environment_variables:
      LOG_LEVEL: info
      WEATHER_API_URL: https://api.open-meteo.com/v1
      MODEL_NAME: gpt-4o-mini
    tags: {team: ml, project: weather}
  resources:
    cpu_count: 2
    memory: 1GB
    min_replicas: 1
    max_replicas: 10
    max_concurrency: ${TOGGLE[variant]}
`;
}

/** A file that is valid YAML but breaks the schema in several ways (used to prove a server checks it). */
export function brokenDeployerText(): string {
  return `deployment:
  name: broken
  port: not-a-port
  colour: blue
settings:
  deployer:
    region: mars-north-1
    health_check_protocol: HTTPS
  resources:
    memory: lots
`;
}

const WORDS = ['alpha', 'bravo', 'cache', 'delta', 'queue', 'model', 'store', 'vector', 'token', 'batch', 'shard', 'trace'];
const UPPER = ['FEATURE', 'SERVICE', 'MODEL', 'CACHE', 'QUEUE', 'WORKER', 'DB', 'TRACE', 'HTTP', 'RETRY', 'BATCH', 'S3'];
const SUFFIX = ['ENABLED', 'URL', 'TIMEOUT', 'SIZE', 'LEVEL', 'PATH', 'NAME', 'LIMIT', 'MODE', 'REGION'];

/** A tiny deterministic PRNG (mulberry32), so the large file is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A generated deployer file of exactly `targetLines` lines (default 5,000): ~2,400 environment
 * variables (every tenth a multi-line JSON block), 40 tags, 100 secrets and the rest of a
 * realistic config. Mistakes: cpu 2 with 1GB, `HTTPS`, two reserved `AWSAPPRUNNER*` variables,
 * an `aws:` tag, a number where a string belongs, a literal secret value.
 */
export function largeDeployerText(variant: 0 | 1 = 0, targetLines = 5000): string {
  const random = prng(20250101);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const head = [
    '# Generated: a large deployer file for the LSP benchmark (do not edit by hand).',
    'deployment:',
    '  name: weather-agent-large',
    '  image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/zenml:weather_agent_large',
    '  port: 8000',
    '  start_command: python -m weather_agent.serve --port 8000',
    '  health_path: /health',
    '  secrets:',
  ];
  for (let i = 0; i < 100; i++) {
    const name = `${pick(UPPER)}_${pick(SUFFIX)}_SECRET_${i}`;
    head.push(i === 57 ? `    ${name}: hunter2-plain-text` : `    ${name}: \${env:${name}}`);
  }
  head.push(
    'settings:',
    '  deployer:',
    '    region: us-east-1',
    '    service_name_prefix: zenml-',
    '    lcm_timeout: 900',
    '    use_secrets_manager: true',
    '    secret_name_prefix: zenml-',
    '    instance_role_arn: arn:aws:iam::123456789012:role/apprunner-instance',
    '    access_role_arn: arn:aws:iam::123456789012:role/apprunner-ecr-access',
    '    observability_configuration_arn: arn:aws:apprunner:us-east-1:123456789012:observabilityconfiguration/xray-tracing/1',
    '    health_check_protocol: HTTPS',
    '    health_check_interval_seconds: 10',
    '    health_check_timeout_seconds: 5',
    '    health_check_healthy_threshold: 1',
    '    health_check_unhealthy_threshold: 5',
    '    is_publicly_accessible: true',
    '    strict_resource_matching: false',
    '    tags:',
  );
  for (let i = 0; i < 40; i++) {
    if (i === 13) head.push('      aws:owner: platform');
    else head.push(`      ${pick(WORDS)}-${pick(WORDS)}-${i}: ${pick(WORDS)}`);
  }
  const tail = [
    '  resources:',
    '    cpu_count: 2',
    '    memory: 1GB',
    '    min_replicas: 1',
    '    max_replicas: 10',
    `    max_concurrency: ${TOGGLE[variant]}`,
    '    autoscaling_metric: cpu',
    '',
  ];
  // Environment variables fill the rest: one line each, every tenth a 9-line JSON block.
  const env: string[] = ['    environment_variables:'];
  const budget = targetLines - head.length - tail.length + 1; // +1: the final '' is not a line
  for (let i = 0; env.length < budget; i++) {
    const name = `${pick(UPPER)}_${pick(UPPER)}_${pick(SUFFIX)}_${i}`;
    const room = budget - env.length;
    if (i === 700) env.push(`      AWSAPPRUNNER_${name}: reserved`);
    else if (i === 1900) env.push(`      AWSAPPRUNNER_${name}: also-reserved`);
    else if (i === 1200) env.push(`      ${name}: 42`);
    else if (i % 10 === 5 && room >= 10) {
      env.push(`      ${name}: |`, '        {');
      for (let k = 0; k < 6; k++) env.push(`          "${pick(WORDS)}_${k}": "${pick(WORDS)}-${Math.floor(random() * 1000)}",`);
      env.push(`          "last": true`, '        }');
    } else env.push(`      ${name}: ${pick(WORDS)}-${Math.floor(random() * 100000)}`);
  }
  return [...head, ...env, ...tail].join('\n');
}

function uriOf(path: string): string {
  return pathToFileURL(path).href;
}

function benchFile(dir: string, name: string, variants: Variants): BenchFile {
  const path = join(dir, `${name}.zenml.deployer.yaml`);
  writeFileSync(path, variants[0]);
  return { name, path, uri: uriOf(path), variants, lineCount: variants[0].split('\n').length - (variants[0].endsWith('\n') ? 1 : 0) };
}

/** Writes the benchmark files into `dir` (a temp dir the caller removes). */
export function writeBenchFiles(dir: string): { typical: BenchFile; large: BenchFile; broken: BenchFile } {
  return {
    typical: benchFile(dir, 'typical', [typicalDeployerText(0), typicalDeployerText(1)]),
    large: benchFile(dir, 'large', [largeDeployerText(0), largeDeployerText(1)]),
    broken: benchFile(dir, 'broken', [brokenDeployerText(), brokenDeployerText().replace('blue', 'red')]),
  };
}
