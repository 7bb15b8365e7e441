// The image: only ECR or ECR Public; private ECR needs access_role_arn; region must match.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertFixClears, codes, one, range, rangeOf, yaml } from './kit';

const ROLE = '    access_role_arn: arn:aws:iam::123456789012:role/apprunner-ecr-access';

void describe('image', () => {
  for (const image of ['python:3.11', 'docker.io/library/python:3.11', 'ghcr.io/acme/zenml:1']) {
    void it(`${image} is not in ECR: error on the value`, () => {
      const text = yaml('deployment:', '  name: x', `  image: ${image}`);
      const finding = one(text, 'image.registry');
      assert.equal(finding.severity, 'error');
      assert.deepEqual(finding.range, range(2, 9, 9 + image.length));
      assert.equal(
        finding.message,
        `"${image}" is not in Amazon ECR: App Runner pulls images only from private ECR (<12-digit account>.dkr.ecr.<region>.amazonaws.com/<repository>[:tag|@digest]) or ECR Public (public.ecr.aws/<alias>/<repository>[:tag|@digest]). Push the image to ECR and use its URI.`,
      );
    });
  }

  void it('a malformed ECR URI is named as such', () => {
    const text = yaml('deployment:', '  name: x', '  image: 1234.dkr.ecr.us-east-1.amazonaws.com/zenml:1');
    assert.match(one(text, 'image.registry').message, /looks like an Amazon ECR image but is not a valid one/);
  });

  void it('ECR Public needs no access role', () => {
    assert.deepEqual(codes(yaml('deployment:', '  name: x', '  image: public.ecr.aws/acme/zenml:latest')), []);
  });

  void it('private ECR without access_role_arn is a warning on the image', () => {
    const text = yaml('deployment:', '  name: x', '  image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/zenml:agent');
    const finding = one(text, 'image.access-role');
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.range, range(2, 9, 65));
    assert.match(finding.message, /needs access_role_arn to pull it/);
    assert.deepEqual(codes(yaml('deployment:', '  name: x', '  image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/zenml:agent', 'settings:', '  deployer:', ROLE)), []);
  });

  void it('an image in another region than `region` is a warning on the region part, fixable', () => {
    const text = yaml(
      'deployment:', '  name: x', '  image: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/zenml:agent"', 'settings:', '  deployer:', '    region: us-east-1', ROLE,
    );
    const finding = one(text, 'image.region');
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.range, range(2, 31, 40));
    assert.deepEqual(finding.range, rangeOf(text, 'eu-west-1'));
    assert.equal(
      finding.message,
      "The image is in ECR in eu-west-1 but the service is created in us-east-1: App Runner expects the image in the service's region. Push the image to ECR in us-east-1 or set region: eu-west-1.",
    );
    assertFixClears(text, finding.fixes[0], 'image.region');
  });

  void it('no region set: the session region decides, nothing to compare', () => {
    const text = yaml('deployment:', '  name: x', '  image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/zenml:agent', 'settings:', '  deployer:', ROLE);
    assert.deepEqual(codes(text), []);
  });
});
