import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { factsAt, knownKeys } from '../../../common/src/domain/schemaFacts';
import { effectiveResources, effectiveScaling, resolveSettings } from '../../../common/src/domain/settingsModel';

void describe('resolveSettings', () => {
  void it('fills every deployer default from the schema', () => {
    const file = resolveSettings({ deployment: { name: 'weather' } });
    assert.equal(file.deployerKey, undefined);
    const settings = file.deployer as unknown as Record<string, unknown>;
    const expectedKeys = knownKeys(['settings', 'deployer']).filter((key) => !factsAt(['settings', 'deployer', key])?.deprecated);
    assert.deepEqual(Object.keys(settings).sort(), expectedKeys.sort());
    for (const key of expectedKeys) {
      assert.deepEqual(settings[key], factsAt(['settings', 'deployer', key])?.default, key);
    }
    assert.equal(file.deployer.health_check_protocol, 'TCP');
    assert.equal(file.deployer.resource_combinations.length, 11);
    assert.deepEqual(file.deployment, { name: 'weather', port: 8000, start_command: null, health_path: '/health', secrets: {} });
    assert.deepEqual(file.resources, {});
    assert.equal(file.explicitDeployerKeys.size, 0);
  });

  void it('reads either deployer key, preferring deployer', () => {
    assert.equal(resolveSettings({ settings: { 'deployer.aws': { region: 'eu-west-1' } } }).deployer.region, 'eu-west-1');
    assert.equal(resolveSettings({ settings: { 'deployer.aws': {} } }).deployerKey, 'deployer.aws');
    const both = resolveSettings({ settings: { deployer: { region: 'us-east-1' }, 'deployer.aws': { region: 'eu-west-1' } } });
    assert.equal(both.deployerKey, 'deployer');
    assert.equal(both.deployer.region, 'us-east-1');
    assert.equal(resolveSettings({ settings: { deployer: null } }).deployerKey, 'deployer');
  });

  void it('drops values of the wrong type or outside the enum', () => {
    const file = resolveSettings({
      deployment: { name: 5, port: '80', secrets: { A: '${env:A}', B: 1 } },
      settings: {
        deployer: { region: 5, health_check_protocol: 'tcp', lcm_timeout: 1.5, tags: { team: 'ml', n: 1 }, use_secrets_manager: 'no' },
        resources: { cpu_count: '1', memory: 2048, max_replicas: 10, autoscaling_metric: 'CPU' },
      },
    });
    assert.equal(file.deployment.name, undefined);
    assert.equal(file.deployment.port, 8000);
    assert.deepEqual(file.deployment.secrets, { A: '${env:A}' });
    assert.equal(file.deployer.region, null);
    assert.equal(file.deployer.health_check_protocol, 'TCP');
    assert.equal(file.deployer.lcm_timeout, 600);
    assert.deepEqual(file.deployer.tags, { team: 'ml' });
    assert.equal(file.deployer.use_secrets_manager, true);
    assert.deepEqual(file.resources, { max_replicas: 10 });
    assert.deepEqual([...file.explicitDeployerKeys], ['tags']);
  });

  void it('keeps out-of-range values for the rules to report', () => {
    const file = resolveSettings({ settings: { deployer: { health_check_interval_seconds: 30 } } });
    assert.equal(file.deployer.health_check_interval_seconds, 30);
  });

  void it('keeps deprecated keys only when given', () => {
    assert.equal(resolveSettings({}).deployer.port, undefined);
    const file = resolveSettings({ settings: { deployer: { port: 8080, health_check_path: '/ping' } } });
    assert.equal(file.deployer.port, 8080);
    assert.equal(file.deployer.health_check_path, '/ping');
  });

  void it('keeps valid resource_combinations and falls back when none is usable', () => {
    const custom = resolveSettings({ settings: { deployer: { resource_combinations: [[1, 2], [2], [0, 4], [2, 4]] } } });
    assert.deepEqual(custom.deployer.resource_combinations, [[1, 2], [2, 4]]);
    assert.ok(custom.explicitDeployerKeys.has('resource_combinations'));
    const broken = resolveSettings({ settings: { deployer: { resource_combinations: [['a', 'b']] } } });
    assert.equal(broken.deployer.resource_combinations.length, 11);
    assert.ok(!broken.explicitDeployerKeys.has('resource_combinations'));
  });

  void it('tolerates anything', () => {
    for (const value of [null, undefined, 5, 'text', [], { settings: 5 }, { settings: { resources: [] } }]) {
      assert.doesNotThrow(() => resolveSettings(value));
    }
  });
});

void describe('effectiveScaling', () => {
  void it("uses the deployer's defaults", () => {
    assert.deepEqual(effectiveScaling({}), { minSize: 1, maxSize: 25, maxConcurrency: 100, notes: [] });
    assert.deepEqual(effectiveScaling({ min_replicas: 2, max_replicas: 10, max_concurrency: 80 }), {
      minSize: 2, maxSize: 10, maxConcurrency: 80, notes: [],
    });
  });

  void it('never sends the limits App Runner rejects, and says so', () => {
    const unlimited = effectiveScaling({ max_replicas: 0 });
    assert.equal(unlimited.maxSize, 25);
    assert.match(unlimited.notes.join(' '), /1000/);
    const busy = effectiveScaling({ max_concurrency: 500 });
    assert.equal(busy.maxConcurrency, 200);
    assert.equal(busy.notes.length, 1);
    const idle = effectiveScaling({ min_replicas: 0 });
    assert.equal(idle.minSize, 1);
    assert.equal(idle.notes.length, 1);
    assert.equal(effectiveScaling({ min_replicas: 30, max_replicas: 40 }).minSize, 25);
  });

  void it('keeps a max above the default quota but warns', () => {
    const big = effectiveScaling({ max_replicas: 50 });
    assert.equal(big.maxSize, 50);
    assert.match(big.notes[0], /quota/);
  });

  void it('resolves min above max', () => {
    const crossed = effectiveScaling({ min_replicas: 5, max_replicas: 3 });
    assert.deepEqual([crossed.minSize, crossed.maxSize], [5, 5]);
    assert.match(crossed.notes[0], /ZenML rejects/);
  });
});

void describe('effectiveResources', () => {
  void it('matches the request against the App Runner pairs', () => {
    const file = resolveSettings({ settings: { resources: { cpu_count: 1, memory: '2GB' } } });
    assert.deepEqual(effectiveResources(file), { kind: 'exact', pair: { cpu: 1, memoryGb: 2 }, request: { cpu: 1, memoryGb: 2 } });
    const rounded = effectiveResources(resolveSettings({ settings: { resources: { cpu_count: 1, memory: '2GiB' } } }));
    assert.deepEqual([rounded.kind, rounded.pair], ['rounded', { cpu: 1, memoryGb: 3 }]);
  });

  void it('uses resource_combinations when given', () => {
    const file = resolveSettings({
      settings: { 'deployer.aws': { resource_combinations: [[1, 2], [2, 4]] }, resources: { cpu_count: 3 } },
    });
    assert.deepEqual(effectiveResources(file), { kind: 'fallback', pair: { cpu: 2, memoryGb: 4 }, request: { cpu: 3 } });
  });

  void it('ignores memory ZenML would reject', () => {
    const file = resolveSettings({ settings: { resources: { memory: '0.5GB' } } });
    assert.deepEqual(effectiveResources(file), { kind: 'default', pair: { cpu: 0.25, memoryGb: 0.5 }, request: {} });
  });
});
