// The channel adapter without VS Code: one time per line, the date as a header, JSON events in one
// readable line, one header per state change at a level that matches it, the caller's reason in
// the last header, an empty window said, and no line shown twice when a channel is followed again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { channelLine, dayOf, readableJson, sourceOf, timeOf } from '../../../client/src/logs/channelFormat';
import { ChannelSink } from '../../../client/src/logs/channelSink';
import type { LogLine } from '../../../common/src/logs/types';
import { RecordingWriter } from './support';

const at = (hours: number, minutes = 0, seconds = 0): number => new Date(2026, 11, 1, hours, minutes, seconds).getTime();
const line = (timestamp: number, message: string, source: LogLine['source'] = 'application', logStreamName = 'instance/7c1d0a9f3e2b'): LogLine => ({
  timestamp,
  source,
  logGroupName: source === 'service' ? '/s' : '/a',
  logStreamName,
  message,
});

void test('each line carries one time, a short source and the message; the date is a header when it changes', () => {
  const writer = new RecordingWriter();
  const sink = new ChannelSink(writer);
  sink.lines([line(at(10), '[AppRunner] Service status is set to RUNNING.\n', 'service', 'events'), line(at(10, 0, 1), 'INFO: started'), line(new Date(2026, 11, 2, 0, 0, 5).getTime(), 'next day')]);
  assert.deepEqual(writer.entries.map((entry) => entry.message), [
    '--- 2026-12-01 ---',
    '10:00:00.000 [svc] [AppRunner] Service status is set to RUNNING.',
    '10:00:01.000 [app 7c1d] INFO: started',
    '--- 2026-12-02 ---',
    '00:00:05.000 [app 7c1d] next day',
  ]);
  assert.equal(timeOf(at(9, 41, 12) + 4), '09:41:12.004');
  assert.equal(dayOf(at(9)), '2026-12-01');
  assert.equal(sourceOf({ source: 'application', logStreamName: 'something-else' }), 'app');
});

void test('a JSON event reads as one line: level, logger, message, then the other fields', () => {
  assert.equal(
    readableJson('{"level":"info","logger":"zenml.deployers.server","message":"invocation served","deployment":"weather-agent","run":"7","duration_ms":1184,"time":"2026-12-01T10:00:00Z"}'),
    'INFO zenml.deployers.server: invocation served  deployment=weather-agent  run=7  duration_ms=1184',
  );
  assert.equal(readableJson('{"msg":"retrying","attempt":2,"detail":"upstream said \\"no\\""}'), 'retrying  attempt=2  detail="upstream said \\"no\\""');
  assert.equal(readableJson('{"nested":{"a":1}}'), 'nested={"a":1}');
  assert.equal(readableJson('not json {'), undefined);
  assert.equal(readableJson('[1,2]'), undefined);
  assert.equal(channelLine(line(at(10), '{"level":"ERROR","message":"boom"}')), '10:00:00.000 [app 7c1d] ERROR boom');
});

void test('says every mode change as a header: live at info, reconnecting as a warning, a failure as an error', () => {
  const writer = new RecordingWriter();
  const seen: string[] = [];
  const sink = new ChannelSink(writer, { onState: (state) => seen.push(state.mode) });
  sink.state({ mode: 'polling', reason: 'reading the log' });
  sink.state({ mode: 'live-tail' });
  sink.state({ mode: 'reconnecting', reason: 'ThrottlingException: Rate exceeded', retryInMs: 1500 });
  sink.state({ mode: 'stopped', cause: 'error', reason: 'AccessDeniedException: no' });
  assert.deepEqual(writer.entries, [
    { level: 'info', message: '--- live (polling: reading the log) ---' },
    { level: 'info', message: '--- live (Live Tail) ---' },
    { level: 'warn', message: '--- reconnecting in 1.5 s: ThrottlingException: Rate exceeded ---' },
    { level: 'error', message: '--- stopped: AccessDeniedException: no ---' },
  ]);
  assert.deepEqual(seen, ['polling', 'live-tail', 'reconnecting', 'stopped']);
  assert.equal(sink.currentState?.mode, 'stopped');
});

void test('an empty window is said once the backlog is read, and not when there were lines', () => {
  const empty = new RecordingWriter();
  const sink = new ChannelSink(empty, { window: 'in the last 10 minutes' });
  sink.state({ mode: 'polling', reason: 'reading the log' });
  sink.state({ mode: 'live-tail' });
  sink.state({ mode: 'polling', reason: 'polling every ~1 s' });
  assert.equal(empty.entries.filter((entry) => /no events in the last 10 minutes; new ones appear here/.test(entry.message)).length, 1);
  const busy = new RecordingWriter();
  const withLines = new ChannelSink(busy, { window: 'in the last 10 minutes' });
  withLines.state({ mode: 'polling', reason: 'reading the log' });
  withLines.lines([line(at(10), 'hello')]);
  withLines.state({ mode: 'live-tail' });
  assert.doesNotMatch(busy.text(), /no events/);
});

void test("a stop on request says the caller's reason", () => {
  const writer = new RecordingWriter();
  const sink = new ChannelSink(writer);
  sink.stopping('Stop Logs');
  sink.state({ mode: 'stopped', cause: 'aborted', reason: 'stopped on request' });
  assert.equal(writer.text(), '--- stopped: Stop Logs ---');
});

void test('a channel followed again skips what it already shows, even lines of the same millisecond', () => {
  const earlier = new ChannelSink(new RecordingWriter(), { sources: ['service', 'application'] });
  earlier.lines([line(1000, 'a'), line(2000, 'b'), line(2000, 'c')]);
  const resume = earlier.resumePoint;
  assert.equal(resume?.timestamp, 2000);
  const second = new RecordingWriter();
  const later = new ChannelSink(second, { ...(resume ? { resume } : {}), sources: ['service', 'application'] });
  later.lines([line(2000, 'b'), line(2000, 'c'), line(2000, 'd'), line(3000, 'e')]);
  assert.deepEqual(second.entries.filter((entry) => !entry.message.startsWith('---')).map((entry) => entry.message.split(' ').at(-1)), ['d', 'e']);
});

void test("after a deploy's service-only channel, Show Logs hides the service lines already shown, not the application's", () => {
  const deploy = new ChannelSink(new RecordingWriter(), { sources: ['service'] });
  deploy.lines([line(1000, 'svc 1', 'service', 'events'), line(2000, 'svc 2', 'service', 'events')]);
  const resume = deploy.resumePoint;
  assert.deepEqual(resume?.sources, ['service']);
  const all = new RecordingWriter();
  const show = new ChannelSink(all, { ...(resume ? { resume } : {}), sources: ['service', 'application'] });
  show.lines([line(500, 'app 0'), line(1000, 'svc 1', 'service', 'events'), line(1500, 'app 1'), line(2000, 'svc 2', 'service', 'events'), line(2500, 'svc 3', 'service', 'events')]);
  assert.deepEqual(all.entries.filter((entry) => !entry.message.startsWith('---')).map((entry) => entry.message.replace(/^\S+ \[[^\]]+\] /, '')), ['app 0', 'app 1', 'svc 3']);
});
