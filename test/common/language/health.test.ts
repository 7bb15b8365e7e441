// Health checks and deprecated keys: a path with TCP, the grace period App Runner lacks, and the
// old `port` / `health_check_path` keys moved to `deployment`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertFixClears, codes, one, preferred, range, yaml } from './kit';

void describe('health.path-ignored', () => {
  void it('deployment.health_path with the default TCP protocol: warning on the key, fix sets HTTP', () => {
    const text = yaml('deployment:', '  name: x', '  health_path: /health');
    const finding = one(text, 'health.path-ignored');
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.range, range(2, 2, 13));
    assert.equal(
      finding.message,
      'deployment.health_path is ignored: health_check_protocol is TCP (the default), so App Runner only checks that the port accepts connections. Set health_check_protocol: HTTP to check the path.',
    );
    assert.equal(
      assertFixClears(text, preferred(finding), 'health.path-ignored'),
      yaml('deployment:', '  name: x', '  health_path: /health', 'settings:', '  deployer:', '    health_check_protocol: HTTP'),
    );
  });

  void it('with an explicit TCP the fix replaces the value', () => {
    const text = yaml('deployment:', '  name: x', '  health_path: /health', 'settings:', '  deployer:', '    health_check_protocol: TCP');
    const finding = one(text, 'health.path-ignored');
    assert.doesNotMatch(finding.message, /the default/);
    assert.equal(
      assertFixClears(text, preferred(finding), 'health.path-ignored'),
      yaml('deployment:', '  name: x', '  health_path: /health', 'settings:', '  deployer:', '    health_check_protocol: HTTP'),
    );
  });

  void it('is quiet with HTTP, and when the protocol is misspelled (the enum error says enough)', () => {
    assert.deepEqual(codes(yaml('deployment:', '  name: x', '  health_path: /h', 'settings:', '  deployer:', '    health_check_protocol: HTTP')), []);
    assert.deepEqual(codes(yaml('deployment:', '  name: x', '  health_path: /h', 'settings:', '  deployer:', '    health_check_protocol: http')), ['schema.enum']);
  });
});

void describe('health.grace-period', () => {
  void it('is a greyed-out hint over the entry, with a fix that removes it', () => {
    const text = yaml('deployment:', '  name: x', 'settings:', '  deployer:', '    health_check_grace_period_seconds: 10', '    region: us-east-1');
    const finding = one(text, 'health.grace-period');
    assert.equal(finding.severity, 'hint');
    assert.deepEqual(finding.tags, ['unnecessary']);
    assert.deepEqual(finding.range, range(4, 4, 41));
    assert.match(finding.message, /^health_check_grace_period_seconds has no effect: App Runner has no health check grace period/);
    assert.equal(assertFixClears(text, finding.fixes[0], 'health.grace-period'), yaml('deployment:', '  name: x', 'settings:', '  deployer:', '    region: us-east-1'));
  });
});

void describe('deprecated keys', () => {
  void it('settings.deployer.port: deprecation hint on the key, fix moves it to deployment.port', () => {
    const text = yaml('deployment:', '  name: x', 'settings:', '  deployer:', '    region: us-east-1', '    port: 8080');
    const finding = one(text, 'deprecated.port');
    assert.equal(finding.severity, 'hint');
    assert.deepEqual(finding.tags, ['deprecated']);
    assert.deepEqual(finding.range, range(5, 4, 8));
    assert.match(finding.message, /^ZenML 0.98 no longer has port in AWSDeployerSettings and ignores it.*uvicorn_port.*In a zenml.deployer.yaml set deployment\.port instead\.$/);
    assert.equal(preferred(finding).title, 'Move to deployment.port');
    assert.equal(
      assertFixClears(text, preferred(finding), 'deprecated.port'),
      yaml('deployment:', '  name: x', '  port: 8080', 'settings:', '  deployer:', '    region: us-east-1'),
    );
  });

  void it('when deployment.port is set, the fix removes the old key; an emptied block becomes {}', () => {
    const text = yaml('deployment:', '  name: x', '  port: 8000', 'settings:', '  deployer:', '    port: 8080');
    const finding = one(text, 'deprecated.port');
    assert.equal(preferred(finding).title, 'Remove port (deployment.port is set)');
    assert.equal(assertFixClears(text, preferred(finding), 'deprecated.port'), yaml('deployment:', '  name: x', '  port: 8000', 'settings:', '  deployer: {}'));
  });

  void it('health_check_path moves to deployment.health_path', () => {
    const text = yaml('deployment:', '  name: x', 'settings:', '  deployer:', '    health_check_protocol: HTTP', '    health_check_path: /ready');
    const finding = one(text, 'deprecated.health-check-path');
    assert.deepEqual(finding.tags, ['deprecated']);
    assert.deepEqual(finding.range, range(5, 4, 21));
    assert.equal(
      assertFixClears(text, preferred(finding), 'deprecated.health-check-path'),
      yaml('deployment:', '  name: x', '  health_path: /ready', 'settings:', '  deployer:', '    health_check_protocol: HTTP'),
    );
  });

  void it('the deprecated keys work under deployer.aws too', () => {
    const text = yaml('deployment:', '  name: x', 'settings:', '  deployer.aws:', '    port: 8000', '    region: eu-west-1');
    const fixed = assertFixClears(text, preferred(one(text, 'deprecated.port')), 'deprecated.port');
    assert.equal(fixed, yaml('deployment:', '  name: x', '  port: 8000', 'settings:', '  deployer.aws:', '    region: eu-west-1'));
  });
});
