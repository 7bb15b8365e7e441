// The stand-in ZenML application behind each service URL: health, info, invoke with its bearer
// key, and the access lines it writes to the application log group.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CreateServiceCommand, DeleteServiceCommand, DescribeServiceCommand, PauseServiceCommand, type ServiceStatus } from '@aws-sdk/client-apprunner';
import { FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateSecretCommand } from '@aws-sdk/client-secrets-manager';
import { STAND_IN_GET_PATHS } from '../../emulator/src/apprunner/standInPaths';
import { AUTH_KEY_ENV } from '../../emulator/src/server';
import { ACCOUNT, serviceInput, useEmulator, waitFor } from '../support/emulatorHarness';

void describe('service URLs: the stand-in ZenML application', () => {
  const t = useEmulator();

  async function settle(arn: string, status: ServiceStatus): Promise<void> {
    await waitFor(async () => ((await t.appRunner.send(new DescribeServiceCommand({ ServiceArn: arn }))).Service?.Status === status ? true : undefined), status);
  }

  void it('answers GET /health, /info and the other documented paths at /_services/<ServiceUrl>/', async () => {
    const [seeded] = await t.emulator.control.seedServices({ services: [{ name: 'zenml-weather-3f2a9c1e', tags: { 'zenml-deployment-name': 'weather', 'zenml-deployment-id': '3f2a9c1e-0000-4000-8000-000000000000' } }] });
    assert.equal(seeded.localUrl, `${t.emulator.url}/_services/${seeded.url}`);
    assert.equal(t.emulator.serviceEndpoint(seeded.url), seeded.localUrl);
    const health = await fetch(`${seeded.localUrl}/health`);
    assert.equal(health.status, 200);
    assert.equal(((await health.json()) as { status: string }).status, 'healthy');
    const info = (await (await fetch(`${seeded.localUrl}/info`)).json()) as { deployment: { name: string; id: string }; auth_enabled: boolean };
    assert.deepEqual(info.deployment, { id: '3f2a9c1e-0000-4000-8000-000000000000', name: 'weather' });
    assert.equal(info.auth_enabled, false);
    for (const path of STAND_IN_GET_PATHS) assert.equal((await fetch(`${seeded.localUrl}${path}`)).status, 200, path);
    assert.equal((await fetch(`${seeded.localUrl}/nope`)).status, 404);
    assert.equal((await fetch(`${seeded.localUrl}/health`, { method: 'POST' })).status, 405);
    assert.equal((await fetch(`${t.emulator.url}/_services/unknown.us-east-1.awsapprunner.com/health`)).status, 404);
  });

  void it('checks the bearer key on POST /invoke and echoes the parameters', async () => {
    const [seeded] = await t.emulator.control.seedServices({ services: [{ name: 'invoked-service', authKey: 'key-123' }] });
    const invoke = (headers: Record<string, string>, body: string) => fetch(`${seeded.localUrl}/invoke`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
    const anonymous = await invoke({}, '{"parameters":{"city":"Paris"}}');
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.headers.get('www-authenticate'), 'Bearer');
    assert.equal((await invoke({ Authorization: 'Bearer wrong' }, '{}')).status, 401);
    const ok = await invoke({ Authorization: 'Bearer key-123' }, '{"parameters":{"city":"Paris","days":3},"run_name":"manual"}');
    assert.equal(ok.status, 200);
    const result = (await ok.json()) as { success: boolean; outputs: { result: { echo: unknown } }; metadata: { run_name: string; parameters_used: unknown } };
    assert.equal(result.success, true);
    assert.deepEqual(result.outputs.result.echo, { city: 'Paris', days: 3 });
    assert.deepEqual(result.metadata.parameters_used, { city: 'Paris', days: 3 });
    assert.equal(result.metadata.run_name, 'manual');
    assert.equal((await invoke({ Authorization: 'Bearer key-123' }, '{"parameters":[1]}')).status, 422);
    const metrics = (await (await fetch(`${seeded.localUrl}/metrics`)).json()) as { total_executions: number };
    assert.equal(metrics.total_executions, 1);
    const logs = await t.logs.send(new FilterLogEventsCommand({ logGroupName: `/aws/apprunner/invoked-service/${seeded.id}/application`, filterPattern: '"POST /invoke"' }));
    assert.deepEqual(logs.events?.map((e) => / (\d{3})/.exec(e.message!.split('HTTP/1.1"')[1])?.[1]), ['401', '401', '200', '422']);
  });

  void it('reads the auth key from a Secrets Manager secret referenced in RuntimeEnvironmentSecrets', async () => {
    const secret = await t.secrets.send(new CreateSecretCommand({ Name: 'zenml-keyed', SecretString: JSON.stringify({ [AUTH_KEY_ENV]: 'from-secret' }) }));
    const input = serviceInput('keyed-service');
    input.SourceConfiguration!.ImageRepository!.ImageConfiguration!.RuntimeEnvironmentSecrets = { [AUTH_KEY_ENV]: `${secret.ARN}:${AUTH_KEY_ENV}::` };
    input.InstanceConfiguration!.InstanceRoleArn = `arn:aws:iam::${ACCOUNT}:role/apprunner-instance`;
    const { Service: service } = await t.appRunner.send(new CreateServiceCommand(input));
    await settle(service!.ServiceArn!, 'RUNNING');
    const url = t.emulator.serviceEndpoint(service!.ServiceUrl!);
    assert.equal((await fetch(`${url}/invoke`, { method: 'POST', body: '{}' })).status, 401);
    assert.equal((await fetch(`${url}/invoke`, { method: 'POST', body: '{}', headers: { Authorization: 'Bearer from-secret' } })).status, 200);
  });

  void it('stops answering while paused (503) and after deletion (404)', async () => {
    const { Service: service } = await t.appRunner.send(new CreateServiceCommand(serviceInput('paused-surface')));
    const url = t.emulator.serviceEndpoint(service!.ServiceUrl!);
    await settle(service!.ServiceArn!, 'RUNNING');
    assert.equal((await fetch(`${url}/health`)).status, 200);
    await t.appRunner.send(new PauseServiceCommand({ ServiceArn: service!.ServiceArn }));
    await settle(service!.ServiceArn!, 'PAUSED');
    assert.equal((await fetch(`${url}/health`)).status, 503);
    await t.appRunner.send(new DeleteServiceCommand({ ServiceArn: service!.ServiceArn }));
    await settle(service!.ServiceArn!, 'DELETED');
    assert.equal((await fetch(`${url}/health`)).status, 404);
  });

  void it('refuses traffic to a private service', async () => {
    const { Service: service } = await t.appRunner.send(
      new CreateServiceCommand(serviceInput('private-surface', { NetworkConfiguration: { IngressConfiguration: { IsPubliclyAccessible: false } } })),
    );
    await settle(service!.ServiceArn!, 'RUNNING');
    assert.equal((await fetch(`${t.emulator.serviceEndpoint(service!.ServiceUrl!)}/health`)).status, 403);
  });
});
