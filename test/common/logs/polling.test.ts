// The follower by polling (DescribeLogStreams + GetLogEvents) against the emulator with the real
// SDK client: order across groups and streams, pages, new streams, and failures resumed without loss.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { clientConfig, useEmulator } from '../../support/emulatorHarness';
import { APPLICATION_GROUP, assertExactlyOnce, follow, range, SERVICE_GROUP, write } from './support';

void describe('log follower: polling', () => {
  const t = useEmulator();
  beforeEach(() => t.emulator.control.reset());

  void it('merges both groups and all their streams in timestamp order, each line with its source, then stops at the end', async () => {
    const start = Date.now() - 60_000;
    await write(t.emulator, SERVICE_GROUP, 'events', ['service 0', 'service 3'], start, 3);
    await write(t.emulator, APPLICATION_GROUP, 'instance/a', ['app-a 1', 'app-a 4'], start + 1, 3);
    await write(t.emulator, APPLICATION_GROUP, 'instance/b', ['app-b 2', 'app-b 5'], start + 2, 3);
    await write(t.emulator, APPLICATION_GROUP, 'instance/a', ['before the start'], start - 10_000);
    const run = follow({ client: t.logs, startTime: start, follow: false });
    const end = await run.done;
    assert.deepEqual(end, { mode: 'stopped', cause: 'end', reason: 'reached the end of the log' });
    assert.deepEqual(run.sink.messages(), ['service 0', 'app-a 1', 'app-b 2', 'service 3', 'app-a 4', 'app-b 5']);
    assert.deepEqual(
      run.sink.received.slice(0, 2).map(({ source, logGroupName, logStreamName, timestamp }) => ({ source, logGroupName, logStreamName, timestamp })),
      [
        { source: 'service', logGroupName: SERVICE_GROUP, logStreamName: 'events', timestamp: start },
        { source: 'application', logGroupName: APPLICATION_GROUP, logStreamName: 'instance/a', timestamp: start + 1 },
      ],
    );
  });

  void it('reads across many full pages without gaps or repeats', async () => {
    const start = Date.now() - 120_000;
    const expected = range('paged', 25_000);
    await write(t.emulator, APPLICATION_GROUP, 'instance/big', expected, start, 1);
    await write(t.emulator, SERVICE_GROUP, 'events', range('service', 3), start + 5, 7_000);
    const run = follow({ client: t.logs, startTime: start, follow: false });
    await run.done;
    assertExactlyOnce(run.sink.messages(), [...expected, ...range('service', 3)]);
    const times = run.sink.received.map((line) => line.timestamp);
    assert.deepEqual(times, [...times].sort((a, b) => a - b), 'in timestamp order');
  });

  void it('picks up a stream created while following, and a log group that appears later', async () => {
    await write(t.emulator, SERVICE_GROUP, 'events', ['service created']);
    const run = follow({ client: t.logs, startTime: Date.now() - 1000, liveTail: false });
    try {
      await run.sink.until('the first line', () => run.sink.received.length === 1);
      await write(t.emulator, APPLICATION_GROUP, 'instance/new', ['new instance started']);
      await write(t.emulator, SERVICE_GROUP, 'deployment/op-1', ['deployment started']);
      await run.sink.until('the new streams', () => run.sink.received.length === 3);
      await write(t.emulator, APPLICATION_GROUP, 'instance/new', ['second line']);
      await run.sink.until('the next line', () => run.sink.received.length === 4);
      assertExactlyOnce(run.sink.messages(), ['service created', 'new instance started', 'deployment started', 'second line']);
      assert.ok(run.sink.modes().every((mode) => mode === 'polling'), JSON.stringify(run.sink.states));
    } finally {
      await run.stop();
    }
    assert.deepEqual(run.sink.states.at(-1), { mode: 'stopped', cause: 'aborted', reason: 'stopped on request' });
  });

  void it('survives throttling storms, 500s and dropped connections, resuming without loss', async () => {
    // No SDK retries: every injected failure reaches the follower's own backoff.
    const client = new CloudWatchLogsClient({ ...clientConfig(t.emulator, { maxAttempts: 1 }), disableHostPrefix: true });
    const run = follow({ client, startTime: Date.now() - 1000, liveTail: false });
    try {
      await write(t.emulator, APPLICATION_GROUP, 'instance/a', range('before', 50));
      await run.sink.until('the first lines', () => run.sink.received.length === 50);
      const expected = [...range('before', 50)];
      for (const [kind, batch] of [['throttle', 'throttled'], ['error', 'failed'], ['drop', 'dropped']] as const) {
        await t.emulator.control.addFault({ operation: 'GetLogEvents', kind, count: 6 });
        await t.emulator.control.addFault({ operation: 'DescribeLogStreams', kind, count: 2 });
        const lines = range(batch, 200);
        for (let i = 0; i < lines.length; i += 50) await write(t.emulator, APPLICATION_GROUP, i % 100 === 0 ? 'instance/a' : 'instance/b', lines.slice(i, i + 50));
        expected.push(...lines);
        await run.sink.until(`the lines written while ${batch}`, () => run.sink.received.length >= expected.length, 20_000);
        assert.deepEqual(await t.emulator.control.faults(), [], `every ${kind} fault was hit`);
      }
      assertExactlyOnce(run.sink.messages(), expected);
      const reconnects = run.sink.states.filter((state) => state.mode === 'reconnecting');
      assert.ok(reconnects.length >= 3, `reconnecting was reported: ${JSON.stringify(run.sink.states)}`);
      assert.ok(reconnects.some((state) => state.mode === 'reconnecting' && /Throttling/.test(state.reason)));
      assert.equal(run.sink.states.at(-1)?.mode, 'polling', 'back to polling after the failures');
    } finally {
      await run.stop();
      client.destroy();
    }
  });

  void it('stops with a clear reason, never a hang, when the credentials are refused, and never prints the secret', async () => {
    const secret = 'wrong-secret-value-do-not-print';
    const client = new CloudWatchLogsClient({ ...clientConfig(t.emulator, { credentials: { accessKeyId: 'test', secretAccessKey: secret } }), disableHostPrefix: true });
    try {
      const run = follow({ client, startTime: Date.now() - 1000 });
      const end = await run.done;
      assert.equal(end.cause, 'error');
      assert.match(end.reason, /InvalidSignatureException/);
      assert.ok(!JSON.stringify(run.sink.states).includes(secret));
    } finally {
      client.destroy();
    }
  });
});
