// AWS-side facts: regions, ARN shapes, tag rules, traffic allocation, VPC ingress, and the two
// spellings of the deployer block.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { APP_RUNNER_REGIONS } from '../../../common/src/domain/regions';
import { assertFixClears, codes, one, preferred, range, rangeOf, yaml } from './kit';

function deployer(...lines: string[]): string {
  return yaml('deployment:', '  name: x', 'settings:', '  deployer:', ...lines.map((line) => `    ${line}`));
}

void describe('region.unsupported', () => {
  void it('an unsupported region is an error listing the 11 regions', () => {
    const text = deployer('region: us-west-1');
    assert.deepEqual(codes(text), ['region.unsupported'], 'replaces the schema enum error');
    const finding = one(text, 'region.unsupported');
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.range, range(4, 12, 21));
    assert.ok(finding.message.startsWith('"us-west-1" is not a region where App Runner runs.'));
    assert.ok(finding.message.endsWith(`App Runner is available in ${APP_RUNNER_REGIONS.join(', ')}.`));
    assert.equal(APP_RUNNER_REGIONS.length, 11);
    for (const fix of finding.fixes) assertFixClears(text, fix, 'region.unsupported');
  });

  void it('close spellings get the region as preferred fix', () => {
    for (const [typed, meant] of [['us-east1', 'us-east-1'], ['US-EAST-1', 'us-east-1'], ['euwest2', 'eu-west-2'], ['eu-centrl-1', 'eu-central-1']]) {
      const text = deployer(`region: ${typed}`);
      const finding = one(text, 'region.unsupported');
      assert.equal(preferred(finding).title, `Change region to ${meant}`, typed);
      assert.equal(assertFixClears(text, preferred(finding), 'region.unsupported'), deployer(`region: ${meant}`));
    }
  });

  void it('nothing close: no fix, still the list', () => {
    assert.deepEqual(one(deployer('region: mars-north-1'), 'region.unsupported').fixes, []);
  });
});

void describe('arn.pattern', () => {
  const cases: [string, string, RegExp][] = [
    ['instance_role_arn', 'role/apprunner', /it is not an ARN/],
    ['access_role_arn', 'arn:aws:iam::123456789012:user/bob', /it names a user, not an IAM role/],
    ['instance_role_arn', 'arn:aws:iam::1234:role/r', /the account id must be 12 digits \(got "1234"\)/],
    ['instance_role_arn', 'arn:aws:s3:::bucket/r', /an ARN of the s3 service, not of an IAM role/],
    ['encryption_kms_key', 'arn:aws:kms:us-east-1:123456789012:alias/mine', /needs the key ARN \(key\/<id>\), not an alias/],
    ['encryption_kms_key', 'arn:aws:kms:us-east-1:123456789012:key/not-a-uuid', /must be a UUID/],
    ['observability_configuration_arn', 'arn:aws:apprunner:us-east-1:123456789012:service/x', /names a service, not an App Runner observability configuration/],
  ];
  for (const [key, value, reason] of cases) {
    void it(`${key}: ${value}`, () => {
      const text = deployer(`${key}: ${value}`);
      assert.deepEqual(codes(text), ['arn.pattern'], 'replaces the schema pattern error');
      const finding = one(text, 'arn.pattern');
      assert.equal(finding.severity, 'error');
      assert.deepEqual(finding.range, rangeOf(text, value));
      assert.ok(finding.message.startsWith(`${key} must be `));
      assert.match(finding.message, reason);
    });
  }

  void it('valid ARNs are quiet', () => {
    assert.deepEqual(
      codes(deployer(
        'instance_role_arn: arn:aws:iam::123456789012:role/service-role/x',
        'access_role_arn: arn:aws-cn:iam::123456789012:role/y',
        'encryption_kms_key: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
        'observability_configuration_arn: arn:aws:apprunner:us-east-1:123456789012:observabilityconfiguration/xray/1',
      )),
      [],
    );
  });
});

void describe('tags', () => {
  void it('an aws: key is an error on the key, fixed by dropping the prefix', () => {
    const text = deployer('tags:', '  team: ml', '  aws:owner: me');
    assert.deepEqual(codes(text), ['tags.invalid'], 'replaces the schema key error');
    const finding = one(text, 'tags.invalid');
    assert.deepEqual(finding.range, range(6, 6, 15));
    assert.match(finding.message, /^Tag key "aws:owner" starts with "aws:", a prefix AWS reserves/);
    assert.equal(assertFixClears(text, preferred(finding), 'tags.invalid'), deployer('tags:', '  team: ml', '  owner: me'));
  });

  void it('too long keys and values are errors with the limits', () => {
    const longKey = 'k'.repeat(129);
    const keyText = deployer('tags:', `  ${longKey}: v`);
    assert.deepEqual(codes(keyText), ['tags.invalid']);
    assert.match(one(keyText, 'tags.invalid').message, /is 129 characters long; AWS allows at most 128/);
    const valueText = deployer('tags:', `  team: ${'v'.repeat(257)}`);
    const finding = one(valueText, 'tags.invalid');
    assert.deepEqual(finding.range, range(5, 12, 269));
    assert.match(finding.message, /is 257 characters long; AWS allows at most 256/);
  });

  void it("a tag ZenML sets itself is an information with a removal fix", () => {
    const text = deployer('tags:', '  team: ml', '  managed-by: me');
    const finding = one(text, 'tags.overridden');
    assert.equal(finding.severity, 'information');
    assert.equal(assertFixClears(text, preferred(finding), 'tags.overridden'), deployer('tags:', '  team: ml'));
  });
});

