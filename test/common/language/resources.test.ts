// CPU/memory: what ZenML deploys for an unsupported pair, strict matching, requests above the
// largest size, custom resource_combinations, and settings App Runner ignores.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertFixClears, codes, fixNamed, one, preferred, range, validate, yaml } from './kit';

function resources(...lines: string[]): string {
  return yaml('deployment:', '  name: x', 'settings:', '  resources:', ...lines.map((line) => `    ${line}`));
}

function strict(...lines: string[]): string {
  return yaml('deployment:', '  name: x', 'settings:', '  deployer:', '    strict_resource_matching: true', '  resources:', ...lines.map((line) => `    ${line}`));
}

void describe('resources.cpu-memory-pair', () => {
  const text = resources('cpu_count: 1', 'memory: 5GB');

  void it('warns on cpu_count and says what ZenML deploys instead', () => {
    const finding = one(text, 'resources.cpu-memory-pair');
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.range, range(4, 15, 16));
    assert.equal(finding.message, '1 vCPU with 5GB is not an App Runner size; ZenML will deploy 2 vCPU / 6 GB instead. Choose a valid pair to be explicit.');
  });

  void it("offers ZenML's pick first (preferred), then the nearest pairs; each re-validates clean", () => {
    const finding = one(text, 'resources.cpu-memory-pair');
    assert.deepEqual(finding.fixes.map((f) => f.title), [
      'Use 2 vCPU / 6 GB (what ZenML deploys)',
      'Use 1 vCPU / 4 GB',
      'Use 1 vCPU / 3 GB',
      'Use 1 vCPU / 2 GB',
    ]);
    assert.equal(finding.fixes.filter((f) => f.isPreferred).length, 1);
    assert.equal(assertFixClears(text, preferred(finding), 'resources.cpu-memory-pair'), resources('cpu_count: 2', 'memory: 6GB'));
    assert.equal(assertFixClears(text, fixNamed(finding, 'Use 1 vCPU / 4 GB'), 'resources.cpu-memory-pair'), resources('cpu_count: 1', 'memory: 4GB'));
  });

  void it('explains binary units: 2GiB is 2.15 GB and does not fit 2 GB', () => {
    const gib = resources('cpu_count: 1', 'memory: 2GiB');
    const finding = one(gib, 'resources.cpu-memory-pair');
    assert.equal(finding.message, '1 vCPU with 2GiB (2.15 GB) is not an App Runner size; ZenML will deploy 1 vCPU / 3 GB instead. Choose a valid pair to be explicit.');
    assert.equal(assertFixClears(gib, preferred(finding), 'resources.cpu-memory-pair'), resources('cpu_count: 1', 'memory: 3GB'));
  });

  void it('a single value that is not a size (0.3 vCPU) warns; a fix inserts memory with the right indentation', () => {
    const only = resources('cpu_count: 0.3');
    const finding = one(only, 'resources.cpu-memory-pair');
    assert.deepEqual(finding.range, range(4, 15, 18));
    assert.match(finding.message, /^0\.3 vCPU is not an App Runner size; ZenML will deploy 0\.5 vCPU \/ 1 GB instead/);
    assert.equal(assertFixClears(only, preferred(finding), 'resources.cpu-memory-pair'), resources('cpu_count: 0.5', 'memory: 1GB'));
    const quarter = assertFixClears(only, fixNamed(finding, 'Use 0.25 vCPU / 0.5 GB'), 'resources.cpu-memory-pair');
    assert.equal(quarter, resources('cpu_count: 0.25', 'memory: 500MB'));
  });

  void it('memory alone that is not a size warns on memory', () => {
    const only = resources('memory: 5GB');
    const finding = one(only, 'resources.cpu-memory-pair');
    assert.deepEqual(finding.range, range(4, 12, 15));
    assert.match(finding.message, /^5GB of memory is not an App Runner size; ZenML will deploy 2 vCPU \/ 6 GB instead/);
    assertFixClears(only, preferred(finding), 'resources.cpu-memory-pair');
  });

  void it('a single valid value (cpu 1, or 4GB) is quiet: ZenML picks the obvious pair', () => {
    assert.deepEqual(validate(resources('cpu_count: 1')), []);
    assert.deepEqual(validate(resources('memory: 4GB')), []);
    assert.deepEqual(validate(resources('cpu_count: 0.25', 'memory: 500MB')), []);
  });

  void it('works in a flow mapping too', () => {
    const flow = yaml('deployment: {name: x}', 'settings:', '  resources: {cpu_count: 1, memory: 5GB}');
    const finding = one(flow, 'resources.cpu-memory-pair');
    assert.equal(
      assertFixClears(flow, preferred(finding), 'resources.cpu-memory-pair'),
      yaml('deployment: {name: x}', 'settings:', '  resources: {cpu_count: 2, memory: 6GB}'),
    );
  });

  void it('with strict_resource_matching the same pair is an error', () => {
    const text2 = strict('cpu_count: 1', 'memory: 5GB');
    const finding = one(text2, 'resources.cpu-memory-pair');
    assert.equal(finding.severity, 'error');
    assert.equal(
      finding.message,
      '1 vCPU with 5GB is not an App Runner size, and strict_resource_matching is on: ZenML refuses to deploy it (without strict matching it would deploy 2 vCPU / 6 GB). Choose a valid pair.',
    );
    assertFixClears(text2, preferred(finding), 'resources.cpu-memory-pair');
  });

  void it('honours resource_combinations from the file', () => {
    const custom = yaml(
      'deployment:', '  name: x', 'settings:', '  deployer:', '    resource_combinations:', '      - [1, 2]', '      - [2, 4]',
      '  resources:', '    cpu_count: 1', '    memory: 3GB',
    );
    const finding = one(custom, 'resources.cpu-memory-pair');
    assert.equal(finding.message, '1 vCPU with 3GB is not a size in resource_combinations; ZenML will deploy 2 vCPU / 4 GB instead. Choose a valid pair to be explicit.');
    assert.deepEqual(finding.fixes.map((f) => f.title), ['Use 2 vCPU / 4 GB (what ZenML deploys)', 'Use 1 vCPU / 2 GB']);
    for (const fix of finding.fixes) assertFixClears(custom, fix, 'resources.cpu-memory-pair');
  });
});

