// Polling with a filter pattern. GetLogEvents cannot filter, and a follower with a filter must never
// show a line that does not match, so while a pattern is set the follower polls with
// FilterLogEvents instead: one query per log group (every stream at once, CloudWatch applying the
// pattern), followed page by page; when a query is done the next one starts a little before the
// newest event seen (LOOKBACK_MS, for events that reach CloudWatch late) and the events it has
// already delivered are recognised by their eventId. An event that arrives more than LOOKBACK_MS
// after a later one in the same group was delivered is not shown (GetLogEvents polling has no
// such limit). Needs logs:FilterLogEvents, which the minimal permission set lacks.
import { FilterLogEventsCommand } from '../aws/sdk';
import type { CloudWatchLogsClient, FilteredLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import { byTimestamp, streamKey, type ReadRound } from './pollingReader';
import type { LogGroupRef, LogLine } from './types';

/** How far before the newest delivered event a new query starts. */
export const LOOKBACK_MS = 15_000;
/** FilterLogEvents' largest page. */
const PAGE_LIMIT = 10_000;

interface GroupCursor {
  group: LogGroupRef;
  /** The current query's nextToken; undefined: start a new query. */
  token?: string;
  /** Where the current query started. */
  queryStart: number;
  /** The newest event delivered (or the start time). */
  newest: number;
  /** eventId → timestamp of what was delivered in the look-back window (pruned as it moves). */
  seen: Map<string, number>;
}

export class FilterPollingReader {
  private readonly cursors: GroupCursor[];
  /** Per stream: Live Tail delivered its events up to this time; polling skips older ones there. */
  private readonly liveTailMarks = new Map<string, number>();
  private held: LogLine[] = [];

  constructor(
    private readonly client: CloudWatchLogsClient,
    groups: readonly LogGroupRef[],
    since: number,
    private readonly filterPattern: string,
  ) {
    this.cursors = groups.map((group) => ({ group, queryStart: since, newest: since, seen: new Map() }));
  }

  get streamCount(): number {
    return this.cursors.length;
  }

  /** FilterLogEvents reads every stream of a group: there are no streams to look for. */
  refreshStreams(): Promise<void> {
    return Promise.resolve();
  }

  async readRound(signal: AbortSignal): Promise<ReadRound> {
    const results = await Promise.allSettled(this.cursors.map((cursor) => this.readPage(cursor, signal)));
    const lines = this.held;
    this.held = [];
    let more = false;
    let error: unknown;
    let horizon = Number.POSITIVE_INFINITY;
    results.forEach((result, i) => {
      const cursor = this.cursors[i];
      if (result.status === 'rejected') {
        error ??= result.reason;
        horizon = Math.min(horizon, cursor.newest);
        return;
      }
      if (result.value.more) {
        more = true;
        horizon = Math.min(horizon, cursor.newest);
      }
      lines.push(...result.value.lines);
    });
    lines.sort(byTimestamp);
    if (horizon !== Number.POSITIVE_INFINITY) {
      let cut = lines.length;
      while (cut > 0 && lines[cut - 1].timestamp > horizon) cut--;
      this.held = lines.splice(cut);
    }
    more ||= this.held.length > 0;
    return { lines, more, ...(error !== undefined ? { error } : {}) };
  }

  private async readPage(cursor: GroupCursor, signal: AbortSignal): Promise<{ lines: LogLine[]; more: boolean }> {
    if (cursor.token === undefined) cursor.queryStart = Math.max(cursor.queryStart, cursor.newest - LOOKBACK_MS);
    let response;
    try {
      response = await this.client.send(
        new FilterLogEventsCommand({
          logGroupName: cursor.group.name,
          filterPattern: this.filterPattern,
          startTime: cursor.queryStart,
          limit: PAGE_LIMIT,
          ...(cursor.token !== undefined ? { nextToken: cursor.token } : {}),
        }),
        { abortSignal: signal },
      );
    } catch (error) {
      // App Runner creates the application group when the first instance starts.
      if ((error as Error).name === 'ResourceNotFoundException') return { lines: [], more: false };
      throw error;
    }
    cursor.token = response.nextToken;
    const lines: LogLine[] = [];
    for (const event of response.events ?? []) {
      const line = this.fresh(cursor, event);
      if (line) lines.push(line);
    }
    this.prune(cursor);
    return { lines, more: response.nextToken !== undefined };
  }

  /** The event as a line, unless it was delivered before (by a poll or by Live Tail). */
  private fresh(cursor: GroupCursor, event: FilteredLogEvent): LogLine | undefined {
    const timestamp = event.timestamp ?? 0;
    const id = event.eventId ?? `${event.logStreamName ?? ''}\n${timestamp}\n${event.message ?? ''}`;
    if (cursor.seen.has(id)) return undefined;
    cursor.seen.set(id, timestamp);
    cursor.newest = Math.max(cursor.newest, timestamp);
    const stream = event.logStreamName ?? '';
    const mark = this.liveTailMarks.get(streamKey(cursor.group.name, stream));
    if (mark !== undefined && timestamp < mark) return undefined;
    return {
      timestamp,
      ...(event.ingestionTime !== undefined ? { ingestionTime: event.ingestionTime } : {}),
      source: cursor.group.source,
      logGroupName: cursor.group.name,
      logStreamName: stream,
      message: event.message ?? '',
    };
  }

  /** Forgets ids and Live Tail marks the next query's look-back window no longer reaches. */
  private prune(cursor: GroupCursor): void {
    const oldest = cursor.newest - LOOKBACK_MS - 1000;
    for (const [id, timestamp] of cursor.seen) if (timestamp < oldest) cursor.seen.delete(id);
    const prefix = `${cursor.group.name}\n`;
    for (const [key, mark] of this.liveTailMarks) if (key.startsWith(prefix) && mark < oldest) this.liveTailMarks.delete(key);
  }

  /**
   * After Live Tail delivered a stream's events up to `timestamp`, polling skips that stream's
   * older events (the follower drops repeats at exactly that time); other streams are read from
   * where polling left them, so what Live Tail missed still comes.
   */
  resumeAt(group: LogGroupRef, stream: string, timestamp: number): void {
    const key = streamKey(group.name, stream);
    this.liveTailMarks.set(key, Math.max(this.liveTailMarks.get(key) ?? 0, timestamp));
  }
}
