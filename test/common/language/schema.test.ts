// Schema findings: the error lands on the key or value at fault, with a code per keyword, the
// domain's specific message, and fixes for enum spellings, limits, quotes and unknown keys.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertFixClears, codes, fixNamed, one, preferred, range, rangeOf, validate, yaml } from './kit';

const HEAD = ['deployment:', '  name: x', 'settings:', '  deployer:'];

void describe('schema: values', () => {
  void it('wrong type on the value, with a fix that removes the quotes', () => {
    const text = yaml('deployment:', '  name: x', '  port: "8000"');
    const finding = one(text, 'schema.type');
    assert.deepEqual(finding.range, range(2, 8, 14));
    assert.equal(finding.severity, 'error');
    assert.equal(finding.message, 'port must be a whole number (got "8000"). Remove the quotes.');
    assert.equal(assertFixClears(text, preferred(finding), 'schema.type'), yaml('deployment:', '  name: x', '  port: 8000'));
  });

  void it('a number where an environment variable needs a string gets a quoting fix', () => {
    const text = yaml(...HEAD, '    environment_variables:', '      WORKERS: 2');
    const finding = one(text, 'schema.type');
    assert.deepEqual(finding.range, range(5, 15, 16));
    assert.match(finding.message, /environment_variables\.WORKERS must be a string \(got 2\)/);
    assert.equal(assertFixClears(text, preferred(finding), 'schema.type'), yaml(...HEAD, '    environment_variables:', "      WORKERS: '2'"));
  });

  void it('health check numbers out of 1..20: error on the value naming the limits, fix clamps', () => {
    const text = yaml(...HEAD, '    health_check_interval_seconds: 30');
    const finding = one(text, 'schema.range');
    assert.deepEqual(finding.range, range(4, 35, 37));
    assert.equal(finding.message, 'health_check_interval_seconds must be between 1 and 20 (got 30).');
    assert.equal(assertFixClears(text, preferred(finding), 'schema.range'), yaml(...HEAD, '    health_check_interval_seconds: 20'));
    const low = yaml(...HEAD, '    health_check_unhealthy_threshold: 0');
    assert.equal(one(low, 'schema.range').message, 'health_check_unhealthy_threshold must be between 1 and 20 (got 0).');
    assertFixClears(low, preferred(one(low, 'schema.range')), 'schema.range');
  });

  void it('grace period out of 0..20 is a range error besides the hint that it does nothing', () => {
    const text = yaml(...HEAD, '    health_check_grace_period_seconds: 25');
    assert.deepEqual(codes(text).sort(), ['health.grace-period', 'schema.range']);
    assert.equal(one(text, 'schema.range').message, 'health_check_grace_period_seconds must be between 0 and 20 (got 25).');
  });

  void it('an enum in the wrong case gets the right spelling as preferred fix', () => {
    const text = yaml(...HEAD, '    health_check_protocol: tcp');
    const finding = one(text, 'schema.enum');
    assert.deepEqual(finding.range, range(4, 27, 30));
    assert.equal(finding.message, '"tcp" is not a valid health_check_protocol; use "TCP" or "HTTP" (values are case-sensitive).');
    assert.equal(preferred(finding).title, 'Change to TCP');
    assert.equal(assertFixClears(text, preferred(finding), 'schema.enum'), yaml(...HEAD, '    health_check_protocol: TCP'));
    assertFixClears(text, fixNamed(finding, 'Change to HTTP'), 'schema.enum');
  });

  void it('a near-miss enum suggests the closest value', () => {
    const text = yaml(...HEAD, '    health_check_protocol: HTTPS');
    const finding = one(text, 'schema.enum');
    assert.match(finding.message, /did you mean "HTTP"\?/);
    assert.equal(preferred(finding).title, 'Change to HTTP');
  });

  void it('a string that breaks a pattern is flagged on the value', () => {
    const text = yaml('deployment:', '  name: x', '  health_path: health');
    const finding = one(text, 'schema.pattern');
    assert.deepEqual(finding.range, range(2, 15, 21));
    assert.match(finding.message, /^health_path must be a path starting with "\/"/);
  });

  void it('an empty name is a length error', () => {
    const text = yaml('deployment:', '  name: ""');
    assert.deepEqual(one(text, 'schema.length').range, range(1, 8, 10));
  });

  void it('an empty resource_combinations list is an items error', () => {
    const text = yaml(...HEAD, '    resource_combinations: []');
    assert.deepEqual(one(text, 'schema.items').range, range(4, 27, 29));
  });

  void it('a reserved environment variable name is flagged on the key', () => {
    const text = yaml(...HEAD, '    environment_variables:', '      AWSAPPRUNNER_X: y');
    const finding = one(text, 'schema.invalid-key');
    assert.deepEqual(finding.range, range(5, 6, 20));
    assert.match(finding.message, /AWSAPPRUNNER/);
  });
});

