// The plan document Deploy and Show Plan open, from the engine's plan against the emulator.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAwsClients } from '../../../common/src/aws/clientFactory';
import { applyPlan, engineDeps, planFromText } from '../../../common/src/deploy/engine';
import { envReferences, planDocument } from '../../../client/src/deploy/planDocument';
import { SAMPLE_CONFIG } from '../../../client/src/samples/sampleConfig';
import { REGION, TEST_CREDENTIALS, useEmulator } from '../../support/emulatorHarness';

const WITH_SECRET = `deployment:
  name: weather-agent
  image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/zenml:weather_agent
  port: 8000
  health_path: /health
  secrets:
    ZENML_STORE_API_TOKEN: \${env:WEATHER_TOKEN}
settings:
  deployer:
    region: us-east-1
    use_secrets_manager: true
    instance_role_arn: arn:aws:iam::123456789012:role/apprunner-instance
    access_role_arn: arn:aws:iam::123456789012:role/apprunner-ecr-access
    health_check_protocol: HTTP
`;

void describe('plan document', () => {
  const env = useEmulator();

  void it('lists the changes and calls of a create, never the secret value', async () => {
    const clients = createAwsClients({ region: REGION, endpoint: env.emulator.url }, { credentials: TEST_CREDENTIALS });
    try {
      const secret = 'tok-very-secret-4711';
      const plan = await planFromText(WITH_SECRET, 'zenml.deployer.yaml', engineDeps(clients, { env: { WEATHER_TOKEN: secret } }));
      const text = planDocument(plan, 'zenml.deployer.yaml');
      assert.match(text, /^# Plan: weather-agent\n\nDeploying `zenml\.deployer\.yaml` creates App Runner service \*\*zenml-weather-agent-[0-9a-f]{8}\*\* in us-east-1\./);
      // Each change is one list item saying what happens in a word (a leading + would nest a list).
      assert.match(text, /## Changes\n\n- \*\*add\*\* service zenml-weather-agent-[0-9a-f]{8} \(/);
      assert.match(text, /\n- \*\*add\*\* secret zenml-weather-agent-[0-9a-f]{8} \(ZENML_STORE_API_TOKEN; values not shown\)/);
      assert.doesNotMatch(text, /^- [+~-] /m);
      assert.match(text, /## AWS calls, in order\n\n1\. `secretsmanager:CreateSecret`/);
      assert.match(text, /`apprunner:CreateService` zenml-weather-agent-/);
      assert.match(text, /"SecretString": "<redacted>"/);
      assert.doesNotMatch(text, new RegExp(secret));
    } finally {
      clients.destroy();
    }
  });

  void it('says a redeploy of an unchanged file changes nothing', async () => {
    const clients = createAwsClients({ region: REGION, endpoint: env.emulator.url }, { credentials: TEST_CREDENTIALS });
    try {
      const deps = engineDeps(clients);
      await applyPlan(await planFromText(SAMPLE_CONFIG, 'zenml.deployer.yaml', deps), deps);
      const again = planDocument(await planFromText(SAMPLE_CONFIG, 'zenml.deployer.yaml', deps), 'zenml.deployer.yaml');
      assert.match(again, /changes nothing in App Runner service/);
      assert.match(again, /Everything is as the file says: nothing to do\./);
      assert.doesNotMatch(again, /## AWS calls/);
    } finally {
      clients.destroy();
    }
  });

  void it('finds the ${env:NAME} references to fill', () => {
    assert.deepEqual(envReferences({ A: '${env:TOKEN_A}', B: 'literal', C: ' ${env:C_2} ' }), [
      { key: 'A', envName: 'TOKEN_A' },
      { key: 'C', envName: 'C_2' },
    ]);
  });
});
