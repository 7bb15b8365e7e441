// Waits on conditions (files, log lines, DOM), each with a timeout and a message saying what
// was awaited. Never a fixed sleep: the condition is polled, the timeout is only the limit.
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number, pollMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    }
    await delay(pollMs);
  }
}

/** The first line of `file` matching `pattern`, once there is one. */
export function waitForLine(file: () => string | undefined, pattern: RegExp, what: string, timeoutMs: number): Promise<string> {
  return waitFor(
    what,
    () => {
      const path = file();
      if (!path || !existsSync(path)) return undefined;
      return readFileSync(path, 'utf8').split('\n').find((line) => pattern.test(line));
    },
    timeoutMs,
    200,
  );
}
