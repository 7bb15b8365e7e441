// The deploy engine where a real account misbehaves: an update that rolls back while its outcome
// cannot be read, two deploys of one deployment at once, services stuck DELETE_FAILED, a health
// URL that answers badly, service log events sharing a timestamp, and a busy service.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, it } from 'node:test';
import { AwsCallError, toAwsCallError } from '../../../common/src/aws/errors';
import { applyPlan, changeDeployment, DeployFailedError, deleteDeployment, planFromText } from '../../../common/src/deploy/engine';
import { prepareDeploy } from '../../../common/src/deploy/prepare';
import { readDeployerFile } from '../../../common/src/deploy/deployerInput';
import { REGION } from '../../support/emulatorHarness';
import { assertNoOrphans, deployerFile, recordedDeps, SECRET_VALUE, useEngineEmulator, type FileOptions } from './support/engineKit';

void describe('deploy engine on a real account: no false success, one service per deployment', () => {
  const t = useEngineEmulator();
  afterEach(async () => {
    await t.emulator.control.clearFaults();
    await t.emulator.control.configure({ provisioningMs: 0 });
    await deleteDeployment(recordedDeps(t.emulator).deps, 'weather-agent');
  });

  async function deploy(options: FileOptions = {}, env?: Record<string, string>) {
    const recorded = recordedDeps(t.emulator, env ? { env } : {});
    try {
      const plan = await planFromText(deployerFile(options), 'zenml.deployer.yaml', recorded.deps);
      return { recorded, result: await applyPlan(plan, recorded.deps), error: undefined };
    } catch (error) {
      return { recorded, result: undefined, error };
    }
  }

  const liveServices = async () => (await t.emulator.control.state()).regions[REGION].services.filter((service) => service.status !== 'DELETED');

  void it('a rolled-back update is a failure even when ListOperations is denied: the configuration the service reports says so', async () => {
    assert.equal((await deploy()).result?.status, 'RUNNING');
    await t.emulator.control.addFault({ operation: 'ListOperations', kind: 'deny' });
    const { error } = await deploy({ tag: 'fail-deploy' });
    assert.ok(error instanceof DeployFailedError, String(error));
    assert.match(error.message, /^The update of zenml-weather-agent-[0-9a-f]{8} failed: Health check failed/);
    assert.doesNotMatch(error.message, /RUNNING at/);
    await t.emulator.control.addFault({ operation: 'FilterLogEvents', kind: 'deny' });
    const blind = await deploy({ tag: 'fail-deploy-again' });
    assert.ok(blind.error instanceof DeployFailedError, String(blind.error));
    assert.match(blind.error.message, /failed \(the service is running the previous configuration \(image 123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com\/zenml:weather_agent\)\)\. App Runner rolled it back/);
    await t.emulator.control.clearFaults();
    await assertNoOrphans(t.emulator, t);
  });

  void it('a good update with ListOperations and the service log denied succeeds on the configuration it reports', async () => {
    assert.equal((await deploy()).result?.status, 'RUNNING');
    await t.emulator.control.addFault({ operation: 'ListOperations', kind: 'deny' });
    await t.emulator.control.addFault({ operation: 'FilterLogEvents', kind: 'deny' });
    const { result, error } = await deploy({ tag: 'v2', cpu: 2, memory: '4GB' });
    assert.equal(error, undefined, String(error));
    assert.equal(result?.status, 'RUNNING');
  });

  void it('a redeployment whose outcome cannot be read is not called a success', async () => {
    assert.equal((await deploy()).result?.status, 'RUNNING');
    await t.emulator.control.addFault({ operation: 'ListOperations', kind: 'deny' });
    await t.emulator.control.addFault({ operation: 'FilterLogEvents', kind: 'deny' });
    // New secret values only: a StartDeployment, which changes no configuration the service reports.
    const { error } = await deploy({}, { ZENML_STORE_API_TOKEN: 'rotated-token' });
    assert.ok(error instanceof DeployFailedError, String(error));
    assert.match(error.message, /but the redeployment's outcome could not be read: no permission for apprunner:ListOperations; its service log could not be read \(no permission for logs:FilterLogEvents\)/);
    assert.match(error.state, /outcome unknown/);
  });

  void it('two deploys of a new deployment at once leave one service, one secret and one auto-scaling name', async () => {
    await t.emulator.control.configure({ provisioningMs: 300 });
    const [a, b] = await Promise.all([deploy(), deploy()]);
    const outcomes = [a, b].map((run) => (run.error ? 'failed' : 'ok')).sort();
    assert.deepEqual(outcomes, ['failed', 'ok'], `${String(a.error)} / ${String(b.error)}`);
    const loser = (a.error ?? b.error) as Error;
    assert.match(loser.message, /^Another deploy of weather-agent is in progress/);
    const region = (await t.emulator.control.state()).regions[REGION];
    assert.equal((await liveServices()).length, 1);
    assert.equal(region.secrets.filter((secret) => !secret.scheduledForDeletion).length, 1);
    assert.deepEqual([...new Set(region.autoScalingConfigurations.filter((config) => config.status === 'ACTIVE' && !config.isDefault).map((config) => config.name))].length, 1);
    await assertNoOrphans(t.emulator, t);
  });

  void it('without secrets, the second CreateService is refused by name and its scaling revision removed', async () => {
    await t.emulator.control.configure({ provisioningMs: 300 });
    const plain: FileOptions = { secrets: false, generateAuthKey: false };
    const [a, b] = await Promise.all([deploy(plain), deploy(plain)]);
    const loser = (a.error ?? b.error) as Error;
    assert.ok(loser instanceof DeployFailedError, `one of them fails: ${String(a.error)} / ${String(b.error)}`);
    assert.match(loser.message, /^Another deploy of weather-agent is in progress: App Runner already has its service zenml-weather-agent-[0-9a-f]{8}\./);
    assert.equal((await liveServices()).length, 1);
    await assertNoOrphans(t.emulator, t);
  });

  void it('a deploy planned before another started it refuses the busy service and changes nothing', async () => {
    assert.equal((await deploy()).result?.status, 'RUNNING');
    await t.emulator.control.configure({ provisioningMs: 800 });
    const recorded = recordedDeps(t.emulator);
    const stale = await prepareDeploy(readDeployerFile(deployerFile({ tag: 'v3' }), 'f.yaml'), recorded.deps);
    const other = deploy({ tag: 'v2' });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const error = await applyPlan(stale, recorded.deps).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof DeployFailedError, String(error));
    assert.match(error.message, /is OPERATION_IN_PROGRESS: an operation is running on it \(another deploy, a pause or a resume\)\..* Nothing was changed\.$/);
    assert.equal((await other).error, undefined);
  });

  void it('a DELETE_FAILED deployment is deleted again, with its secret and scaling revisions', async () => {
    const made = await deploy();
    assert.equal(made.result?.status, 'RUNNING');
    await t.emulator.control.addFault({ operation: 'DeleteService', kind: 'fail', count: 1 });
    const first = recordedDeps(t.emulator);
    const result = await deleteDeployment(first.deps, 'weather-agent');
    assert.equal(first.mutating().filter((operation) => operation === 'DeleteService').length, 2, 'the failed delete was tried again');
    assert.ok(result.removed.some((line) => line.startsWith('secret ')));
    assert.deepEqual(await liveServices(), []);
    await assertNoOrphans(t.emulator, t);
    // A service already DELETE_FAILED (a delete that failed earlier) is deleted like any other.
    const [stuck] = await t.emulator.control.seedServices({ services: [{ name: 'zenml-weather-agent-0badc0de', status: 'DELETE_FAILED', tags: { 'managed-by': 'zenml', 'zenml-deployment-name': 'weather-agent', 'zenml-deployment-id': '0badc0de-0000-4000-8000-000000000000' } }] });
    const again = await deleteDeployment(recordedDeps(t.emulator).deps, 'weather-agent');
    assert.deepEqual(again.removed, [`service ${stuck.name}`]);
    assert.deepEqual(await liveServices(), []);
  });

  void it('a replacement whose delete fails twice stops without creating a second service of the same name', async () => {
    assert.equal((await deploy()).result?.status, 'RUNNING');
    await t.emulator.control.addFault({ operation: 'DeleteService', kind: 'fail', count: 2 });
    const kms = 'arn:aws:kms:us-east-1:123456789012:key/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    const { error, recorded } = await deploy({ kmsKey: kms });
    assert.ok(error instanceof DeployFailedError, String(error));
    assert.match(error.message, /^The old service could not be deleted, so it is not replaced: zenml-weather-agent-[0-9a-f]{8} is DELETE_FAILED after 2 delete attempts/);
    assert.ok(!recorded.mutating().includes('CreateService'));
    await t.emulator.control.clearFaults();
    // One failed delete is retried and the replacement goes ahead.
    await t.emulator.control.addFault({ operation: 'DeleteService', kind: 'fail', count: 1 });
    const replaced = await deploy({ kmsKey: kms });
    assert.equal(replaced.error, undefined, String(replaced.error));
    assert.equal(replaced.result?.action, 'replace');
    assert.equal((await liveServices()).length, 1);
  });

  void it('a health URL answering 503 fails the deploy without claiming a rollback, after the clean-up ran', async () => {
    assert.equal((await deploy()).result?.status, 'RUNNING');
    const unhealthy = await listen(503);
    try {
      const recorded = recordedDeps(t.emulator);
      recorded.deps.serviceUrl = () => unhealthy.url;
      const plan = await planFromText(deployerFile({ maxReplicas: 12 }), 'f.yaml', recorded.deps);
      const error = await applyPlan(plan, recorded.deps).then(() => undefined, (e: unknown) => e);
      assert.ok(error instanceof DeployFailedError, String(error));
      assert.match(error.message, /answered HTTP 503 instead of 200\. Check the application's logs\. Nothing was rolled back: App Runner runs the new version\.$/);
      assert.ok(recorded.mutating().includes('DeleteAutoScalingConfiguration'), 'the old scaling revision was cleaned up anyway');
      await assertNoOrphans(t.emulator, t);
    } finally {
      await unhealthy.close();
    }
  });

  void it('service log events that share a timestamp are each reported once', async () => {
    await t.emulator.control.configure({ provisioningMs: 1500 });
    const recorded = recordedDeps(t.emulator);
    const plan = await planFromText(deployerFile(), 'f.yaml', recorded.deps);
    let appended: Promise<unknown> | undefined;
    const events = recorded.events;
    recorded.deps.onProgress = (event) => {
      events.push(event);
      if (event.kind === 'log' && appended === undefined) {
        const group = `/aws/apprunner/${plan.serviceName}/`;
        appended = t.emulator.control.state().then((state) => {
          // The name comes back after a delete (it follows from the deployment): the live one is the new service.
          const service = state.regions[REGION].services.find((candidate) => candidate.name === plan.serviceName && candidate.status !== 'DELETED');
          return t.emulator.control.appendLogs({ logGroupName: `${group}${service?.id ?? ''}/service`, logStreamName: 'events', messages: ['same-ms 1', 'same-ms 2', 'same-ms 3', 'same-ms 4'], startTime: Date.now(), stepMs: 0 });
        });
      }
    };
    await applyPlan(plan, recorded.deps);
    await appended;
    const lines = recorded.events.filter((event) => event.kind === 'log').map((event) => event.message);
    assert.deepEqual(lines.filter((line) => line.startsWith('same-ms')).sort(), ['same-ms 1', 'same-ms 2', 'same-ms 3', 'same-ms 4']);
    assert.equal(new Set(lines).size, lines.length, 'no line is reported twice');
  });

  void it('pause, resume and redeploy refuse a busy service; a pause with ListOperations denied still proves itself', async () => {
    assert.equal((await deploy()).result?.status, 'RUNNING');
    await t.emulator.control.addFault({ operation: 'ListOperations', kind: 'deny' });
    const paused = await changeDeployment(recordedDeps(t.emulator).deps, 'weather-agent', 'pause');
    assert.equal(paused.Status, 'PAUSED');
    await t.emulator.control.clearFaults();
    await t.emulator.control.configure({ provisioningMs: 800 });
    const resuming = changeDeployment(recordedDeps(t.emulator).deps, 'weather-agent', 'resume');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const busy = await changeDeployment(recordedDeps(t.emulator).deps, 'weather-agent', 'redeploy').then(() => undefined, (e: unknown) => e);
    assert.ok(busy instanceof DeployFailedError, String(busy));
    assert.match(busy.message, /^Cannot redeploy weather-agent: its service is OPERATION_IN_PROGRESS, and an operation is running on it/);
    assert.equal((await resuming).Status, 'RUNNING');
  });

  void it('StartDeployment on a busy service is an invalid request in App Runner\'s model: read as "busy" like InvalidStateException', () => {
    const target = { region: REGION };
    const asRequest = toAwsCallError(Object.assign(new Error("You can't deploy service x while an operation is in progress (status OPERATION_IN_PROGRESS)."), { name: 'InvalidRequestException' }), target, 'apprunner', 'StartDeployment');
    const asState = toAwsCallError(Object.assign(new Error('busy'), { name: 'InvalidStateException' }), target, 'apprunner', 'UpdateService');
    assert.ok(asRequest instanceof AwsCallError && asRequest.kind === 'invalid-state');
    assert.equal(asState.kind, 'invalid-state');
    const plainInvalid = toAwsCallError(Object.assign(new Error('Value at serviceName failed to satisfy constraint'), { name: 'InvalidRequestException' }), target, 'apprunner', 'CreateService');
    assert.equal(plainInvalid.kind, 'invalid-request');
  });

  void it('secret values never reach an error, the plan or a log line on any of these paths', async () => {
    await assertNoOrphans(t.emulator, t, [SECRET_VALUE]);
  });
});

async function listen(status: number): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((_request, response) => response.writeHead(status).end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
