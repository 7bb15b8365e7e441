// Bounded memory: a follower kept running at a high event rate holds no more after many events
// than after a few. The emulator runs as a child process so that its stored events do not count.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { followLogs, serviceLogGroups } from '../../../common/src/logs';
import { ControlClient } from '../../../emulator/src/controlClient';
import { spawnEmulator, type EmulatorProcess } from '../../support/emulatorProcess';
import { TEST_CREDENTIALS, REGION } from '../../support/emulatorHarness';
import { APPLICATION_GROUP, FAST, SERVICE } from './support';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

void describe('log follower: memory', () => {
  let emulator: EmulatorProcess;
  before(async () => {
    emulator = await spawnEmulator(['--app-log-interval-ms', '0']);
  });
  after(async () => {
    await emulator?.stop();
  });

  void it('stays flat over a long follow at 4,000 events/s', async () => {
    const control = new ControlClient(emulator.url);
    const client = new CloudWatchLogsClient({ endpoint: emulator.url, region: REGION, credentials: TEST_CREDENTIALS, disableHostPrefix: true });
    const abort = new AbortController();
    let received = 0;
    const waiters: (() => void)[] = [];
    const reached = (count: number): Promise<void> =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${count} events (got ${received})`)), 30_000);
        const check = (): void => {
          if (received >= count) {
            clearTimeout(timer);
            resolve();
          } else waiters.push(check);
        };
        check();
      });
    const done = followLogs({
      client,
      groups: serviceLogGroups(SERVICE.name, SERVICE.id),
      startTime: Date.now() - 1000,
      signal: abort.signal,
      timing: FAST,
      sink: {
        lines(lines) {
          received += lines.length;
          for (const wake of waiters.splice(0)) wake();
        },
        state() {},
      },
    });
    const { generatorId } = await control.appendLogs({ logGroupName: APPLICATION_GROUP, logStreamName: 'instance/load', template: 'INFO request {n} handled in 12 ms', ratePerSecond: 4000 });
    try {
      await reached(8_000);
      const early = heapAfterGc();
      await reached(40_000);
      const late = heapAfterGc();
      const growthMb = (late - early) / 1024 / 1024;
      console.log(`heap after 8,000 events ${(early / 1024 / 1024).toFixed(1)} MB, after 40,000 ${(late / 1024 / 1024).toFixed(1)} MB (growth ${growthMb.toFixed(2)} MB)`);
      assert.ok(growthMb < 8, `heap grew by ${growthMb.toFixed(1)} MB over 32,000 events`);
    } finally {
      if (generatorId) await control.stopLogGenerator(generatorId);
      abort.abort();
      await done;
      client.destroy();
    }
  });
});
