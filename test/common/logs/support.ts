// A sink that records what the follower delivers and lets a test wait for a condition on it
// (checked on every delivery, with a timeout), plus log-writing helpers for the emulator.
import type { RunningEmulator } from '../../../emulator/src/server';
import { followLogs, serviceLogGroups, type FollowerState, type FollowerTiming, type FollowOptions, type LogLine, type LogSink, type StoppedState } from '../../../common/src/logs';

export const SERVICE = { name: 'log-follower', id: '0123456789abcdef0123456789abcdef' };
export const [SERVICE_GROUP, APPLICATION_GROUP] = serviceLogGroups(SERVICE.name, SERVICE.id).map((group) => group.name);

/** Fast timing so tests take seconds, not minutes. */
export const FAST: Partial<FollowerTiming> = { minPollMs: 50, maxPollMs: 200, streamRefreshMs: 100, baseBackoffMs: 20, maxBackoffMs: 200, liveTailRetryMs: 2000 };

export class RecordingSink implements LogSink {
  readonly received: LogLine[] = [];
  readonly states: FollowerState[] = [];
  private waiters: (() => void)[] = [];

  lines(lines: readonly LogLine[]): void {
    this.received.push(...lines);
    this.notify();
  }

  state(state: FollowerState): void {
    this.states.push(state);
    this.notify();
  }

  messages(): string[] {
    return this.received.map((line) => line.message);
  }

  modes(): string[] {
    return this.states.map((state) => state.mode);
  }

  private notify(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Resolves once `condition` holds, re-checked after every delivery; fails after `timeoutMs` naming `what`. */
  async until(what: string, condition: () => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; states: ${JSON.stringify(this.states)}; ${this.received.length} lines`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

export interface Following {
  sink: RecordingSink;
  done: Promise<StoppedState>;
  stop(): Promise<StoppedState>;
}

export function follow(options: Omit<FollowOptions, 'sink' | 'signal' | 'groups'> & { groups?: FollowOptions['groups'] }): Following {
  const sink = new RecordingSink();
  const abort = new AbortController();
  const done = followLogs({ groups: serviceLogGroups(SERVICE.name, SERVICE.id), timing: FAST, ...options, sink, signal: abort.signal });
  return {
    sink,
    done,
    stop() {
      abort.abort();
      return done;
    },
  };
}

/** Appends `messages` to a stream (group and stream created when missing), one millisecond apart from `startTime`. */
export async function write(emulator: RunningEmulator, group: string, stream: string, messages: string[], startTime?: number, stepMs?: number): Promise<void> {
  await emulator.control.appendLogs({ logGroupName: group, logStreamName: stream, messages, ...(startTime !== undefined ? { startTime } : {}), ...(stepMs !== undefined ? { stepMs } : {}) });
}

export function range(prefix: string, count: number, from = 0): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix} ${from + i}`);
}

/** Fails with the first repeated or missing message. */
export function assertExactlyOnce(received: readonly string[], expected: readonly string[]): void {
  const seen = new Map<string, number>();
  for (const message of received) seen.set(message, (seen.get(message) ?? 0) + 1);
  const repeated = [...seen].filter(([, count]) => count > 1).map(([message]) => message);
  if (repeated.length > 0) throw new Error(`${repeated.length} lines delivered twice, e.g. ${repeated.slice(0, 3).join(', ')}`);
  const missing = expected.filter((message) => !seen.has(message));
  if (missing.length > 0) throw new Error(`${missing.length} lines missing, e.g. ${missing.slice(0, 3).join(', ')}`);
  if (received.length !== expected.length) throw new Error(`expected ${expected.length} lines, got ${received.length}`);
}
