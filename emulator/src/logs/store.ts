// CloudWatch Logs storage: groups, streams and time-ordered events, shared by the Logs API, the
// App Runner lifecycle (which writes service and application logs) and the control API.
import { AwsError } from '../protocol';
import type { EmulatorState, LogAppend, RegionState } from '../state';
import type { LogEventRecord, LogGroupRecord, LogStreamRecord } from './records';

/** PutLogEvents counts each event as its UTF-8 size plus 26 bytes; responses are capped likewise. */
export const EVENT_OVERHEAD_BYTES = 26;
export const MAX_RESPONSE_BYTES = 1_048_576;

export function logGroupArn(state: EmulatorState, region: string, group: string): string {
  return `arn:aws:logs:${region}:${state.settings.accountId}:log-group:${group}`;
}

export function logStreamArn(state: EmulatorState, region: string, group: string, stream: string): string {
  return `${logGroupArn(state, region, group)}:log-stream:${stream}`;
}

export function groupNotFound(): AwsError {
  return new AwsError('ResourceNotFoundException', 'The specified log group does not exist.');
}

export function streamNotFound(): AwsError {
  return new AwsError('ResourceNotFoundException', 'The specified log stream does not exist.');
}

export function requireGroup(region: RegionState, name: string): LogGroupRecord {
  const group = region.logGroups.get(name);
  if (!group) throw groupNotFound();
  return group;
}

/**
 * Resolves `logGroupName` / `logGroupIdentifier` (a name or an ARN, with or without `:*`), which
 * AWS accepts one at a time.
 */
export function resolveGroup(state: EmulatorState, region: RegionState, name: string | undefined, identifier: string | undefined): LogGroupRecord {
  if (name !== undefined && identifier !== undefined) {
    throw new AwsError('InvalidParameterException', 'LogGroup name and LogGroup ARN are mutually exclusive parameters.');
  }
  const wanted = name ?? identifier;
  if (wanted === undefined) throw new AwsError('InvalidParameterException', 'Either logGroupName or logGroupIdentifier must be specified.');
  return requireGroup(region, groupNameFromIdentifier(state, region.name, wanted));
}

export function groupNameFromIdentifier(state: EmulatorState, region: string, identifier: string): string {
  if (!identifier.startsWith('arn:')) return identifier;
  const prefix = `arn:aws:logs:${region}:${state.settings.accountId}:log-group:`;
  if (!identifier.startsWith(prefix)) throw groupNotFound();
  return identifier.slice(prefix.length).replace(/:\*$/, '');
}

export function createGroup(region: RegionState, name: string, now: number, tags: Record<string, string> = {}): LogGroupRecord {
  const group: LogGroupRecord = { name, createdAt: now, tags, streams: new Map() };
  region.logGroups.set(name, group);
  return group;
}

export function createStream(group: LogGroupRecord, name: string, now: number): LogStreamRecord {
  const stream: LogStreamRecord = { name, createdAt: now, events: [], storedBytes: 0 };
  group.streams.set(name, stream);
  return stream;
}

/** Orders events by timestamp, then by ingestion. */
export function compareEvents(a: { timestamp: number; seq: number }, b: { timestamp: number; seq: number }): number {
  return a.timestamp - b.timestamp || a.seq - b.seq;
}

/** Index of the first event whose key is greater than (timestamp, seq). */
export function upperBound(events: readonly LogEventRecord[], timestamp: number, seq: number): number {
  let low = 0;
  let high = events.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (compareEvents(events[mid], { timestamp, seq }) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Stores events (any order) and tells listeners (Live Tail). Returns the stored records. */
export function appendEvents(
  state: EmulatorState,
  region: RegionState,
  group: LogGroupRecord,
  stream: LogStreamRecord,
  events: readonly { timestamp: number; message: string }[],
  now: number,
): LogEventRecord[] {
  const stored = events.map((event) => ({ timestamp: event.timestamp, message: event.message, ingestionTime: now, seq: state.seq() }));
  for (const record of stored) {
    const last = stream.events[stream.events.length - 1];
    if (!last || compareEvents(last, record) <= 0) stream.events.push(record);
    else stream.events.splice(upperBound(stream.events, record.timestamp, record.seq), 0, record);
    stream.storedBytes += Buffer.byteLength(record.message);
  }
  if (stored.length > 0) {
    stream.lastIngestionTime = now;
    const append: LogAppend = { region: region.name, group: group.name, stream: stream.name, events: stored };
    state.events.emit('append', append);
    state.changed();
  }
  return stored;
}

// The last timestamp `writeLines` gave: App Runner's lines are written by one process, a few at a
// time, and no two share a millisecond, so readers that merge streams see them in one order.
let lastLineStamp = 0;

/**
 * Writes lines stamped from `now` on, one millisecond apart and after any line written before,
 * creating the group and stream when missing (App Runner's own logs).
 */
export function writeLines(state: EmulatorState, region: RegionState, groupName: string, streamName: string, lines: readonly string[], now = Date.now()): void {
  const group = region.logGroups.get(groupName) ?? createGroup(region, groupName, now);
  const stream = group.streams.get(streamName) ?? createStream(group, streamName, now);
  const stamped = lines.map((message) => ({ timestamp: (lastLineStamp = Math.max(now, lastLineStamp + 1)), message }));
  appendEvents(state, region, group, stream, stamped, now);
}

export function eventSize(event: { message: string }): number {
  return Buffer.byteLength(event.message) + EVENT_OVERHEAD_BYTES;
}
