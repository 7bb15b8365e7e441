// Reading events back: GetLogEvents (one stream, forward/backward tokens) and FilterLogEvents
// (several streams interleaved by time). Tokens carry an event position (timestamp, ingestion
// order), so a forward token that finds nothing new comes back unchanged, as AWS's does.
import { AwsError } from '../protocol';
import type { LogEventRecord, LogStreamRecord } from './records';
import { compareEvents, eventSize, MAX_RESPONSE_BYTES, upperBound } from './store';
import type { MessageMatcher } from './filterPattern';

export interface Position {
  timestamp: number;
  seq: number;
}

const TOKEN_PATTERN = /^([fb])\/(\d{16})(\d{20})\/s$/;

function positionDigits(position: Position): string {
  return `${String(position.timestamp).padStart(16, '0')}${String(position.seq).padStart(20, '0')}`;
}

export function streamToken(direction: 'f' | 'b', position: Position): string {
  return `${direction}/${positionDigits(position)}/s`;
}

function parseStreamToken(token: string): { direction: 'f' | 'b'; position: Position } {
  const match = TOKEN_PATTERN.exec(token);
  if (!match) throw new AwsError('InvalidParameterException', 'The specified nextToken is invalid.');
  return { direction: match[1] as 'f' | 'b', position: { timestamp: Number(match[2]), seq: Number(match[3]) } };
}

export interface GetEventsQuery {
  startTime?: number;
  /** Exclusive. */
  endTime?: number;
  nextToken?: string;
  limit?: number;
  startFromHead?: boolean;
}

export interface GetEventsPage {
  events: LogEventRecord[];
  nextForwardToken: string;
  nextBackwardToken: string;
}

/** Takes events from `from` upward (or from `to` downward) until the count or byte cap is hit. */
function takeWithinCap(events: readonly LogEventRecord[], from: number, to: number, limit: number, fromTop: boolean): LogEventRecord[] {
  let bytes = 0;
  let count = 0;
  if (fromTop) {
    let end = to;
    while (end > from && count < limit && bytes + eventSize(events[end - 1]) <= MAX_RESPONSE_BYTES) {
      bytes += eventSize(events[--end]);
      count++;
    }
    return events.slice(end, to);
  }
  let end = from;
  while (end < to && count < limit && bytes + eventSize(events[end]) <= MAX_RESPONSE_BYTES) {
    bytes += eventSize(events[end++]);
    count++;
  }
  return events.slice(from, end);
}

export function getEvents(stream: LogStreamRecord, query: GetEventsQuery): GetEventsPage {
  const events = stream.events;
  const limit = query.limit ?? 10_000;
  // [low, high) is the time range; a token narrows it further.
  let low = query.startTime === undefined ? 0 : upperBound(events, query.startTime - 1, Number.MAX_SAFE_INTEGER);
  let high = query.endTime === undefined ? events.length : upperBound(events, query.endTime - 1, Number.MAX_SAFE_INTEGER);
  const rangeStart: Position = { timestamp: query.startTime ?? 0, seq: 0 };
  let fromTop = query.startFromHead !== true;
  if (query.nextToken !== undefined) {
    const token = parseStreamToken(query.nextToken);
    if (token.direction === 'f') {
      low = Math.max(low, upperBound(events, token.position.timestamp, token.position.seq));
      fromTop = false;
    } else {
      high = Math.min(high, upperBound(events, token.position.timestamp, token.position.seq - 1));
      fromTop = true;
    }
    if (low >= high) {
      // Nothing beyond the token: AWS hands back the very token it was given.
      const other = token.direction === 'f' ? 'b' : 'f';
      return { events: [], nextForwardToken: token.direction === 'f' ? query.nextToken : streamToken(other, token.position), nextBackwardToken: token.direction === 'b' ? query.nextToken : streamToken(other, token.position) };
    }
  }
  const page = low < high ? takeWithinCap(events, low, high, limit, fromTop) : [];
  if (page.length === 0) {
    return { events: [], nextForwardToken: streamToken('f', rangeStart), nextBackwardToken: streamToken('b', rangeStart) };
  }
  return {
    events: page,
    nextForwardToken: streamToken('f', page[page.length - 1]),
    nextBackwardToken: streamToken('b', page[0]),
  };
}

