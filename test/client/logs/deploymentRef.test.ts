// What Show Logs and Stop Logs accept as their argument, and which deployment a file names.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deploymentsInText } from '../../../common/src/language/fileDeployments';
import { deploymentRefFrom } from '../../../client/src/logs/deploymentRef';

const ARN = 'arn:aws:apprunner:eu-west-1:123456789012:service/zenml-weather-agent-1a2b3c4d/0123456789abcdef0123456789abcdef';

void test('takes our own reference, a found deployment, or a Deployments-view node', () => {
  assert.deepEqual(deploymentRefFrom({ region: 'us-east-1', deploymentName: 'weather-agent' }), { region: 'us-east-1', deploymentName: 'weather-agent' });
  assert.deepEqual(deploymentRefFrom({ deploymentName: 'weather-agent', serviceName: 'zenml-weather-agent-1a2b3c4d', serviceId: '0123', serviceArn: ARN }), {
    region: 'eu-west-1',
    deploymentName: 'weather-agent',
    serviceName: 'zenml-weather-agent-1a2b3c4d',
    serviceId: '0123',
    serviceArn: ARN,
  });
  const entry = { region: 'eu-west-1', arn: ARN, name: 'zenml-weather-agent-1a2b3c4d', id: '0123', status: 'RUNNING' };
  const expected = { region: 'eu-west-1', serviceName: 'zenml-weather-agent-1a2b3c4d', serviceId: '0123', serviceArn: ARN };
  assert.deepEqual(deploymentRefFrom(entry), expected);
  assert.deepEqual(deploymentRefFrom({ entry }), expected, 'a tree item wrapping the entry');
});

void test('anything else is not a deployment (a file URI from the editor title, nothing, a bare name)', () => {
  assert.equal(deploymentRefFrom(undefined), undefined);
  assert.equal(deploymentRefFrom({ scheme: 'file', path: '/w/zenml.deployer.yaml' }), undefined);
  assert.equal(deploymentRefFrom({ deploymentName: 'weather-agent' }), undefined, 'no region');
  assert.equal(deploymentRefFrom('weather-agent'), undefined);
});

void test('a deployer file names its deployments, with their regions when set', () => {
  const text = [
    'deployment: {name: weather-agent, image: x}',
    'settings:',
    '  deployer:',
    '    region: eu-west-1',
    '---',
    'deployment:',
    '  name: churn-model',
    '---',
    'settings: {resources: {cpu_count: 1}}',
  ].join('\n');
  assert.deepEqual(deploymentsInText(text), [{ deploymentName: 'weather-agent', region: 'eu-west-1' }, { deploymentName: 'churn-model' }]);
  assert.deepEqual(deploymentsInText(''), []);
});
