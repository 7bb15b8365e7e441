// The CLI where a real account misbehaves, as users run it against the bundled emulator: a
// rolled-back update whose outcome cannot be read exits non-zero, two deploys at once make one
// service, a DELETE_FAILED deployment is deleted, and an endpoint that is not the emulator (a
// plain proxy) deploys with the health URL reported as unreachable, not failed.
import assert from 'node:assert/strict';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before, describe, it } from 'node:test';
import { ControlClient } from '../../emulator/src/controlClient';
import { spawnEmulator, type EmulatorProcess } from '../support/emulatorProcess';
import { runCli } from './support/runCli';

const FILE = 'weather-agent.zenml.deployer.yaml';

void describe('cli on a real account', () => {
  let emulator: EmulatorProcess;
  let control: ControlClient;
  const aws = (): string[] => ['--endpoint', emulator.url];
  before(async () => {
    emulator = await spawnEmulator(['--provisioning-ms', '300']);
    control = new ControlClient(emulator.url);
  });
  afterEach(async () => {
    await control.clearFaults();
    await runCli(['delete', 'weather-agent', '--yes', '--region', 'us-east-1', ...aws()]);
  });
  after(async () => emulator?.stop());

  const live = async () => (await control.state()).regions['us-east-1'].services.filter((service) => service.status !== 'DELETED');

  void it('a rolled-back update with apprunner:ListOperations denied exits 1 and says the previous version runs', async () => {
    assert.equal((await runCli(['deploy', FILE, '--yes', ...aws()])).code, 0);
    await control.addFault({ operation: 'ListOperations', kind: 'deny' });
    const failing = await runCli(['deploy', 'weather-agent.failing.zenml.deployer.yaml', '--yes', ...aws()]);
    assert.equal(failing.code, 1, failing.stderr);
    assert.doesNotMatch(failing.stdout, /RUNNING at/);
    assert.match(failing.stderr, /The update of zenml-weather-agent-[0-9a-f]{8} failed: Health check failed .* App Runner rolled it back and the previous version keeps serving\./);
  });

  void it('two deploys of one new deployment started together: one service, the other run says another deploy is in progress', async () => {
    // A slow CreateSecret keeps both runs past their plan (nothing exists yet) before either creates.
    await control.addFault({ operation: 'CreateSecret', kind: 'latency', latencyMs: 1500 });
    const [a, b] = await Promise.all([runCli(['deploy', FILE, '--yes', ...aws()]), runCli(['deploy', FILE, '--yes', ...aws()])]);
    assert.deepEqual([a.code, b.code].sort(), [0, 1], `${a.stderr}\n---\n${b.stderr}`);
    assert.match((a.code === 1 ? a : b).stderr, /Another deploy of weather-agent is in progress/);
    assert.equal((await live()).length, 1);
    const region = (await control.state()).regions['us-east-1'];
    assert.equal(region.secrets.filter((secret) => !secret.scheduledForDeletion).length, 1);
  });

  void it('a DELETE_FAILED deployment is deleted again with its secret and scaling revisions', async () => {
    assert.equal((await runCli(['deploy', FILE, '--yes', ...aws()])).code, 0);
    await control.addFault({ operation: 'DeleteService', kind: 'fail', count: 1 });
    const deleted = await runCli(['delete', 'weather-agent', '--yes', '--region', 'us-east-1', ...aws()]);
    assert.equal(deleted.code, 0, deleted.stderr);
    assert.match(deleted.stderr, /Deleting service zenml-weather-agent-[0-9a-f]{8} again: the last delete failed \(DELETE_FAILED\)/);
    assert.match(deleted.stdout, /^Deleted weather-agent: service .*, secret zenml-weather-agent-[0-9a-f]{8}\n$/);
    assert.deepEqual(await live(), []);
  });

  void it('through an endpoint that is not the emulator (a plain proxy), the health URL is https://<ServiceUrl>: unreachable here is a warning, the deploy succeeds', async () => {
    const proxy = await startProxy(emulator.url);
    try {
      const run = await runCli(['deploy', FILE, '--yes', '--endpoint', proxy.url]);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stderr, /warning: The health URL https:\/\/[a-z0-9]{10}\.us-east-1\.awsapprunner\.com\/health could not be reached from this machine \(getaddrinfo ENOTFOUND [a-z0-9.-]+\); App Runner's own health check passed\./);
      assert.match(run.stdout, /^weather-agent: RUNNING at https:\/\//);
      assert.ok(proxy.forwarded() > 0);
    } finally {
      await proxy.close();
    }
  });
});

/** A plain HTTP forward proxy to the emulator: any AWS-compatible endpoint that is not the emulator itself. */
async function startProxy(target: string): Promise<{ url: string; forwarded(): number; close(): Promise<void> }> {
  const upstream = new URL(target);
  let forwarded = 0;
  const server: Server = createServer((incoming, outgoing) => {
    forwarded++;
    const forward = httpRequest({ host: upstream.hostname, port: upstream.port, path: incoming.url, method: incoming.method, headers: incoming.headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    forward.on('error', () => outgoing.writeHead(502).end());
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, forwarded: () => forwarded, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
