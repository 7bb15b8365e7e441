// Follows a service's two log groups into a sink: the backlog by polling, then Live Tail when the
// identity may use it, polling otherwise (or while Live Tail is unavailable), with backoff on
// throttling and failures. With a filter pattern, Live Tail filters and polling uses FilterLogEvents. Switches are seamless: what one mode delivered the other does not repeat,
// and what happened in between is read, not skipped. Every change of mode reaches the sink.
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { FilterPollingReader } from './filterReader';
import { PollingReader } from './pollingReader';
import { BoundedLineSet, LiveTailWatermarks } from './repeats';
import { setTimeout as sleep } from 'node:timers/promises';
import { isRetryable } from '../aws/errors';
import { describeError } from '../describeError';
import { backoffMs, isAbort } from './retry';
import { logGroupArns, runLiveTailSession, type LiveTailEnd } from './liveTailSession';
import { DEFAULT_TIMING, type FollowerState, type FollowerTiming, type LogGroupRef, type LogLine, type LogSink, type StopCause } from './types';

export interface FollowOptions {
  /** Created by the caller (region, credentials, endpoint); the follower never destroys it. */
  client: CloudWatchLogsClient;
  /** Usually `serviceLogGroups(serviceName, serviceId)`. */
  groups: readonly LogGroupRef[];
  /** Lines from this time on (ms since the epoch). */
  startTime: number;
  signal: AbortSignal;
  sink: LogSink;
  /** false: deliver what is there up to now, then stop with cause `end`. Default true. */
  follow?: boolean;
  /** false: never try StartLiveTail. Default true (it falls back to polling when refused). */
  liveTail?: boolean;
  /**
   * CloudWatch's filter-pattern syntax: only matching lines are delivered. Live Tail gets it as
   * `logEventFilterPattern`; polling then uses FilterLogEvents instead of GetLogEvents (see
   * filterReader.ts), so an unfiltered line is never shown. A pattern CloudWatch refuses stops the
   * follower with cause `error`.
   */
  filterPattern?: string;
  timing?: Partial<FollowerTiming>;
}

export type StoppedState = Extract<FollowerState, { mode: 'stopped' }>;

/** Runs until `signal` aborts (or, when not following, until caught up); resolves with the final state. */
export function followLogs(options: FollowOptions): Promise<StoppedState> {
  return new Follower(options).run();
}

/** Lines Live Tail may also deliver after a session start: what the catch-up poll read (bounded). */
const OVERLAP_CAPACITY = 50_000;
/** Consecutive Live Tail failures before polling for `liveTailRetryMs` instead of retrying soon. */
const LIVE_TAIL_FAILURES_BEFORE_LONG_PAUSE = 5;

class Follower {
  private readonly timing: FollowerTiming;
  private readonly reader: PollingReader | FilterPollingReader;
  private readonly signal: AbortSignal;
  private readonly watermarks = new LiveTailWatermarks();
  private current: FollowerState | undefined;
  /** Why we poll, for the state line (restored after a reconnect). */
  private pollingReason = 'reading the log';
  private failures = 0;
  private liveTailFailures = 0;
  private liveTailAllowed: boolean;
  private liveTailNotBefore = 0;
  private pollIntervalMs: number;
  private lastRefresh = Number.NEGATIVE_INFINITY;
  /** During a Live Tail session: what its catch-up poll delivered, which Live Tail may repeat. */
  private overlap: BoundedLineSet | undefined;

  constructor(private readonly options: FollowOptions) {
    this.timing = { ...DEFAULT_TIMING, ...options.timing };
    this.signal = options.signal;
    const pattern = options.filterPattern?.trim() ? options.filterPattern : undefined;
    this.reader = pattern !== undefined ? new FilterPollingReader(options.client, options.groups, options.startTime, pattern) : new PollingReader(options.client, options.groups, options.startTime);
    this.liveTailAllowed = options.liveTail !== false;
    this.pollIntervalMs = this.timing.minPollMs;
  }

  async run(): Promise<StoppedState> {
    try {
      this.setState({ mode: 'polling', reason: this.pollingReason });
      // The backlog first, completely, by polling: Live Tail only shows what arrives after it starts.
      while (!this.signal.aborted && !(await this.pollRound(false))) {
        // keep reading full pages
      }
      if (this.options.follow === false) return this.stop(this.signal.aborted ? 'aborted' : 'end', this.signal.aborted ? 'stopped on request' : 'reached the end of the log');
      this.pollingReason = 'polling every ~1 s';
      while (!this.signal.aborted) {
        if (this.liveTailAllowed && Date.now() >= this.liveTailNotBefore) await this.liveTailPhase();
        else await this.pollRound(true);
      }
      return this.stop('aborted', 'stopped on request');
    } catch (error) {
      if (isAbort(error, this.signal)) return this.stop('aborted', 'stopped on request');
      return this.stop('error', describeError(error));
    }
  }

  private stop(cause: StopCause, reason: string): StoppedState {
    const state: StoppedState = { mode: 'stopped', cause, reason };
    this.setState(state);
    return state;
  }

  private setState(state: FollowerState): void {
    const previous = this.current;
    this.current = state;
    if (previous && JSON.stringify(previous) === JSON.stringify(state)) return;
    this.options.sink.state(state);
  }

  private emit(lines: readonly LogLine[]): void {
    if (lines.length > 0) this.options.sink.lines(lines);
  }

