// Scaling limits: ZenML's min/max rule and App Runner's limits (read from the schema).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertFixClears, codes, fixNamed, one, preferred, range, yaml } from './kit';

function resources(...lines: string[]): string {
  return yaml('deployment:', '  name: x', 'settings:', '  resources:', ...lines.map((line) => `    ${line}`));
}

void describe('scaling', () => {
  void it('min_replicas above max_replicas is an error on min_replicas, fixable both ways', () => {
    const text = resources('min_replicas: 5', 'max_replicas: 3');
    const finding = one(text, 'scaling.min-above-max');
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.range, range(4, 18, 19));
    assert.equal(finding.message, 'min_replicas (5) is greater than max_replicas (3), which ZenML rejects. Lower min_replicas or raise max_replicas.');
    assert.equal(assertFixClears(text, preferred(finding), 'scaling.min-above-max'), resources('min_replicas: 3', 'max_replicas: 3'));
    assert.equal(assertFixClears(text, fixNamed(finding, 'Set max_replicas to 5'), 'scaling.min-above-max'), resources('min_replicas: 5', 'max_replicas: 5'));
  });

  void it('min above max does not apply when max is 0 (no limit)', () => {
    assert.deepEqual(codes(resources('min_replicas: 5', 'max_replicas: 0')), ['scaling.max-replicas-zero']);
  });

  void it('min_replicas above 25 is an error (App Runner MinSize 1..25)', () => {
    const text = resources('min_replicas: 30');
    const finding = one(text, 'scaling.min-replicas-limit');
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.range, range(4, 18, 20));
    assert.match(finding.message, /^min_replicas 30 is above App Runner's limit: it keeps 1 to 25 instances/);
    assert.equal(assertFixClears(text, preferred(finding), 'scaling.min-replicas-limit'), resources('min_replicas: 25'));
  });

  void it('max_concurrency above 200 is an error: App Runner rejects what ZenML allows', () => {
    const text = resources('max_concurrency: 1000');
    const finding = one(text, 'scaling.max-concurrency');
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.range, range(4, 21, 25));
    assert.equal(
      finding.message,
      "max_concurrency 1000 is above App Runner's limit of 200 concurrent requests per instance (ZenML allows up to 1000, which App Runner rejects). Use 200 or less.",
    );
    assert.equal(assertFixClears(text, preferred(finding), 'scaling.max-concurrency'), resources('max_concurrency: 200'));
    assert.deepEqual(codes(resources('max_concurrency: 200')), []);
  });

  void it('max_replicas above 25 is a warning about the default quota', () => {
    const text = resources('max_replicas: 40');
    const finding = one(text, 'scaling.max-replicas-quota');
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.range, range(4, 18, 20));
    assert.match(finding.message, /default quota of 25 instances/);
    assertFixClears(text, finding.fixes[0], 'scaling.max-replicas-quota');
    assert.deepEqual(codes(resources('max_replicas: 25')), []);
  });

  void it('max_replicas: 0 is an information: it means the account maximum', () => {
    const text = resources('max_replicas: 0');
    const finding = one(text, 'scaling.max-replicas-zero');
    assert.equal(finding.severity, 'information');
    assert.deepEqual(finding.range, range(4, 18, 19));
    assert.match(finding.message, /^max_replicas: 0 means "no limit", not zero instances/);
    assert.equal(assertFixClears(text, preferred(finding), 'scaling.max-replicas-zero'), resources('max_replicas: 25'));
  });
});
