// The follower with Live Tail against the emulator's event streams: live when permitted, polling
// when refused, and back again after a dropped or expired session, never losing or repeating a line.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { clientConfig, useEmulator } from '../../support/emulatorHarness';
import { APPLICATION_GROUP, assertExactlyOnce, follow, range, SERVICE_GROUP, write, type Following } from './support';

void describe('log follower: Live Tail', () => {
  const t = useEmulator({
    credentials: [
      { accessKeyId: 'test', secretAccessKey: 'test' },
      { accessKeyId: 'AKIDPOLLINGONLY', secretAccessKey: 'polling-secret' },
    ],
    liveTailDenied: ['AKIDPOLLINGONLY'],
  });
  beforeEach(async () => {
    await t.emulator.control.reset();
    await t.emulator.control.configure({ liveTailSessionMs: 3 * 60 * 60 * 1000 });
    await write(t.emulator, SERVICE_GROUP, 'events', ['service running']);
    await write(t.emulator, APPLICATION_GROUP, 'instance/a', ['app started']);
  });

  const liveCount = (run: Following): number => run.sink.modes().filter((mode) => mode === 'live-tail').length;

  void it('catches up by polling, then streams both groups live, with nothing repeated at the switch', async () => {
    const run = follow({ client: t.logs, startTime: Date.now() - 5000 });
    try {
      await run.sink.until('Live Tail', () => liveCount(run) === 1);
      await write(t.emulator, APPLICATION_GROUP, 'instance/a', range('live app', 20));
      await write(t.emulator, SERVICE_GROUP, 'deployment/op', range('live service', 5));
      await write(t.emulator, APPLICATION_GROUP, 'instance/new', ['new instance']);
      await run.sink.until('the live lines', () => run.sink.received.length >= 28);
      assertExactlyOnce(run.sink.messages(), ['service running', 'app started', ...range('live app', 20), ...range('live service', 5), 'new instance']);
      assert.deepEqual(run.sink.modes(), ['polling', 'live-tail']);
    } finally {
      await run.stop();
    }
  });

  void it('falls back to polling, visibly, when Live Tail is refused (AccessDeniedException)', async () => {
    const client = new CloudWatchLogsClient({ ...clientConfig(t.emulator, { credentials: { accessKeyId: 'AKIDPOLLINGONLY', secretAccessKey: 'polling-secret' } }), disableHostPrefix: true });
    const run = follow({ client, startTime: Date.now() - 5000 });
    try {
      await run.sink.until('the fallback', () => run.sink.states.some((state) => state.mode === 'polling' && /AccessDeniedException/.test(state.reason)));
      await write(t.emulator, APPLICATION_GROUP, 'instance/a', range('polled', 10));
      await run.sink.until('the polled lines', () => run.sink.received.length >= 12);
      assertExactlyOnce(run.sink.messages(), ['service running', 'app started', ...range('polled', 10)]);
      assert.ok(!run.sink.modes().includes('live-tail'));
      assert.ok(!JSON.stringify(run.sink.states).includes('polling-secret'));
    } finally {
      await run.stop();
      client.destroy();
    }
  });

  void it('polls while a dropped session is down and goes live again, without gaps or repeats', async () => {
    const run = follow({ client: t.logs, startTime: Date.now() - 5000 });
    const expected = ['service running', 'app started'];
    try {
      await run.sink.until('Live Tail', () => liveCount(run) === 1);
      await write(t.emulator, APPLICATION_GROUP, 'instance/a', range('first session', 10));
      expected.push(...range('first session', 10));
      await run.sink.until('the first session lines', () => run.sink.received.length === expected.length);
      assert.equal(await t.emulator.control.dropLiveTailSessions(), 1);
      await write(t.emulator, APPLICATION_GROUP, 'instance/a', range('while dropped', 10));
      expected.push(...range('while dropped', 10));
      await run.sink.until('the fallback', () => run.sink.states.some((state) => state.mode === 'polling' && /Live Tail dropped/.test(state.reason)));
      await run.sink.until('Live Tail again', () => liveCount(run) === 2);
      await write(t.emulator, APPLICATION_GROUP, 'instance/b', range('second session', 10));
      expected.push(...range('second session', 10));
      await run.sink.until('every line', () => run.sink.received.length >= expected.length);
      assertExactlyOnce(run.sink.messages(), expected);
    } finally {
      await run.stop();
    }
  });

  void it('reconnects when a session reaches its time limit, without gaps or repeats', async () => {
    await t.emulator.control.configure({ liveTailSessionMs: 400 });
    const run = follow({ client: t.logs, startTime: Date.now() - 5000 });
    const expected = ['service running', 'app started'];
    try {
      for (let session = 1; session <= 3; session++) {
        await run.sink.until(`Live Tail session ${session}`, () => liveCount(run) >= session);
        await write(t.emulator, APPLICATION_GROUP, 'instance/a', range(`session ${session}`, 5));
        expected.push(...range(`session ${session}`, 5));
      }
      await run.sink.until('every line', () => run.sink.received.length >= expected.length);
      assertExactlyOnce(run.sink.messages(), expected);
      assert.ok(run.sink.states.some((state) => state.mode === 'reconnecting' && /time limit/.test(state.reason)));
    } finally {
      await run.stop();
    }
  });

  void it('switches to polling when Live Tail would only show a sample, losing nothing', async () => {
    const run = follow({ client: t.logs, startTime: Date.now() - 5000 });
    try {
      await run.sink.until('Live Tail', () => liveCount(run) === 1);
      const burst = range('burst', 2000);
      await write(t.emulator, APPLICATION_GROUP, 'instance/a', burst);
      await run.sink.until('the switch to polling', () => run.sink.states.some((state) => state.mode === 'polling' && /sampl/.test(state.reason)));
      await write(t.emulator, APPLICATION_GROUP, 'instance/b', ['after the burst']);
      await run.sink.until('every line', () => run.sink.received.length >= 2003);
      assertExactlyOnce(run.sink.messages(), ['service running', 'app started', ...burst, 'after the burst']);
    } finally {
      await run.stop();
    }
  });
});