void describe('resources.exceeds-largest', () => {
  void it('cpu_count: 8 is an error on cpu_count: ZenML would silently deploy 4 vCPU / 12 GB', () => {
    const text = resources('cpu_count: 8');
    const finding = one(text, 'resources.exceeds-largest');
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.range, range(4, 15, 16));
    assert.equal(
      finding.message,
      '8 vCPU is more than the largest App Runner size (4 vCPU / 12 GB); ZenML would silently deploy 4 vCPU / 12 GB instead, less than you asked for. Lower the request to a supported pair.',
    );
    assert.equal(preferred(finding).title, 'Use the largest size, 4 vCPU / 12 GB');
    assert.equal(assertFixClears(text, preferred(finding), 'resources.exceeds-largest'), resources('cpu_count: 4', 'memory: 12GB'));
  });

  void it('memory: 16GB is an error on memory', () => {
    const text = resources('cpu_count: 4', 'memory: 16GB');
    const finding = one(text, 'resources.exceeds-largest');
    assert.deepEqual(finding.range, range(5, 12, 16));
    assert.match(finding.message, /^4 vCPU with 16GB is more than the largest App Runner size/);
    for (const fix of finding.fixes) assertFixClears(text, fix, 'resources.exceeds-largest');
  });

  void it('in strict mode says the deploy is refused', () => {
    assert.match(one(strict('cpu_count: 8', 'memory: 2GB'), 'resources.exceeds-largest').message, /strict_resource_matching ZenML refuses to deploy it/);
  });
});

void describe('resources.strict-partial', () => {
  void it('only cpu_count in strict mode: error with a fix that adds the memory', () => {
    const text = strict('cpu_count: 1');
    const finding = one(text, 'resources.strict-partial');
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.range, range(6, 15, 16));
    assert.equal(
      finding.message,
      'strict_resource_matching is on but only cpu_count is set (1 vCPU): ZenML fails unless cpu_count and memory together are exactly a supported pair. Add memory: 2GB (1 vCPU / 2 GB).',
    );
    assert.equal(preferred(finding).title, 'Add memory: 2GB (1 vCPU / 2 GB)');
    assert.equal(assertFixClears(text, preferred(finding), 'resources.strict-partial'), strict('cpu_count: 1', 'memory: 2GB'));
  });

  void it('only memory in strict mode: the fix adds cpu_count', () => {
    const text = strict('memory: 3GB');
    const finding = one(text, 'resources.strict-partial');
    assert.deepEqual(finding.range, range(6, 12, 15));
    assert.equal(assertFixClears(text, preferred(finding), 'resources.strict-partial'), strict('memory: 3GB', 'cpu_count: 1'));
  });

  void it('an exact pair in strict mode is fine', () => {
    assert.deepEqual(validate(strict('cpu_count: 2', 'memory: 4GB')), []);
  });
});

void describe('resource_combinations and ignored settings', () => {
  void it('warns on a combination App Runner does not offer', () => {
    const text = yaml('deployment:', '  name: x', 'settings:', '  deployer:', '    resource_combinations:', '      - [1, 2]', '      - [3, 7]');
    const finding = one(text, 'resources.unsupported-combination');
    assert.deepEqual(finding.range, range(6, 8, 14));
    assert.match(finding.message, /^\[3, 7\] is not a size App Runner offers/);
  });

  for (const [line, key] of [['gpu_count: 1', 'gpu_count'], ['autoscaling_metric: cpu', 'autoscaling_metric'], ['autoscaling_target: 70', 'autoscaling_target']]) {
    void it(`${key} is an information, greyed out, with a fix that removes it`, () => {
      const text = resources('cpu_count: 1', line);
      const finding = one(text, 'resources.ignored');
      assert.equal(finding.severity, 'information');
      assert.deepEqual(finding.range, range(5, 4, 4 + key.length));
      assert.deepEqual(finding.tags, ['unnecessary']);
      assert.match(finding.message, new RegExp(`^App Runner ignores ${key}: `));
      assert.equal(assertFixClears(text, finding.fixes[0], 'resources.ignored'), resources('cpu_count: 1'));
    });
  }

  void it('gpu_count: 0 is not worth a word', () => {
    assert.deepEqual(codes(resources('gpu_count: 0')), []);
  });
});
