// The follower's plain-data contract: what it reads (a service's two log groups), what it hands
// to its sink (lines and state changes), and the timing knobs tests and benches may tighten.

/** Which of App Runner's two log groups a line came from. */
export type LogSource = 'service' | 'application';

export interface LogGroupRef {
  /** The log group name, e.g. `/aws/apprunner/<serviceName>/<serviceId>/service`. */
  name: string;
  source: LogSource;
}

/** One log event, exactly as the service wrote it: nothing is added to or removed from `message`. */
export interface LogLine {
  /** The event's own time (ms since the epoch). */
  timestamp: number;
  /** When CloudWatch received it (ms since the epoch), when known. */
  ingestionTime?: number;
  source: LogSource;
  logGroupName: string;
  logStreamName: string;
  message: string;
}

/** How the follower is reading right now; every change is reported, so it never ends silently. */
export type FollowerState =
  | { mode: 'live-tail' }
  | { mode: 'polling'; reason: string }
  | { mode: 'reconnecting'; reason: string; retryInMs: number }
  | { mode: 'stopped'; cause: StopCause; reason: string };

/** `end`: not following and every line up to now was delivered; `aborted`: the caller stopped it. */
export type StopCause = 'end' | 'aborted' | 'error';

export interface LogSink {
  /** New lines, in timestamp order within the batch; batches arrive in reading order. */
  lines(lines: readonly LogLine[]): void;
  state(state: FollowerState): void;
}

export interface FollowerTiming {
  /** Poll interval while events flow. */
  minPollMs: number;
  /** Longest poll interval when idle (the interval grows by half each empty round). */
  maxPollMs: number;
  /** How often polling looks for new log streams. */
  streamRefreshMs: number;
  /** First wait after a failed call; doubles per failure up to `maxBackoffMs`. */
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** After Live Tail was refused for load (sampling) or failed repeatedly, how long to poll before trying it again. */
  liveTailRetryMs: number;
}

export const DEFAULT_TIMING: FollowerTiming = {
  minPollMs: 1000,
  maxPollMs: 5000,
  streamRefreshMs: 5000,
  baseBackoffMs: 500,
  maxBackoffMs: 20_000,
  liveTailRetryMs: 5 * 60_000,
};

/** The two log groups App Runner writes for a service. */
export function serviceLogGroups(serviceName: string, serviceId: string): LogGroupRef[] {
  const prefix = `/aws/apprunner/${serviceName}/${serviceId}`;
  return [
    { name: `${prefix}/service`, source: 'service' },
    { name: `${prefix}/application`, source: 'application' },
  ];
}
