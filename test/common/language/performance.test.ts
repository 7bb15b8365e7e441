// Validation of a 5,000-line file with large maps: exactly the seeded findings, and a finding with
// fixes on each of thousands of entries. Speed is the benchmark's job (`npm run bench`).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validate } from './kit';

/** A deployer file of about `lines` lines: environment variables, tags and secrets, plus two mistakes. */
export function largeFile(lines: number, envName = (i: number): string => `SERVICE_SETTING_${i}`): string {
  const head = [
    'deployment:',
    '  name: weather-agent-large',
    '  image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/zenml:weather_agent',
    '  secrets:',
    ...Array.from({ length: 100 }, (_, i) => `    SECRET_${i}: \${env:SECRET_${i}}`),
    'settings:',
    '  deployer:',
    '    region: us-east-1',
    '    instance_role_arn: arn:aws:iam::123456789012:role/apprunner-instance',
    '    access_role_arn: arn:aws:iam::123456789012:role/apprunner-ecr-access',
    '    health_check_protocol: HTTPS',
    '    tags:',
    ...Array.from({ length: 200 }, (_, i) => `      tag-${i}: value-${i}`),
    '    environment_variables:',
  ];
  const tail = ['  resources:', '    cpu_count: 2', '    memory: 1GB', '    max_replicas: 10'];
  const env: string[] = [];
  for (let i = 0; head.length + env.length + tail.length < lines; i++) {
    if (i % 20 === 7) env.push(`      ${envName(i)}: |`, '        {"multi": "line",', '         "value": true}');
    else env.push(`      ${envName(i)}: value-${i}`);
  }
  return `${[...head, ...env, ...tail].join('\n')}\n`;
}

void describe('performance', () => {
  const text = largeFile(5000);

  void it('finds exactly the seeded mistakes in a 5,000-line file', () => {
    assert.equal(text.split('\n').length - 1, 5000);
    assert.deepEqual(validate(text).map((finding) => finding.code), ['schema.enum', 'resources.cpu-memory-pair']);
  });

  // Timing is measured by `npm run bench` (test/bench/lsp.bench.ts), never asserted here.
  void it('reports a finding with fixes on each of thousands of secret-looking entries', () => {
    const findings = validate(largeFile(5000, (i) => `API_TOKEN_${i}`)).filter((finding) => finding.code === 'secrets.plain-env');
    assert.ok(findings.length > 2000, `${findings.length} findings`);
    assert.ok(findings.every((finding) => finding.fixes.length > 0));
  });
});
