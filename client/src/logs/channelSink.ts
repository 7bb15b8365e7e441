// The thin adapter between the shared follower and an output channel: each log line as the CLI
// prints it (`time [source stream] message`), each change of mode as a header line at a level that
// matches it. No `vscode` import: a `vscode.LogOutputChannel` is a `LogWriter`, and so is a test's
// recorder. Nothing is kept here: a line is written and forgotten, so memory stays flat.
import { formatLogLine, formatState, type FollowerState, type LogLine, type LogSink } from '../../../common/src/logs';

/** The part of `vscode.LogOutputChannel` the channel uses. */
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
 * Where a channel's text ends: the newest event time written and the events written at that very
 * millisecond, so following again from that time shows no line twice (a few keys, not the log).
 */
export interface ResumePoint {
  timestamp: number;
  keys: ReadonlySet<string>;
}

const eventKey = (line: LogLine): string => `${line.logGroupName}\n${line.logStreamName}\n${line.message}`;

export class ChannelSink implements LogSink {
  private current: FollowerState | undefined;
  /** Why the caller stopped the follower (e.g. "Stop Logs"), said instead of "stopped on request". */
  private stopReason: string | undefined;
  private newest: { timestamp: number; keys: Set<string> } | undefined;

  constructor(
    private readonly writer: LogWriter,
    private readonly onState: (state: FollowerState) => void = () => undefined,
    /** Lines up to this point are already in the channel (from an earlier follower): skipped. */
    private readonly resume?: ResumePoint,
  ) {
    if (resume) this.newest = { timestamp: resume.timestamp, keys: new Set(resume.keys) };
  }

  get resumePoint(): ResumePoint | undefined {
    return this.newest;
  }

  get currentState(): FollowerState | undefined {
    return this.current;
  }

  /** Said in the final header when the follower ends because it was aborted. */
  stopping(reason: string): void {
    this.stopReason ??= reason;
  }

  lines(lines: readonly LogLine[]): void {
    for (const line of lines) {
      const resume = this.resume;
      if (resume && line.timestamp <= resume.timestamp && (line.timestamp < resume.timestamp || resume.keys.has(eventKey(line)))) continue;
      this.writer.info(formatLogLine(line));
      this.noteNewest(line);
    }
  }

  private noteNewest(line: LogLine): void {
    if (this.newest === undefined || line.timestamp > this.newest.timestamp) this.newest = { timestamp: line.timestamp, keys: new Set([eventKey(line)]) };
    else if (line.timestamp === this.newest.timestamp && this.newest.keys.size < 1000) this.newest.keys.add(eventKey(line));
  }

  state(state: FollowerState): void {
    const shown: FollowerState = state.mode === 'stopped' && state.cause === 'aborted' && this.stopReason !== undefined ? { ...state, reason: this.stopReason } : state;
    this.current = shown;
    const header = headerLine(formatState(shown));
    if (shown.mode === 'reconnecting') this.writer.warn(header);
    else if (shown.mode === 'stopped' && shown.cause === 'error') this.writer.error(header);
    else this.writer.info(header);
    this.onState(shown);
  }

  /** A header that is not a follower state (what is followed, waiting for the service). */
  note(text: string): void {
    this.writer.info(headerLine(text));
  }
}
