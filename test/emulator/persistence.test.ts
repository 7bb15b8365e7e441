// `stateFile`: resources survive a restart, and an operation that was running finishes after it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CreateServiceCommand, DescribeServiceCommand } from '@aws-sdk/client-apprunner';
import { GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateSecretCommand, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { startEmulator } from '../../emulator/src/server';
import { makeClients, serviceInput, waitFor } from '../support/emulatorHarness';

void describe('state file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-state-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  void it('keeps services, secrets and logs across a restart and resumes running operations', async () => {
    const stateFile = join(dir, 'state.json');
    const first = await startEmulator({ port: 0, stateFile, provisioningMs: 400, appLogIntervalMs: 0 });
    const clients = makeClients(first);
    let serviceArn: string;
    try {
      const { Service: service } = await clients.appRunner.send(new CreateServiceCommand(serviceInput('persisted-service')));
      serviceArn = service!.ServiceArn!;
      await clients.secrets.send(new CreateSecretCommand({ Name: 'persisted-secret', SecretString: 'kept' }));
      await first.control.appendLogs({ logGroupName: '/persisted', logStreamName: 's', messages: ['one', 'two'] });
    } finally {
      Object.values(clients).forEach((client: { destroy(): void }) => client.destroy());
      await first.stop();
    }

    const second = await startEmulator({ port: 0, stateFile, provisioningMs: 400, appLogIntervalMs: 0 });
    const again = makeClients(second);
    try {
      const running = await waitFor(async () => {
        const service = (await again.appRunner.send(new DescribeServiceCommand({ ServiceArn: serviceArn }))).Service;
        return service?.Status === 'RUNNING' ? service : undefined;
      }, 'the resumed creation to finish');
      assert.equal(running.ServiceName, 'persisted-service');
      assert.equal((await again.secrets.send(new GetSecretValueCommand({ SecretId: 'persisted-secret' }))).SecretString, 'kept');
      const events = await again.logs.send(new GetLogEventsCommand({ logGroupName: '/persisted', logStreamName: 's', startFromHead: true }));
      assert.deepEqual(events.events?.map((e) => e.message), ['one', 'two']);
      await second.control.appendLogs({ logGroupName: '/persisted', logStreamName: 's', messages: ['three'] });
      const next = await again.logs.send(new GetLogEventsCommand({ logGroupName: '/persisted', logStreamName: 's', startFromHead: true, nextToken: events.nextForwardToken }));
      assert.deepEqual(next.events?.map((e) => e.message), ['three'], 'positions keep counting after a restart');
    } finally {
      Object.values(again).forEach((client: { destroy(): void }) => client.destroy());
      await second.stop();
    }
  });
});
