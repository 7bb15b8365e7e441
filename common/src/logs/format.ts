// How a line and a state change read in a terminal or an output channel. The message is printed
// as the service wrote it (trailing newlines trimmed): nothing is added, nothing redacted.
import type { FollowerState, LogLine } from './types';

/** `2026-12-01T10:00:00.123Z [application instance/…] message` */
export function formatLogLine(line: LogLine): string {
  return `${new Date(line.timestamp).toISOString()} [${line.source} ${line.logStreamName}] ${line.message.replace(/\r?\n$/, '')}`;
}

/** One JSON object per line, for scripts. */
export function logLineJson(line: LogLine): string {
  return JSON.stringify({ time: new Date(line.timestamp).toISOString(), timestamp: line.timestamp, source: line.source, logGroup: line.logGroupName, logStream: line.logStreamName, message: line.message });
}

/** The header line for a state change, e.g. `live (Live Tail)` or `stopped: stopped on request`. */
export function formatState(state: FollowerState): string {
  switch (state.mode) {
    case 'live-tail':
      return 'live (Live Tail)';
    case 'polling':
      return `live (polling: ${state.reason})`;
    case 'reconnecting':
      return `reconnecting in ${(state.retryInMs / 1000).toFixed(1)} s: ${state.reason}`;
    case 'stopped':
      return `stopped: ${state.reason}`;
  }
}
