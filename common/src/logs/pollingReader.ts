// Reads a service's log groups by polling with the least permissions: DescribeLogStreams finds the
// streams (new instances included), GetLogEvents reads each from its own forward token. A token is
// a position in its stream, so re-reading after a failure neither skips nor repeats an event.
import { GetLogEventsCommand, paginateDescribeLogStreams } from '../aws/sdk';
import type { CloudWatchLogsClient, OutputLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import type { LogGroupRef, LogLine } from './types';

/** GetLogEvents' largest page; a page this full may have more behind it. */
const PAGE_LIMIT = 10_000;
/** AWS updates a stream's lastEventTimestamp lazily (typically within an hour), so look that far back. */
const LAST_EVENT_SLACK_MS = 60 * 60_000;
/** Enough DescribeLogStreams pages (50 streams each, newest first) for every recently active stream. */
const MAX_STREAM_PAGES = 4;
/** Streams idle this long are no longer polled every round; if they wake up they are found again. */
const RETIRE_AFTER_MS = 2 * LAST_EVENT_SLACK_MS;
/** Where retired streams stopped, so a woken one resumes there (bounded: oldest forgotten first). */
const MAX_RETIRED = 1000;

interface Cursor {
  group: LogGroupRef;
  stream: string;
  /** GetLogEvents' nextForwardToken; until the first read, `startTime` says where to begin. */
  token?: string;
  startTime: number;
  /** Timestamp of the last event read (or `startTime`). */
  lastTimestamp: number;
  /** When this stream last returned an event, or when it was found. */
  lastActive: number;
}

export interface ReadRound {
  /** Every stream's new events, merged in timestamp order. */
  lines: LogLine[];
  /** Some stream returned a full page: read again without waiting. */
  more: boolean;
  /** The first failure of the round; the streams that were read are already advanced past `lines`. */
  error?: unknown;
}

export const streamKey = (groupName: string, stream: string): string => `${groupName}\n${stream}`;

export function byTimestamp(a: LogLine, b: LogLine): number {
  return a.timestamp - b.timestamp;
}

export class PollingReader {
  private readonly cursors = new Map<string, Cursor>();
  private readonly retired = new Map<string, number>();
  /** Lines read but not yet delivered because a stream that is behind may still have earlier ones. */
  private held: LogLine[] = [];

  constructor(
    private readonly client: CloudWatchLogsClient,
    private readonly groups: readonly LogGroupRef[],
    private readonly since: number,
    private readonly now: () => number = Date.now,
  ) {}

  get streamCount(): number {
    return this.cursors.size;
  }

  /** Looks for streams with events since the start (and new, empty ones); known streams keep their place. */
  async refreshStreams(signal: AbortSignal): Promise<void> {
    for (const group of this.groups) {
      try {
        await this.refreshGroup(group, signal);
      } catch (error) {
        // App Runner creates the application group when the first instance starts.
        if ((error as Error).name !== 'ResourceNotFoundException') throw error;
      }
    }
    this.retireIdle();
  }

  /** Streams come newest first: reading stops at the first stream idle since before the start. */
  private async refreshGroup(group: LogGroupRef, signal: AbortSignal): Promise<void> {
    let pages = 0;
    const input = { logGroupName: group.name, orderBy: 'LastEventTime' as const, descending: true };
    for await (const page of paginateDescribeLogStreams({ client: this.client }, input, { abortSignal: signal })) {
      for (const stream of page.logStreams ?? []) {
        const lastEvent = stream.lastEventTimestamp ?? stream.creationTime ?? this.now();
        if (lastEvent < this.since - LAST_EVENT_SLACK_MS) return;
        if (stream.logStreamName) this.track(group, stream.logStreamName, lastEvent);
      }
      if (++pages >= MAX_STREAM_PAGES) return;
    }
  }

  private track(group: LogGroupRef, stream: string, lastEvent: number): void {
    const key = streamKey(group.name, stream);
    if (this.cursors.has(key)) return;
    const resumeAt = this.retired.get(key);
    if (resumeAt !== undefined && lastEvent <= resumeAt) return;
    this.retired.delete(key);
    const startTime = resumeAt !== undefined ? resumeAt + 1 : this.since;
    this.cursors.set(key, { group, stream, startTime, lastTimestamp: startTime, lastActive: this.now() });
  }

  private retireIdle(): void {
    const cutoff = this.now() - RETIRE_AFTER_MS;
    for (const [key, cursor] of this.cursors) {
      if (cursor.lastActive >= cutoff) continue;
      this.cursors.delete(key);
      this.retired.set(key, cursor.lastTimestamp);
      if (this.retired.size > MAX_RETIRED) this.retired.delete(this.retired.keys().next().value as string);
    }
  }

  /**
   * One page from every stream, in parallel. While a stream is behind (a full page, or a failed
   * read), lines of other streams later than its last read event wait for the next round, so that
   * the merged output stays in timestamp order (bounded: at most a page per stream waits).
   */
  async readRound(signal: AbortSignal): Promise<ReadRound> {
    const cursors = [...this.cursors.values()];
    const results = await Promise.allSettled(cursors.map((cursor) => this.readPage(cursor, signal)));
    const lines = this.held;
    this.held = [];
    let more = false;
    let error: unknown;
    let horizon = Number.POSITIVE_INFINITY;
    results.forEach((result, i) => {
      if (result.status === 'rejected') {
        if ((result.reason as Error).name === 'ResourceNotFoundException') {
          this.cursors.delete(streamKey(cursors[i].group.name, cursors[i].stream));
          return;
        }
        error ??= result.reason;
        horizon = Math.min(horizon, cursors[i].lastTimestamp);
        return;
      }
      if (result.value.length >= PAGE_LIMIT) {
        more = true;
        horizon = Math.min(horizon, cursors[i].lastTimestamp);
      }
      for (const line of result.value) lines.push(line);
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

  private async readPage(cursor: Cursor, signal: AbortSignal): Promise<LogLine[]> {
    const response = await this.client.send(
      new GetLogEventsCommand({
        logGroupName: cursor.group.name,
        logStreamName: cursor.stream,
        startFromHead: true,
        limit: PAGE_LIMIT,
        ...(cursor.token !== undefined ? { nextToken: cursor.token } : { startTime: cursor.startTime }),
      }),
      { abortSignal: signal },
    );
    const events: OutputLogEvent[] = response.events ?? [];
    if (response.nextForwardToken) cursor.token = response.nextForwardToken;
    if (events.length === 0) return [];
    cursor.lastActive = this.now();
    const lines = events.map((event) => this.toLine(cursor, event));
    cursor.lastTimestamp = lines[lines.length - 1].timestamp;
    return lines;
  }

  private toLine(cursor: Cursor, event: OutputLogEvent): LogLine {
    return {
      timestamp: event.timestamp ?? 0,
      ...(event.ingestionTime !== undefined ? { ingestionTime: event.ingestionTime } : {}),
      source: cursor.group.source,
      logGroupName: cursor.group.name,
      logStreamName: cursor.stream,
      message: event.message ?? '',
    };
  }

  /**
   * After Live Tail delivered events up to `timestamp` in a stream, polling resumes there (the
   * caller drops the repeats at exactly that time); other streams keep their tokens.
   */
  resumeAt(group: LogGroupRef, stream: string, timestamp: number): void {
    const key = streamKey(group.name, stream);
    this.retired.delete(key);
    this.cursors.set(key, { group, stream, startTime: timestamp, lastTimestamp: timestamp, lastActive: this.now() });
  }
}