  /**
   * Refreshes the stream list when due, reads one page per stream and delivers it. On a retryable
   * failure it reports `reconnecting` and waits with backoff. With `wait`, it then sleeps the
   * adaptive interval. Returns true when caught up (no full page).
   */
  private async pollRound(wait: boolean): Promise<boolean> {
    const round = await this.readOnce();
    if (round === undefined) return false;
    if (!wait) return !round.more;
    this.pollIntervalMs = round.more ? 0 : round.lines > 0 ? this.timing.minPollMs : Math.min(this.timing.maxPollMs, Math.max(this.timing.minPollMs, this.pollIntervalMs * 1.5));
    const untilLiveTail = this.liveTailAllowed ? Math.max(0, this.liveTailNotBefore - Date.now()) : Number.POSITIVE_INFINITY;
    await sleep(Math.min(this.pollIntervalMs, untilLiveTail), undefined, { signal: this.signal });
    return !round.more;
  }

  /** One refresh-and-read; undefined after a failure that was waited out (or an abort). */
  private async readOnce(): Promise<{ lines: number; more: boolean } | undefined> {
    try {
      if (Date.now() - this.lastRefresh >= this.timing.streamRefreshMs) {
        await this.reader.refreshStreams(this.signal);
        this.lastRefresh = Date.now();
      }
    } catch (error) {
      await this.failed(error);
      return undefined;
    }
    const round = await this.reader.readRound(this.signal);
    const fresh = round.lines.filter((line) => !this.watermarks.isRepeat(line));
    this.emit(fresh);
    if (round.error !== undefined) {
      await this.failed(round.error);
      return undefined;
    }
    this.recovered();
    return { lines: fresh.length, more: round.more };
  }

  private async failed(error: unknown): Promise<void> {
    if (isAbort(error, this.signal)) return;
    if (!isRetryable(error)) throw error;
    this.failures++;
    const wait = backoffMs(this.failures, this.timing.baseBackoffMs, this.timing.maxBackoffMs);
    this.setState({ mode: 'reconnecting', reason: describeError(error), retryInMs: wait });
    await sleep(wait, undefined, { signal: this.signal });
  }

  private recovered(): void {
    this.failures = 0;
    if (this.current?.mode === 'reconnecting') this.setState({ mode: 'polling', reason: this.pollingReason });
  }

  private async liveTailPhase(): Promise<void> {
    let byArn;
    try {
      byArn = await logGroupArns(this.options.client, this.options.groups, this.signal);
    } catch (error) {
      await this.failed(error);
      return;
    }
    const end: LiveTailEnd =
      typeof byArn === 'string'
        ? { kind: 'missing-group', detail: byArn }
        : await runLiveTailSession(this.options.client, byArn, this.signal, this.options.filterPattern, {
            started: () => this.liveTailStarted(),
            update: (lines) => this.liveTailUpdate(lines),
          });
    this.overlap = undefined;
    // Polling resumes where Live Tail got to in each stream it delivered from.
    for (const mark of this.watermarks.entries()) {
      const group = this.options.groups.find((candidate) => candidate.name === mark.logGroupName);
      if (group) this.reader.resumeAt(group, mark.logStreamName, mark.timestamp);
    }
    this.lastRefresh = Number.NEGATIVE_INFINITY;
    this.afterLiveTail(end);
  }

  private async liveTailStarted(): Promise<void> {
    // Events written between the last poll and the session start reach us only by polling; the
    // same events may come again through Live Tail, so remember them.
    const overlap = new BoundedLineSet(OVERLAP_CAPACITY);
    this.setState({ mode: 'live-tail' });
    for (;;) {
      if (this.signal.aborted) return;
      await this.reader.refreshStreams(this.signal);
      const round = await this.reader.readRound(this.signal);
      const fresh = round.lines.filter((line) => !this.watermarks.isRepeat(line));
      for (const line of fresh) overlap.add(line);
      this.emit(fresh);
      if (round.error !== undefined) throw round.error instanceof Error ? round.error : new Error(describeError(round.error));
      if (!round.more) break;
    }
    this.watermarks.clear();
    this.overlap = overlap;
    this.liveTailFailures = 0;
  }

  private liveTailUpdate(lines: LogLine[]): void {
    const overlap = this.overlap;
    const fresh = overlap ? lines.filter((line) => !overlap.take(line)) : lines;
    for (const line of fresh) this.watermarks.note(line);
    this.emit(fresh);
  }

  private afterLiveTail(end: LiveTailEnd): void {
    const now = Date.now();
    switch (end.kind) {
      case 'aborted':
        return;
      case 'timeout':
        this.setState({ mode: 'reconnecting', reason: 'the Live Tail session reached its time limit', retryInMs: 0 });
        return;
      case 'denied':
        this.liveTailAllowed = false;
        this.pollingReason = `Live Tail is not permitted (${end.detail}); polling every ~1 s`;
        break;
      case 'sampled':
        this.liveTailNotBefore = now + this.timing.liveTailRetryMs;
        this.pollingReason = 'more events than Live Tail shows without sampling; polling so that every line is shown';
        break;
      case 'missing-group':
        this.liveTailNotBefore = now + this.timing.streamRefreshMs;
        this.pollingReason = `${end.detail}; polling until Live Tail can start`;
        break;
      case 'dropped': {
        this.liveTailFailures = end.started ? 1 : this.liveTailFailures + 1;
        const wait =
          this.liveTailFailures >= LIVE_TAIL_FAILURES_BEFORE_LONG_PAUSE ? this.timing.liveTailRetryMs : backoffMs(this.liveTailFailures, this.timing.baseBackoffMs, this.timing.maxBackoffMs);
        this.liveTailNotBefore = now + wait;
        this.pollingReason = `Live Tail dropped (${end.detail}); polling, Live Tail again in ${Math.ceil(wait / 1000)} s`;
        break;
      }
    }
    this.setState({ mode: 'polling', reason: this.pollingReason });
    this.pollingReason = end.kind === 'denied' ? this.pollingReason : 'polling every ~1 s';
  }
}
