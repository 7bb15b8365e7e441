// The Local Sandbox as the extension starts it: the bundled dist/emulator.js as a child process
// holding the sample account, listed by the explorer's model, its services reached where the
// sandbox says, stopped by its pid, and gone when its parent goes.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createAwsClients } from '../../../common/src/aws/clientFactory';
import { loadRegion } from '../../../client/src/explorer/deploymentsModel';
import { SANDBOX_CREDENTIALS, startSandbox, type RunningSandbox } from '../../../client/src/sandbox/sandboxProcess';
import { SAMPLE_SERVICES } from '../../../emulator/src/samples';

process.env.AWS_EC2_METADATA_DISABLED = 'true';
const EMULATOR = join(__dirname, '..', '..', '..', '..', 'dist', 'emulator.js');

void describe('Local Sandbox', () => {
  let sandbox: RunningSandbox | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'zenml-sandbox-'));
  after(async () => {
    await sandbox?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  void it('starts the bundled emulator on loopback with the sample account, serves its services where it says, and stops cleanly', async () => {
    assert.ok(existsSync(EMULATOR), `missing ${EMULATOR}: run npm run build first`);
    sandbox = await startSandbox(EMULATOR, { provisioningMs: 100, stateFile: join(dir, 'state.json') });
    assert.match(sandbox.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.deepEqual(sandbox.regions, Object.keys(SAMPLE_SERVICES).sort());
    const clients = createAwsClients({ region: 'us-east-1', endpoint: sandbox.url }, { credentials: SANDBOX_CREDENTIALS });
    try {
      const zenml = await loadRegion(clients, 'zenml');
      assert.ok('services' in zenml);
      const expected = SAMPLE_SERVICES['us-east-1']
        .filter((sample) => sample.tags)
        .map((sample) => [sample.name, ({ RUNNING: 'Running', PAUSED: 'Paused', CREATE_FAILED: 'Create failed', DELETE_FAILED: 'Delete failed' } as const)[sample.status ?? 'RUNNING']]);
      assert.deepEqual(
        zenml.services.map((service) => [service.name, service.presentation.description]),
        expected.sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      );
      assert.equal(zenml.hidden, 1, 'legacy-api is not ZenML-managed');
      const running = zenml.services.find((service) => service.status === 'RUNNING');
      assert.ok(running);
      const health = await fetch(`${sandbox.serviceUrlBase}${running.url}/health`);
      assert.equal(health.status, 200, 'the running sample answers where the sandbox said');
    } finally {
      clients.destroy();
    }
    await sandbox.stop();
    assert.equal(await sandbox.exited, 0, 'the emulator exits cleanly on SIGTERM');
  });

  void it('keeps what was deployed across a restart (state file) and does not seed the samples twice', async () => {
    sandbox = await startSandbox(EMULATOR, { provisioningMs: 100, stateFile: join(dir, 'state.json') });
    const clients = createAwsClients({ region: 'us-east-1', endpoint: sandbox.url }, { credentials: SANDBOX_CREDENTIALS });
    try {
      const listing = await loadRegion(clients, 'all');
      assert.ok('services' in listing);
      assert.equal(listing.services.length, SAMPLE_SERVICES['us-east-1'].length);
    } finally {
      clients.destroy();
      await sandbox.stop();
    }
  });

  void it('ends when the process that started it ends (VS Code closing or crashing leaves no emulator behind)', async () => {
    // A parent that starts the sandbox, prints its pid, then dies without stopping it.
    const script = `const { startSandbox } = require(${JSON.stringify(require.resolve('../../../client/src/sandbox/sandboxProcess'))});
      startSandbox(${JSON.stringify(EMULATOR)}).then((s) => { console.log(s.pid); process.exit(0); });`;
    const parent = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    parent.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await once(parent, 'exit');
    const pid = Number(output.trim());
    assert.ok(pid > 0, `the parent printed the sandbox pid (got ${JSON.stringify(output)})`);
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && isAlive(pid)) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(isAlive(pid), false, 'the sandbox emulator ended with its parent');
  });

  void it('fails fast naming the script when it cannot start', async () => {
    await assert.rejects(startSandbox(join(__dirname, 'no-such-emulator.js'), { startTimeoutMs: 5000 }), /exited with code 1.*no-such-emulator\.js/s);
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