void describe('schema: unknown keys', () => {
  void it('cpu → cpu_count (alias), on the key, with a rename fix', () => {
    const text = yaml('deployment:', '  name: x', 'settings:', '  resources:', '    cpu: 1', '    memory: 2GB');
    const finding = one(text, 'schema.unknown-key');
    assert.deepEqual(finding.range, range(4, 4, 7));
    assert.equal(finding.message, 'Unknown key "cpu" in settings.resources; did you mean "cpu_count"?');
    assert.equal(preferred(finding).title, 'Rename to cpu_count');
    assert.equal(
      assertFixClears(text, preferred(finding), 'schema.unknown-key'),
      yaml('deployment:', '  name: x', 'settings:', '  resources:', '    cpu_count: 1', '    memory: 2GB'),
    );
  });

  void it('memroy → memory (transposed letters)', () => {
    const text = yaml('deployment:', '  name: x', 'settings:', '  resources:', '    memroy: 2GB');
    const finding = one(text, 'schema.unknown-key');
    assert.equal(finding.message, 'Unknown key "memroy" in settings.resources; did you mean "memory"?');
    assertFixClears(text, preferred(finding), 'schema.unknown-key');
  });

  void it('a key from another block gets a fix that moves it there', () => {
    const text = yaml('deployment:', '  name: x', 'settings:', '  deployer:', '    region: us-east-1', '    cpu_count: 2', '  resources:', '    memory: 4GB');
    const finding = one(text, 'schema.unknown-key');
    assert.deepEqual(finding.range, range(5, 4, 13));
    assert.equal(finding.message, '"cpu_count" does not belong in settings.deployer: it is a setting of settings.resources. Move it there.');
    assert.equal(preferred(finding).title, 'Move cpu_count under settings.resources');
    const fixed = assertFixClears(text, preferred(finding), 'schema.unknown-key');
    assert.equal(fixed, yaml('deployment:', '  name: x', 'settings:', '  deployer:', '    region: us-east-1', '  resources:', '    memory: 4GB', '    cpu_count: 2'));
  });

  void it('moving creates the target block when it is missing', () => {
    const text = yaml('deployment:', '  name: x', '  region: eu-west-1');
    const finding = one(text, 'schema.unknown-key');
    const fixed = assertFixClears(text, preferred(finding), 'schema.unknown-key');
    assert.equal(fixed, yaml('deployment:', '  name: x', 'settings:', '  deployer:', '    region: eu-west-1'));
  });

  void it('an alias from another block moves and renames (cpu under deployer → resources.cpu_count)', () => {
    const text = yaml('deployment:', '  name: x', 'settings:', '  deployer:', '    cpu: 1', '    region: us-east-1', '  resources:', '    memory: 2GB');
    const finding = one(text, 'schema.unknown-key');
    assert.match(finding.message, /did you mean "cpu_count" in settings.resources\?/);
    assertFixClears(text, preferred(finding), 'schema.unknown-key');
  });

  void it('a whole block at the wrong level moves with its lines re-indented', () => {
    const text = yaml('deployment:', '  name: x', 'resources:', '  cpu_count: 1', '  memory: 2GB');
    const finding = one(text, 'schema.unknown-key');
    const fixed = assertFixClears(text, preferred(finding), 'schema.unknown-key');
    assert.equal(fixed, yaml('deployment:', '  name: x', 'settings:', '  resources:', '    cpu_count: 1', '    memory: 2GB'));
  });

  void it('an unknown key with no close match lists the keys and can be removed', () => {
    const text = yaml('deployment:', '  name: x', 'settings:', '  colour: blue');
    const finding = one(text, 'schema.unknown-key');
    assert.deepEqual(finding.range, rangeOf(text, 'colour'));
    assert.match(finding.message, /Unknown key "colour" in settings/);
    assert.equal(assertFixClears(text, fixNamed(finding, 'Remove colour'), 'schema.unknown-key', { allowOthers: ['schema.type'] }), yaml('deployment:', '  name: x', 'settings: {}'));
  });

  void it('does not offer a rename onto a key that is already set', () => {
    const text = yaml('deployment:', '  name: x', 'settings:', '  resources:', '    memory: 2GB', '    memroy: 3GB');
    const finding = one(text, 'schema.unknown-key');
    assert.deepEqual(finding.fixes.map((f) => f.title), ['Remove memroy']);
  });
});

void describe('severity overrides', () => {
  const text = yaml('deployment:', '  name: x', 'settings:', '  deployer:', '    health_check_protocol: tcp');
  void it('changes the severity of a code', () => {
    const [finding] = validate(text, { severityOverrides: { 'schema.enum': 'warning' } });
    assert.equal(finding.severity, 'warning');
  });
  void it('turns a code off', () => {
    assert.deepEqual(validate(text, { severityOverrides: { 'schema.enum': 'off' } }), []);
  });
  void it('ignores overrides of other codes', () => {
    assert.equal(validate(text, { severityOverrides: { 'memory.spelling': 'off' } })[0].severity, 'error');
  });
});
