// The thin adapter between the shared follower and an output channel: each log line in one line
// with one time (channelFormat.ts), the date as a header when it changes, each change of mode as a
// header, and a word when the window holds nothing. No `vscode` import: an output channel is a
// `LogWriter` through a one-line adapter, and so is a test's recorder. Nothing is kept here: a
// line is written and forgotten, so memory stays flat.
import { formatState } from '../../../common/src/logs/format';
import type { FollowerState, LogLine, LogSink, LogSource } from '../../../common/src/logs/types';
import { channelLine, dayOf } from './channelFormat';

/** Where the channel's text goes, by how much it matters. */
export interface LogWriter {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** `--- live (Live Tail) ---`: a header stands out from the service's own lines. */
export function headerLine(text: string): string {
  return `--- ${text} ---`;
}

/**
 * Where a channel's text ends, for the sources it showed: the newest event time written and the
 * events written at that very millisecond, so following again from that time shows no line twice.
 */
export interface ResumePoint {
  timestamp: number;
  keys: ReadonlySet<string>;
  /** The sources the channel followed (a deploy's channel shows only App Runner's service log). */
  sources: readonly LogSource[];
}

const eventKey = (line: LogLine): string => `${line.logGroupName}\n${line.logStreamName}\n${line.message}`;

export interface ChannelSinkOptions {
  onState?: (state: FollowerState) => void;
  /** Lines up to this point of its sources are already in the channel (an earlier follower): skipped. */
  resume?: ResumePoint;
  /** The sources this follower reads. */
  sources?: readonly LogSource[];
  /** Said when the window holds no event: e.g. "in the last 10 minutes". */
  window?: string;
}

export class ChannelSink implements LogSink {
  private current: FollowerState | undefined;
  /** Why the caller stopped the follower (e.g. "Stop Logs"), said instead of "stopped on request". */
  private stopReason: string | undefined;
  private newest: { timestamp: number; keys: Set<string> } | undefined;
  private lastDay: string | undefined;
  private written = 0;
  private caughtUp = false;

  constructor(
    private readonly writer: LogWriter,
    private readonly options: ChannelSinkOptions = {},
  ) {
    const resume = options.resume;
    if (resume && resume.sources.length === (options.sources ?? resume.sources).length) this.newest = { timestamp: resume.timestamp, keys: new Set(resume.keys) };
  }

  get resumePoint(): ResumePoint | undefined {
    return this.newest ? { ...this.newest, sources: this.options.sources ?? ['service', 'application'] } : undefined;
  }

  get currentState(): FollowerState | undefined {
    return this.current;
  }

  /** Said in the final header when the follower ends because it was aborted. */
  stopping(reason: string): void {
    this.stopReason ??= reason;
  }

  private alreadyShown(line: LogLine): boolean {
    const resume = this.options.resume;
    if (!resume || !resume.sources.includes(line.source) || line.timestamp > resume.timestamp) return false;
    return line.timestamp < resume.timestamp || resume.keys.has(eventKey(line));
  }

  lines(lines: readonly LogLine[]): void {
    for (const line of lines) {
      if (this.alreadyShown(line)) continue;
      const day = dayOf(line.timestamp);
      if (day !== this.lastDay) this.writer.info(headerLine(day));
      this.lastDay = day;
      this.writer.info(channelLine(line));
      this.written++;
      this.noteNewest(line);
    }
  }

  private noteNewest(line: LogLine): void {
    if (this.newest === undefined || line.timestamp > this.newest.timestamp) this.newest = { timestamp: line.timestamp, keys: new Set([eventKey(line)]) };
    else if (line.timestamp === this.newest.timestamp && this.newest.keys.size < 1000) this.newest.keys.add(eventKey(line));
  }

  state(state: FollowerState): void {
    const shown: FollowerState = state.mode === 'stopped' && state.cause === 'aborted' && this.stopReason !== undefined ? { ...state, reason: this.stopReason } : state;
    const backlogRead = this.current !== undefined && !this.caughtUp && (shown.mode === 'live-tail' || shown.mode === 'polling');
    this.current = shown;
    // The backlog is read before the follower goes live: an empty window is said, not left blank.
    if (backlogRead) {
      this.caughtUp = true;
      if (this.written === 0 && this.options.window !== undefined) this.writer.info(headerLine(`no events ${this.options.window}; new ones appear here`));
    }
    const header = headerLine(formatState(shown));
    if (shown.mode === 'reconnecting') this.writer.warn(header);
    else if (shown.mode === 'stopped' && shown.cause === 'error') this.writer.error(header);
    else this.writer.info(header);
    this.options.onState?.(shown);
  }

  /** A header that is not a follower state (what is followed, waiting for the service). */
  note(text: string): void {
    this.writer.info(headerLine(text));
  }
}
