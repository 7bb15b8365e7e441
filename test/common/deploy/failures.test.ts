// The deploy engine when things go wrong: failed creates and updates, throttling, server errors,
// dropped connections, cancellation, refused credentials and missing permissions. After each,
// AWS holds no orphan and no secret value leaked.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { DescribeServiceCommand } from '@aws-sdk/client-apprunner';
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { AwsCallError } from '../../../common/src/aws/errors';
import { applyPlan, DeployCancelledError, DeployFailedError, DeployInputError, deleteDeployment, planFromText } from '../../../common/src/deploy/engine';
import { waitFor } from '../../support/emulatorHarness';
import { assertNoOrphans, deployerFile, recordedDeps, SECRET_VALUE, useEngineEmulator, type FileOptions } from './support/engineKit';

void describe('deploy engine: failures leave nothing behind', () => {
  const t = useEngineEmulator();
  afterEach(async () => {
    await t.emulator.control.clearFaults();
    await t.emulator.control.configure({ provisioningMs: 0 });
    await deleteDeployment(recordedDeps(t.emulator).deps, 'weather-agent');
  });

  async function attempt(options: FileOptions = {}, depsOptions: Parameters<typeof recordedDeps>[1] = {}) {
    const recorded = recordedDeps(t.emulator, depsOptions);
    try {
      const plan = await planFromText(deployerFile(options), 'zenml.deployer.yaml', recorded.deps);
      return { recorded, result: await applyPlan(plan, recorded.deps), error: undefined };
    } catch (error) {
      return { recorded, result: undefined, error };
    }
  }

  void it('a create that ends CREATE_FAILED says why and removes the service, secret and scaling revision', async () => {
    const { error, recorded } = await attempt({ tag: 'fail-deploy' });
    assert.ok(error instanceof DeployFailedError, String(error));
    assert.match(error.message, /^zenml-weather-agent-[0-9a-f]{8} could not be created \(CREATE_FAILED\): Health check failed on .*: the application exited during startup\. The failed service and what this deploy made were removed\.$/);
    assert.ok(error.logLines.some((line) => /fail/i.test(line)), error.logLines.join('\n'));
    assert.ok(recorded.mutating().includes('DeleteService') && recorded.mutating().includes('DeleteSecret'));
    await assertNoOrphans(t.emulator, t, [SECRET_VALUE], error.message + error.logLines.join('\n'));
    const dump = (await t.emulator.control.state()).regions['us-east-1'];
    assert.deepEqual(dump.secrets, []);
  });

  void it('a failed update is rolled back by App Runner; the new revision goes and the old secret value comes back', async () => {
    const first = await attempt();
    assert.equal(first.result?.status, 'RUNNING');
    const { error, recorded } = await attempt({ tag: 'fail-deploy', maxReplicas: 15 }, { env: { ZENML_STORE_API_TOKEN: 'never-deployed-token' } });
    assert.ok(error instanceof DeployFailedError, String(error));
    assert.match(error.message, /^The update of zenml-weather-agent-[0-9a-f]{8} failed: Health check failed on .*: the application exited during startup \(the operation ended ROLLBACK_SUCCEEDED\)\. App Runner rolled it back and the previous version keeps serving\. What this deploy added was removed again\.$/);
    assert.ok(recorded.mutating().includes('DeleteAutoScalingConfiguration'));
    const service = (await t.appRunner.send(new DescribeServiceCommand({ ServiceArn: first.result?.serviceArn }))).Service;
    assert.equal(service?.Status, 'RUNNING');
    const ref = Object.values(service?.SourceConfiguration?.ImageRepository?.ImageConfiguration?.RuntimeEnvironmentSecrets ?? {})[0];
    const secret = await t.secrets.send(new GetSecretValueCommand({ SecretId: ref.split(':').slice(0, 7).join(':') }));
    assert.equal((JSON.parse(secret.SecretString ?? '{}') as Record<string, string>).ZENML_STORE_API_TOKEN, SECRET_VALUE);
    await assertNoOrphans(t.emulator, t, [SECRET_VALUE, 'never-deployed-token']);
  });

  void it('rides out throttling storms, 500s and a dropped connection', async () => {
    // Each call its own storm, within the SDK's three attempts: deterministic, so never flaky.
    for (const operation of ['ListServices', 'CreateSecret', 'DescribeService', 'FilterLogEvents']) await t.emulator.control.addFault({ operation, kind: 'throttle', count: 2 });
    await t.emulator.control.addFault({ operation: 'CreateAutoScalingConfiguration', kind: 'error', count: 2 });
    await t.emulator.control.addFault({ operation: 'CreateService', kind: 'drop', count: 1 });
    const { result, error } = await attempt();
    assert.equal(error, undefined, String(error));
    assert.equal(result?.status, 'RUNNING');
    const faults = await t.emulator.control.faults();
    assert.deepEqual(faults, [], 'every injected fault was hit (and retried)');
    await t.emulator.control.clearFaults();
    await assertNoOrphans(t.emulator, t);
  });

  void it('cancelled mid-wait: stops waiting, says the state, and App Runner finishes on its own', async () => {
    await t.emulator.control.configure({ provisioningMs: 1500 });
    const controller = new AbortController();
    const recorded = recordedDeps(t.emulator, { signal: controller.signal });
    const plan = await planFromText(deployerFile(), 'f.yaml', recorded.deps);
    recorded.deps.onProgress = (event) => {
      if (event.kind === 'step' && event.message.startsWith('Creating service')) setImmediate(() => controller.abort());
    };
    const error = await applyPlan(plan, recorded.deps).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof DeployCancelledError, String(error));
    assert.equal(error.state, 'OPERATION_IN_PROGRESS');
    assert.match(error.message, /^Stopped waiting for zenml-weather-agent-[0-9a-f]{8}: it is OPERATION_IN_PROGRESS\. App Runner finishes/);
    await waitFor(async () => ((await t.emulator.control.state()).regions['us-east-1'].services.find((s) => s.status === 'RUNNING') ? true : undefined), 'the service to finish', 10_000);
    await assertNoOrphans(t.emulator, t);
  });

  void it('cancelled before the service call: removes what it made and changes nothing', async () => {
    const controller = new AbortController();
    const recorded = recordedDeps(t.emulator, { signal: controller.signal });
    const plan = await planFromText(deployerFile(), 'f.yaml', recorded.deps);
    recorded.deps.onProgress = (event) => {
      if (event.kind === 'step' && event.message.startsWith('Creating secret')) controller.abort();
    };
    const error = await applyPlan(plan, recorded.deps).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof DeployCancelledError, String(error));
    assert.equal(error.state, 'unchanged');
    assert.deepEqual(recorded.mutating(), ['CreateSecret', 'DeleteSecret']);
    await assertNoOrphans(t.emulator, t);
  });

  void it('refused credentials fail before anything changes, naming endpoint and region', async () => {
    const { error, recorded } = await attempt({}, { credentials: { accessKeyId: 'test', secretAccessKey: 'wrong' } });
    assert.ok(error instanceof AwsCallError && error.kind === 'bad-credentials', String(error));
    assert.match(error.message, /region us-east-1, endpoint http:\/\/127\.0\.0\.1:\d+/);
    assert.deepEqual(recorded.mutating(), []);
    await assertNoOrphans(t.emulator, t);
  });

  void it('a missing permission names it, and what was made before is removed', async () => {
    await t.emulator.control.addFault({ operation: 'CreateService', kind: 'deny' });
    const { error, recorded } = await attempt();
    assert.ok(error instanceof DeployFailedError, String(error));
    assert.match(error.message, /Grant the identity the IAM permission `apprunner:CreateService`\. What this deploy made was removed again\.$/);
    assert.deepEqual(recorded.mutating(), ['CreateSecret', 'CreateAutoScalingConfiguration', 'CreateService', 'DeleteSecret', 'DeleteAutoScalingConfiguration']);
    await assertNoOrphans(t.emulator, t);
  });

  void it('bad input stops before any AWS call: file errors listed, missing environment variables named', async () => {
    const recorded = recordedDeps(t.emulator, { env: {} });
    const missing = await planFromText(deployerFile(), 'f.yaml', recorded.deps).then(() => undefined, (e: unknown) => e);
    assert.ok(missing instanceof DeployInputError);
    assert.match(missing.message, /^Environment variable not set: ZENML_STORE_API_TOKEN \(for ZENML_STORE_API_TOKEN\)\./);
    const invalid = await planFromText(deployerFile().replace('health_check_protocol: HTTP', 'health_check_protocol: tcp'), 'f.yaml', recorded.deps).then(() => undefined, (e: unknown) => e);
    assert.ok(invalid instanceof DeployInputError);
    assert.equal(invalid.problems.length, 1);
    assert.match(invalid.problems[0], /^f\.yaml:11:28: error schema\.enum "tcp" is not a valid health_check_protocol/);
    assert.deepEqual(recorded.calls, []);
  });
});