export interface FilterQuery {
  streams: readonly LogStreamRecord[];
  startTime?: number;
  /** Inclusive. */
  endTime?: number;
  matcher: MessageMatcher;
  nextToken?: string;
  limit?: number;
}

export interface FilteredEvent {
  event: LogEventRecord;
  logStreamName: string;
}

export interface FilterPage {
  events: FilteredEvent[];
  nextToken?: string;
}

export function eventId(event: Position): string {
  return positionDigits(event);
}

function parseFilterToken(token: string): Position {
  const decoded = Buffer.from(token, 'base64url').toString('utf8');
  const match = /^after:(\d+):(\d+)$/.exec(decoded);
  if (!match) throw new AwsError('InvalidParameterException', 'The specified nextToken is invalid.');
  return { timestamp: Number(match[1]), seq: Number(match[2]) };
}

/**
 * How many events one FilterLogEvents call looks at before it answers. AWS too stops a search
 * after a while and answers fewer events (even none) with a nextToken; a client pages until the
 * token is absent.
 */
export const FILTER_SCAN_BUDGET = 50_000;

interface Cursor {
  stream: LogStreamRecord;
  index: number;
  end: number;
}

/** A min-heap of stream cursors by their current event: the k-way merge of FilterLogEvents. */
class CursorHeap {
  private readonly items: Cursor[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): Cursor {
    return this.items[0];
  }

  push(cursor: Cursor): void {
    const items = this.items;
    items.push(cursor);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.before(items[parent], items[i])) break;
      [items[parent], items[i]] = [items[i], items[parent]];
      i = parent;
    }
  }

  /** The top cursor moved on: drop it when exhausted, else restore the order. */
  advanceTop(): void {
    const items = this.items;
    const top = items[0];
    top.index++;
    if (top.index >= top.end) {
      const last = items.pop() as Cursor;
      if (items.length === 0) return;
      items[0] = last;
    }
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < items.length && !this.before(items[smallest], items[left])) smallest = left;
      if (right < items.length && !this.before(items[smallest], items[right])) smallest = right;
      if (smallest === i) return;
      [items[smallest], items[i]] = [items[i], items[smallest]];
      i = smallest;
    }
  }

  private before(a: Cursor, b: Cursor): boolean {
    return compareEvents(a.stream.events[a.index], b.stream.events[b.index]) <= 0;
  }
}

/**
 * One page: the streams' events in the time range (after the token's position) merged by time,
 * filtered, until `limit` events, 1 MB, or the scan budget. Work is proportional to the events
 * looked at, not to the group's size, so paging through 100,000 events stays linear.
 */
export function filterEvents(query: FilterQuery): FilterPage {
  const after = query.nextToken === undefined ? undefined : parseFilterToken(query.nextToken);
  const limit = query.limit ?? 10_000;
  const heap = new CursorHeap();
  for (const stream of query.streams) {
    const events = stream.events;
    let low = query.startTime === undefined ? 0 : upperBound(events, query.startTime - 1, Number.MAX_SAFE_INTEGER);
    if (after) low = Math.max(low, upperBound(events, after.timestamp, after.seq));
    const high = query.endTime === undefined ? events.length : upperBound(events, query.endTime, Number.MAX_SAFE_INTEGER);
    if (low < high) heap.push({ stream, index: low, end: high });
  }
  const page: FilteredEvent[] = [];
  let bytes = 0;
  let scanned = 0;
  let last: LogEventRecord | undefined;
  let more = false;
  while (heap.size > 0) {
    if (scanned >= FILTER_SCAN_BUDGET) {
      more = true;
      break;
    }
    const cursor = heap.peek();
    const event = cursor.stream.events[cursor.index];
    if (query.matcher(event.message)) {
      const size = eventSize(event);
      if (page.length >= limit || bytes + size > MAX_RESPONSE_BYTES) {
        more = true;
        break;
      }
      bytes += size;
      page.push({ event, logStreamName: cursor.stream.name });
    }
    scanned++;
    last = event;
    heap.advanceTop();
  }
  return { events: page, ...(more && last ? { nextToken: Buffer.from(`after:${last.timestamp}:${last.seq}`).toString('base64url') } : {}) };
}
