// When to stop (the caller aborted) and how long to wait before trying a failed call again. Which
// failures are worth a retry is the AWS layer's call (`isRetryable` in ../aws/errors).

export function isAbort(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error as { name?: string } | undefined)?.name === 'AbortError';
}

/** Exponential backoff with ±25 % jitter, so many followers do not retry in lockstep. */
export function backoffMs(failures: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(exponential * (0.75 + random() * 0.5));
}
