// Validation cost on a 5,000-line file with large maps: close to the YAML parse itself, linear
// in the file size, and still fast when thousands of entries each have a finding with fixes.
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
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

function fastest(runs: number, action: () => void): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    action();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** The bare YAML parse (the library's quadratic duplicate-key check off: we check duplicates ourselves). */
function parseOnly(text: string): void {
  parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false, strict: true });
}

void describe('performance', () => {
  const text = largeFile(5000);

  void it('finds exactly the seeded mistakes in a 5,000-line file', () => {
    assert.equal(text.split('\n').length - 1, 5000);
    assert.deepEqual(validate(text).map((finding) => finding.code), ['schema.enum', 'resources.cpu-memory-pair']);
  });

  void it('validates a 5,000-line file in time close to the YAML parse', (t) => {
    validate(text);
    const parse = fastest(7, () => parseOnly(text));
    const total = fastest(7, () => validate(text));
    t.diagnostic(`5,000 lines: parse ${parse.toFixed(1)} ms, full validation ${total.toFixed(1)} ms (${(total / parse).toFixed(2)}× parse)`);
    assert.ok(total < parse * 1.6 + 25, `validation ${total.toFixed(1)} ms vs parse ${parse.toFixed(1)} ms`);
  });

  void it('grows linearly with the file', (t) => {
    const big = largeFile(20000);
    const small = fastest(5, () => validate(text));
    const large = fastest(5, () => validate(big));
    t.diagnostic(`5,000 lines ${small.toFixed(1)} ms, 20,000 lines ${large.toFixed(1)} ms`);
    assert.ok(large < small * 4 * 1.8, `20k lines took ${large.toFixed(1)} ms vs ${small.toFixed(1)} ms for 5k`);
  });

  void it('stays fast with a finding and fixes on each of 2,500 entries', (t) => {
    const leaky = largeFile(5000, (i) => `API_TOKEN_${i}`);
    let count = 0;
    const elapsed = fastest(3, () => {
      count = validate(leaky).filter((finding) => finding.code === 'secrets.plain-env').length;
    });
    t.diagnostic(`${count} secrets.plain-env findings with fixes in ${elapsed.toFixed(1)} ms`);
    assert.ok(count > 2000);
    assert.ok(elapsed < 1500, `${elapsed.toFixed(1)} ms`);
  });
});
