// Invoke against the emulator's stand-in pipeline server: parameters in, formatted JSON out,
// the bearer key required when the deployment has one.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { invokeDeployment, parseParameters } from '../../../client/src/invoke/invokeDeployment';
import { describeService } from '../../../common/src/aws/appRunner';
import { createAwsClients } from '../../../common/src/aws/clientFactory';
import { applyPlan, engineDeps, planFromText } from '../../../common/src/deploy/engine';
import { deploymentAuthKey } from '../../../client/src/invoke/authKey';
import { SAMPLE_CONFIG } from '../../../client/src/samples/sampleConfig';
import { REGION, TEST_CREDENTIALS, useEmulator } from '../../support/emulatorHarness';

void describe('invoke a deployment', () => {
  const env = useEmulator();

  void it('posts the parameters and formats the JSON answer; 401 without the key', async () => {
    const [service] = await env.emulator.control.seedServices({ services: [{ name: 'zenml-weather-agent-1b6f7f0e', healthCheckPath: '/health', authKey: 'k3y-for-test' }] });
    const url = `${env.emulator.serviceEndpoint(service.url)}/invoke`;
    const refused = await invokeDeployment(url, { city: 'Paris' }, undefined);
    assert.equal(refused.status, 401);
    const answer = await invokeDeployment(url, { city: 'Paris' }, 'k3y-for-test');
    assert.equal(answer.status, 200);
    const body = JSON.parse(answer.text) as { outputs: { result: { echo: unknown } } };
    assert.deepEqual(body.outputs.result.echo, { city: 'Paris' });
    assert.match(answer.text, /^\{\n {2}"/, 'pretty-printed');
    assert.doesNotMatch(answer.text, /k3y-for-test/, 'the key is not echoed');
  });

  void it('says how to write parameters when they are not a JSON object', () => {
    assert.deepEqual(parseParameters(''), { ok: true, parameters: {} });
    assert.deepEqual(parseParameters('{"n": 3}'), { ok: true, parameters: { n: 3 } });
    const array = parseParameters('[1]');
    assert.ok(!array.ok && /JSON object such as/.test(array.error));
    const broken = parseParameters('{city: Paris}');
    assert.ok(!broken.ok && /JSON object such as/.test(broken.error));
  });

  void it('reads the key a deployment was given, from its environment or its secret, and invoke succeeds with it', async () => {
    const clients = createAwsClients({ region: REGION, endpoint: env.emulator.url }, { credentials: TEST_CREDENTIALS });
    try {
      const deps = engineDeps(clients, { serviceUrl: (host) => env.emulator.serviceEndpoint(host) });
      const plainEnv = SAMPLE_CONFIG.replace('name: hello-pipeline', 'name: hello-plain').replace('use_secrets_manager: true', 'use_secrets_manager: false');
      for (const text of [SAMPLE_CONFIG, plainEnv]) {
        const result = await applyPlan(await planFromText(text, 'zenml.deployer.yaml', deps), deps);
        assert.ok(result.serviceArn);
        const service = await describeService(clients, result.serviceArn);
        const key = await deploymentAuthKey(clients, service);
        assert.ok(key && key.length >= 32, 'a generated key is found');
        const url = `${env.emulator.serviceEndpoint(service.ServiceUrl ?? '')}/invoke`;
        assert.equal((await invokeDeployment(url, {}, undefined)).status, 401);
        assert.equal((await invokeDeployment(url, { n: 1 }, key)).status, 200);
      }
    } finally {
      clients.destroy();
    }
  });
});