void describe('traffic_allocation', () => {
  void it('not adding up to 100 is an error on the key, fixable through LATEST', () => {
    const text = deployer('traffic_allocation:', '  LATEST: 70', '  tag:blue: 20');
    const finding = one(text, 'traffic.sum');
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.range, range(4, 4, 22));
    assert.match(finding.message, /^traffic_allocation adds up to 90%, not 100%/);
    assertFixClears(text, preferred(finding), 'traffic.sum', { allowOthers: ['traffic.ignored'] });
  });

  void it('a single entry is set to 100', () => {
    const text = deployer('traffic_allocation: {LATEST: 50}');
    assert.equal(assertFixClears(text, preferred(one(text, 'traffic.sum')), 'traffic.sum'), deployer('traffic_allocation: {LATEST: 100}'));
  });

  void it('a real split is an information: App Runner cannot split traffic', () => {
    const text = deployer('traffic_allocation:', '  LATEST: 80', '  tag:blue: 20');
    const finding = one(text, 'traffic.ignored');
    assert.equal(finding.severity, 'information');
    assert.match(finding.message, /App Runner cannot split traffic/);
  });
});

void describe('ingress', () => {
  void it('invalid JSON is an error on the value', () => {
    const text = deployer('is_publicly_accessible: false', "ingress_vpc_configuration: '{VpcId: vpc-1'");
    const finding = one(text, 'ingress.vpc-configuration');
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.range, rangeOf(text, "'{VpcId: vpc-1'"));
    assert.match(finding.message, /but it is not valid JSON/);
  });

  void it('JSON without VpcEndpointId is an error naming what is missing', () => {
    const text = deployer('is_publicly_accessible: false', 'ingress_vpc_configuration: \'{"VpcId": "vpc-1"}\'');
    assert.match(one(text, 'ingress.vpc-configuration').message, /but it lacks VpcEndpointId/);
  });

  void it('a YAML mapping instead of a JSON string gets a fix that writes the JSON string', () => {
    const text = deployer('is_publicly_accessible: false', 'ingress_vpc_configuration:', '  VpcId: vpc-1', '  VpcEndpointId: vpce-2');
    assert.deepEqual(codes(text), ['ingress.vpc-configuration'], 'replaces the schema type error');
    const finding = one(text, 'ingress.vpc-configuration');
    assert.deepEqual(finding.range, range(5, 4, 29));
    const fixed = assertFixClears(text, preferred(finding), 'ingress.vpc-configuration');
    assert.equal(fixed, deployer('is_publicly_accessible: false', 'ingress_vpc_configuration: \'{"VpcId": "vpc-1", "VpcEndpointId": "vpce-2"}\''));
  });

  void it('a VPC configuration on a public service is a warning, fixed by making it private', () => {
    const text = deployer('ingress_vpc_configuration: \'{"VpcId": "vpc-1", "VpcEndpointId": "vpce-2"}\'');
    const finding = one(text, 'ingress.unused');
    assert.equal(finding.severity, 'warning');
    assertFixClears(text, preferred(finding), 'ingress.unused');
  });

  void it('a private service without VPC configuration is a warning', () => {
    const finding = one(deployer('is_publicly_accessible: false'), 'ingress.missing');
    assert.deepEqual(finding.range, range(4, 28, 33));
  });
});

void describe('settings.duplicate-deployer', () => {
  void it('both deployer and deployer.aws: warning on deployer.aws saying which wins', () => {
    const text = yaml('deployment:', '  name: x', 'settings:', '  deployer:', '    region: us-east-1', '  deployer.aws:', '    region: eu-west-1');
    const finding = one(text, 'settings.duplicate-deployer');
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.range, range(5, 2, 14));
    assert.match(finding.message, /settings\.deployer wins and everything under deployer\.aws is ignored/);
  });

  void it('rules read the block in use: a bad region under the ignored block only gets the schema error', () => {
    const text = yaml('deployment:', '  name: x', 'settings:', '  deployer:', '    region: us-east-1', '  deployer.aws:', '    region: mars-1');
    assert.deepEqual(codes(text).sort(), ['schema.enum', 'settings.duplicate-deployer']);
  });
});
