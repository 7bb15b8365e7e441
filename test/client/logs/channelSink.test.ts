// The channel adapter without VS Code: lines as the CLI prints them, one header per state change at
// a level that matches it, and the caller's reason in the last header.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ChannelSink } from '../../../client/src/logs/channelSink';
import { RecordingWriter } from './support';

void test('writes each line with its time and source, in the order delivered', () => {
  const writer = new RecordingWriter();
  const sink = new ChannelSink(writer);
  sink.lines([
    { timestamp: Date.UTC(2026, 11, 1, 10), source: 'service', logGroupName: '/s', logStreamName: 'events', message: '[AppRunner] Service status is set to RUNNING.\n' },
    { timestamp: Date.UTC(2026, 11, 1, 10, 0, 1), source: 'application', logGroupName: '/a', logStreamName: 'instance/abc', message: 'INFO: started' },
  ]);
  assert.deepEqual(writer.entries, [
    { level: 'info', message: '2026-12-01T10:00:00.000Z [service events] [AppRunner] Service status is set to RUNNING.' },
    { level: 'info', message: '2026-12-01T10:00:01.000Z [application instance/abc] INFO: started' },
  ]);
});

void test('says every mode change as a header: live at info, reconnecting as a warning, a failure as an error', () => {
  const writer = new RecordingWriter();
  const seen: string[] = [];
  const sink = new ChannelSink(writer, (state) => seen.push(state.mode));
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

void test("a stop on request says the caller's reason", () => {
  const writer = new RecordingWriter();
  const sink = new ChannelSink(writer);
  sink.stopping('Stop Logs');
  sink.state({ mode: 'stopped', cause: 'aborted', reason: 'stopped on request' });
  assert.equal(writer.text(), '--- stopped: Stop Logs ---');
});

void test('a channel followed again skips what it already shows, even lines of the same millisecond', () => {
  const first = new RecordingWriter();
  const line = (timestamp: number, message: string) => ({ timestamp, source: 'application' as const, logGroupName: '/a', logStreamName: 'instance/1', message });
  const earlier = new ChannelSink(first);
  earlier.lines([line(1000, 'a'), line(2000, 'b'), line(2000, 'c')]);
  const resume = earlier.resumePoint;
  assert.equal(resume?.timestamp, 2000);
  const second = new RecordingWriter();
  const later = new ChannelSink(second, undefined, resume);
  later.lines([line(2000, 'b'), line(2000, 'c'), line(2000, 'd'), line(3000, 'e')]);
  assert.deepEqual(second.entries.map((entry) => entry.message.split(' ').at(-1)), ['d', 'e']);
});
