// The deploy engine end to end against the emulator, with the real SDK clients: create, no-op
// redeploy, updates, replacement, pause/resume/redeploy, delete, and services ZenML made.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DescribeServiceCommand } from '@aws-sdk/client-apprunner';
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { applyPlan, changeDeployment, deleteDeployment, deploymentStatus, listDeployments, planFromText, planToJson } from '../../../common/src/deploy/engine';
import { ACCOUNT, REGION, type TestEmulator } from '../../support/emulatorHarness';
import { assertNoOrphans, deployerFile, recordedDeps, SECRET_VALUE, useEngineEmulator, type FileOptions } from './support/engineKit';

async function deploy(t: TestEmulator, options: FileOptions = {}, env?: Record<string, string>) {
  const recorded = recordedDeps(t.emulator, env ? { env } : {});
  const plan = await planFromText(deployerFile(options), 'zenml.deployer.yaml', recorded.deps);
  const planReads = recorded.reads();
  const result = await applyPlan(plan, recorded.deps);
  return { plan, result, recorded, planReads };
}

void describe('deploy engine: the life of a deployment', () => {
  const t = useEngineEmulator();

  void it('creates secret, scaling configuration and service, waits, and checks the health URL', async () => {
    const { plan, result, recorded } = await deploy(t);
    assert.equal(plan.action, 'create');
    assert.deepEqual(recorded.mutating(), ['CreateSecret', 'CreateAutoScalingConfiguration', 'CreateService']);
    assert.equal(result.status, 'RUNNING');
    assert.match(result.serviceName, /^zenml-weather-agent-[0-9a-f]{8}$/);
    assert.ok(recorded.events.some((event) => event.kind === 'log' && /Service status is set to RUNNING/.test(event.message)), 'service log lines are reported');
    assert.ok(recorded.events.some((event) => event.kind === 'step' && /Health check .*: 200/.test(event.message)));

    const service = (await t.appRunner.send(new DescribeServiceCommand({ ServiceArn: result.serviceArn }))).Service;
    const image = service?.SourceConfiguration?.ImageRepository?.ImageConfiguration;
    assert.deepEqual(image?.RuntimeEnvironmentVariables, { LOG_LEVEL: 'info' });
    const refs = image?.RuntimeEnvironmentSecrets ?? {};
    assert.deepEqual(Object.keys(refs).sort(), ['ZENML_DEPLOYMENT_AUTH_KEY', 'ZENML_STORE_API_TOKEN']);
    assert.match(refs.ZENML_STORE_API_TOKEN, new RegExp(`^arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:zenml-weather-agent-[0-9a-f]{8}-\\w{6}:ZENML_STORE_API_TOKEN::$`));
    assert.equal(service?.InstanceConfiguration?.Cpu, '1024');

    // The generated auth key guards /invoke and lives only in the secret.
    const secret = await t.secrets.send(new GetSecretValueCommand({ SecretId: refs.ZENML_STORE_API_TOKEN.split(':').slice(0, 7).join(':') }));
    const values = JSON.parse(secret.SecretString ?? '{}') as Record<string, string>;
    assert.equal(values.ZENML_STORE_API_TOKEN, SECRET_VALUE);
    const invoke = `${t.emulator.serviceEndpoint(service?.ServiceUrl ?? '')}/invoke`;
    const body = JSON.stringify({ parameters: { city: 'Paris' } });
    assert.equal((await fetch(invoke, { method: 'POST', body, headers: { 'Content-Type': 'application/json' } })).status, 401);
    const authorised = await fetch(invoke, { method: 'POST', body, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${values.ZENML_DEPLOYMENT_AUTH_KEY}` } });
    assert.equal(authorised.status, 200);
    assert.ok(!JSON.stringify(recorded.events).includes(values.ZENML_DEPLOYMENT_AUTH_KEY), 'the auth key is never reported');
    await assertNoOrphans(t.emulator, t, [SECRET_VALUE, values.ZENML_DEPLOYMENT_AUTH_KEY], JSON.stringify(recorded.events));
  });

  void it('a redeploy with nothing changed makes only read calls, at most 4, and keeps the auth key', async () => {
    const before = (await listDeployments(recordedDeps(t.emulator).deps))[0];
    const { plan, recorded, planReads } = await deploy(t);
    assert.equal(plan.action, 'none');
    assert.deepEqual(plan.calls, []);
    assert.deepEqual(recorded.mutating(), []);
    assert.ok(planReads.length <= 4, `reads: ${planReads.join(', ')}`);
    assert.deepEqual(planReads, ['ListServices', 'ListTagsForResource', 'DescribeService', 'GetSecretValue']);
    assert.equal((await listDeployments(recordedDeps(t.emulator).deps))[0].serviceArn, before.serviceArn);
  });

  void it('updates size, scaling, environment and secrets in place, and drops the old scaling revision', async () => {
    const { plan, recorded, result } = await deploy(t, { cpu: 2, memory: '4GB', maxReplicas: 12, logLevel: 'debug' }, { ZENML_STORE_API_TOKEN: 'rotated-token-value' });
    assert.equal(plan.action, 'update');
    assert.deepEqual(recorded.mutating(), ['PutSecretValue', 'CreateAutoScalingConfiguration', 'UpdateService', 'TagResource', 'DeleteAutoScalingConfiguration']);
    assert.ok(plan.changes.includes('~ instance.cpu: 1 -> 2'), plan.changes.join('\n'));
    assert.ok(plan.changes.includes('~ source.environment.LOG_LEVEL: "info" -> "debug"'));
    assert.ok(plan.changes.some((line) => line.startsWith('~ secret values (ZENML_STORE_API_TOKEN')));
    assert.ok(!plan.changes.join('\n').includes('rotated-token-value'));
    const update = planToJson(plan).calls.find((call) => call.operation === 'UpdateService')?.input as Record<string, unknown>;
    assert.deepEqual(Object.keys(update).sort(), ['AutoScalingConfigurationArn', 'InstanceConfiguration', 'ServiceArn', 'SourceConfiguration']);
    const service = (await t.appRunner.send(new DescribeServiceCommand({ ServiceArn: result.serviceArn }))).Service;
    assert.equal(service?.InstanceConfiguration?.Memory, '4096');
    assert.equal(service?.AutoScalingConfigurationSummary?.AutoScalingConfigurationRevision, 2);
    await assertNoOrphans(t.emulator, t, [SECRET_VALUE, 'rotated-token-value']);
  });

  void it('a new secret value alone redeploys the service with StartDeployment', async () => {
    const { recorded } = await deploy(t, { cpu: 2, memory: '4GB', maxReplicas: 12, logLevel: 'debug' }, { ZENML_STORE_API_TOKEN: 'rotated-again' });
    assert.deepEqual(recorded.mutating(), ['PutSecretValue', 'StartDeployment']);
  });

  void it('pauses, resumes and redeploys', async () => {
    const { deps } = recordedDeps(t.emulator);
    assert.equal((await changeDeployment(deps, 'weather-agent', 'pause')).Status, 'PAUSED');
    assert.equal((await deploymentStatus(deps, 'weather-agent')).service.Status, 'PAUSED');
    assert.equal((await changeDeployment(deps, 'weather-agent', 'resume')).Status, 'RUNNING');
    assert.equal((await changeDeployment(deps, 'weather-agent', 'redeploy')).Status, 'RUNNING');
    await assert.rejects(changeDeployment(deps, 'no-such-deployment', 'pause'), /No deployment named "no-such-deployment"/);
  });

  void it('shows a KMS key change as a replacement and replaces the service when applied', async () => {
    const kmsKey = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1b2c3d4e-1111-2222-3333-444455556666`;
    const recorded = recordedDeps(t.emulator, { env: { ZENML_STORE_API_TOKEN: 'rotated-again' } });
    const plan = await planFromText(deployerFile({ cpu: 2, memory: '4GB', maxReplicas: 12, logLevel: 'debug', kmsKey }), 'f.yaml', recorded.deps);
    assert.equal(plan.action, 'replace');
    assert.deepEqual(plan.calls.map((call) => call.operation), ['DeleteService', 'CreateService']);
    assert.match(plan.changes[0], /^! replace service zenml-weather-agent-[0-9a-f]{8}: the KMS key cannot change in place/);
    const result = await applyPlan(plan, recorded.deps);
    const service = (await t.appRunner.send(new DescribeServiceCommand({ ServiceArn: result.serviceArn }))).Service;
    assert.equal(service?.EncryptionConfiguration?.KmsKey, kmsKey);
    assert.equal(service?.ServiceName, plan.serviceName, 'the same name: ZenML finds it again');
    await assertNoOrphans(t.emulator, t, ['rotated-again']);
  });

  void it('deletes the service, its secret and every scaling revision; a second delete finds nothing', async () => {
    const { deps } = recordedDeps(t.emulator);
    const result = await deleteDeployment(deps, 'weather-agent');
    assert.equal(result.removed.filter((line) => line.startsWith('service ')).length, 1);
    assert.equal(result.removed.filter((line) => line.startsWith('secret ')).length, 1);
    const dump = (await t.emulator.control.state()).regions[REGION];
    assert.deepEqual(dump.services.filter((s) => s.status !== 'DELETED'), []);
    assert.deepEqual(dump.secrets, []);
    assert.deepEqual(dump.autoScalingConfigurations.filter((c) => c.status === 'ACTIVE' && !c.isDefault), []);
    assert.deepEqual((await deleteDeployment(deps, 'weather-agent')).removed, []);
  });
});

void describe('deploy engine: services made by ZenML', () => {
  const t = useEngineEmulator();

  void it('finds a service by ZenML tags and names and updates it instead of creating another', async () => {
    const id = '3f2a9c1e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
    const [seeded] = await t.emulator.control.seedServices({
      services: [
        { name: 'zenml-weather-agent-3f2a9c1e', healthCheckPath: '/health', tags: { 'managed-by': 'zenml', 'zenml-deployment-name': 'weather-agent', 'zenml-deployment-id': id, 'zenml-deployer-name': 'aws-prod', 'zenml-deployer-id': 'd-42' } },
      ],
    });
    await t.emulator.control.seedServices({ count: 3, namePrefix: 'unrelated-' });
    const { plan, result } = await deploy(t, { secrets: false, generateAuthKey: false });
    assert.equal(plan.action, 'update');
    assert.equal(plan.deploymentId, id);
    assert.equal(result.serviceArn, seeded.arn);
    assert.ok(!plan.calls.some((call) => call.operation === 'CreateService'));
    const tags = (await listDeployments(recordedDeps(t.emulator).deps)).find((found) => found.serviceArn === seeded.arn)?.tags ?? {};
    assert.equal(tags['zenml-deployer-name'], 'aws-prod', 'ZenML deployer tags stay');
    assert.equal(tags.team, 'ml');
    const again = await deploy(t, { secrets: false, generateAuthKey: false });
    assert.equal(again.plan.action, 'none');
    assert.ok(again.planReads.length <= 4, again.planReads.join(', '));
    await assertNoOrphans(t.emulator, t);
  });

  void it('a paused service is not changed (resume first); a CREATE_FAILED one is deployed again', async () => {
    const tags = (name: string, id: string) => ({ 'managed-by': 'zenml', 'zenml-deployment-name': name, 'zenml-deployment-id': id });
    await t.emulator.control.seedServices({
      services: [
        { name: 'zenml-sleepy-11111111', status: 'PAUSED', healthCheckPath: '/health', tags: tags('sleepy', '11111111-0000-4000-8000-000000000000') },
        { name: 'zenml-broken-22222222', status: 'CREATE_FAILED', healthCheckPath: '/health', tags: tags('broken', '22222222-0000-4000-8000-000000000000') },
      ],
    });
    const paused = await deploy(t, { name: 'sleepy', secrets: false, generateAuthKey: false }).then(() => undefined, (e: unknown) => e);
    assert.ok(paused instanceof Error && /^zenml-sleepy-11111111 is PAUSED: resume it first/.test(paused.message), String(paused));
    const fixed = await deploy(t, { name: 'broken', secrets: false, generateAuthKey: false });
    assert.equal(fixed.plan.action, 'update');
    assert.ok(fixed.plan.calls.some((call) => call.operation === 'UpdateService'));
    const again = await deploy(t, { name: 'broken', secrets: false, generateAuthKey: false });
    assert.equal(again.plan.action, 'none', 'settled once it runs');
    assert.equal(fixed.result.status, 'RUNNING');
    await deleteDeployment(recordedDeps(t.emulator).deps, 'sleepy');
    await deleteDeployment(recordedDeps(t.emulator).deps, 'broken');
    await assertNoOrphans(t.emulator, t);
  });
});
