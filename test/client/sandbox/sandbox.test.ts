// The Local Sandbox as the extension starts it: the bundled dist/emulator.js as a child process,
// seeded with the sample deployments, listed by the explorer's model, stopped by its pid.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createAwsClients } from '../../../common/src/aws/clientFactory';
import { loadRegion } from '../../../client/src/explorer/deploymentsModel';
import { SANDBOX_CREDENTIALS, SANDBOX_REGION, startSandbox, type RunningSandbox } from '../../../client/src/sandbox/sandboxProcess';
import { sampleServices, seedSandbox } from '../../../client/src/sandbox/sandboxSeed';

process.env.AWS_EC2_METADATA_DISABLED = 'true';
const EMULATOR = join(__dirname, '..', '..', '..', '..', 'dist', 'emulator.js');

void describe('Local Sandbox', () => {
  let sandbox: RunningSandbox | undefined;
  after(async () => sandbox?.stop());

  void it('starts the bundled emulator on loopback, seeds the samples, and stops cleanly', async () => {
    assert.ok(existsSync(EMULATOR), `missing ${EMULATOR}: run npm run build first`);
    sandbox = await startSandbox(EMULATOR, { provisioningMs: 100 });
    assert.match(sandbox.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    await seedSandbox(sandbox.url, SANDBOX_REGION);
    const clients = createAwsClients({ region: SANDBOX_REGION, endpoint: sandbox.url }, { credentials: SANDBOX_CREDENTIALS });
    try {
      const zenml = await loadRegion(clients, 'zenml');
      assert.ok('services' in zenml);
      assert.deepEqual(
        zenml.services.map((service) => [service.name, service.presentation.description]),
        sampleServices()
          .filter((sample) => sample.tags)
          .map((sample) => [sample.name, { RUNNING: 'Running', PAUSED: 'Paused', CREATE_FAILED: 'Create failed' }[sample.status]])
          .sort((a, b) => a[0].localeCompare(b[0])),
      );
      assert.equal(zenml.hidden, 1, 'legacy-api is not ZenML-managed');
    } finally {
      clients.destroy();
    }
    await sandbox.stop();
    assert.equal(await sandbox.exited, 0, 'the emulator exits cleanly on SIGTERM');
  });

  void it('fails fast naming the script when it cannot start', async () => {
    await assert.rejects(startSandbox(join(__dirname, 'no-such-emulator.js'), { startTimeoutMs: 5000 }), /exited with code 1.*no-such-emulator\.js/s);
  });
});
