// Following with a filter pattern: Live Tail gets `logEventFilterPattern`, polling switches to
// FilterLogEvents, and in neither mode (nor at the switches) does an unfiltered line reach the sink.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { LOOKBACK_MS } from '../../../common/src/logs/filterReader';
import { clientConfig, useEmulator } from '../../support/emulatorHarness';
import { APPLICATION_GROUP, assertExactlyOnce, follow, SERVICE_GROUP, write } from './support';

const PATTERN = '{ $.level = "ERROR" }';
const error = (text: string): string => JSON.stringify({ level: 'ERROR', message: text });
const info = (text: string): string => JSON.stringify({ level: 'INFO', message: text });

void describe('log follower with a filter pattern', () => {
  const t = useEmulator({
    credentials: [
      { accessKeyId: 'test', secretAccessKey: 'test' },
      { accessKeyId: 'AKIDPOLLINGONLY', secretAccessKey: 'polling-secret' },
    ],
    liveTailDenied: ['AKIDPOLLINGONLY'],
  });
  beforeEach(async () => {
    await t.emulator.control.reset();
    await write(t.emulator, SERVICE_GROUP, 'events', ['[AppRunner] Service status is set to RUNNING.']);
    await write(t.emulator, APPLICATION_GROUP, 'instance/a', [info('backlog info'), error('backlog error')]);
  });

  void it('Live Tail: the backlog and the live lines that match, nothing else, nothing twice', async () => {
    const run = follow({ client: t.logs, startTime: Date.now() - 5000, filterPattern: PATTERN });
    try {
      await run.sink.until('Live Tail', () => run.sink.modes().includes('live-tail'));
      await write(t.emulator, APPLICATION_GROUP, 'instance/a', [info('live info'), error('live error 1')]);
      await write(t.emulator, APPLICATION_GROUP, 'instance/b', ['ERROR but not JSON', error('live error 2')]);
      await write(t.emulator, SERVICE_GROUP, 'events', ['[AppRunner] ERROR in the service log']);
      await run.sink.until('the live errors', () => run.sink.received.length >= 3);
      // Give anything unfiltered a chance to arrive: a later matching line marks the end.
      await write(t.emulator, APPLICATION_GROUP, 'instance/a', [error('the last one')]);
      await run.sink.until('the last line', () => run.sink.messages().includes(error('the last one')));
      assertExactlyOnce(run.sink.messages(), [error('backlog error'), error('live error 1'), error('live error 2'), error('the last one')]);
      assert.deepEqual(run.sink.modes(), ['polling', 'live-tail']);
    } finally {
      await run.stop();
    }
  });

  void it('polling (Live Tail refused): FilterLogEvents with the pattern, new streams included, nothing twice', async () => {
    const client = new CloudWatchLogsClient({ ...clientConfig(t.emulator, { credentials: { accessKeyId: 'AKIDPOLLINGONLY', secretAccessKey: 'polling-secret' } }), disableHostPrefix: true });
    const run = follow({ client, startTime: Date.now() - 5000, filterPattern: PATTERN });
    try {
      await run.sink.until('the backlog', () => run.sink.received.length === 1);
      await run.sink.until('polling for good', () => run.sink.states.some((state) => state.mode === 'polling' && /not permitted/.test(state.reason)));
      await write(t.emulator, APPLICATION_GROUP, 'instance/new', [info('new info'), error('new error')]);
      await write(t.emulator, SERVICE_GROUP, 'deployment/op', ['deployment line']);
      await run.sink.until('the new error', () => run.sink.received.length === 2);
      // An event that reaches CloudWatch late, stamped before the newest one delivered, within the look-back.
      await write(t.emulator, APPLICATION_GROUP, 'instance/late', [error('late but within the look-back')], Date.now() - LOOKBACK_MS / 3);
      await write(t.emulator, APPLICATION_GROUP, 'instance/new', [error('after the late one')]);
      await run.sink.until('the late and the last', () => run.sink.received.length === 4);
      assertExactlyOnce(run.sink.messages(), [error('backlog error'), error('new error'), error('late but within the look-back'), error('after the late one')]);
      assert.ok(!run.sink.modes().includes('live-tail'));
    } finally {
      await run.stop();
      client.destroy();
    }
  });

  void it('polling with liveTail off reads the backlog across pages and ends when not following', async () => {
    const start = Date.now() - 120_000;
    await t.emulator.control.appendLogs({ logGroupName: APPLICATION_GROUP, logStreamName: 'instance/big', count: 25_000, template: '{"level":"ERROR","n":{n}}', startTime: start, stepMs: 2 });
    await t.emulator.control.appendLogs({ logGroupName: APPLICATION_GROUP, logStreamName: 'instance/big', count: 25_000, template: '{"level":"INFO","n":{n}}', startTime: start + 1, stepMs: 2 });
    const run = follow({ client: t.logs, startTime: start, follow: false, filterPattern: PATTERN });
    const end = await run.done;
    assert.equal(end.cause, 'end');
    assert.equal(run.sink.received.length, 25_001);
    assert.ok(run.sink.messages().every((message) => message.includes('"ERROR"')));
    const times = run.sink.received.map((line) => line.timestamp);
    assert.deepEqual(times, [...times].sort((a, b) => a - b));
  });

  void it('stops with an error when CloudWatch refuses the pattern', async () => {
    const run = follow({ client: t.logs, startTime: Date.now() - 5000, filterPattern: 'POST /invoke' });
    const end = await run.done;
    assert.equal(end.cause, 'error');
    assert.match(end.reason, /Invalid filter pattern: Invalid character\(s\) in term '\/invoke'/);
    assert.deepEqual(run.sink.received, []);
  });
});
