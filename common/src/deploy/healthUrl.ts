// After a deploy: does the service's health URL answer 200? Reached at `https://<ServiceUrl>` as
// on AWS unless the caller maps it (its own Local Sandbox); private services are skipped. App
// Runner's own health check already passed when the service is RUNNING, so a URL this machine
// cannot reach (no route, DNS, a proxy) is a warning; an answer other than 200 is a failure.
import { setTimeout as sleep } from 'node:timers/promises';
import type { DesiredDeployment } from './desired';
import type { EngineDeps } from './types';

const HEALTH_WINDOW_MS = 30_000;
const REQUEST_TIMEOUT_MS = 5_000;
/** A name that does not resolve here will not resolve a second later: no retry. */
const UNRESOLVABLE = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME']);

export type HealthOutcome = { kind: 'healthy' | 'skipped' } | { kind: 'unreachable'; warning: string } | { kind: 'unhealthy'; failure: string };

/** Where this machine reaches the service: the caller's mapping, else `https://<host>`. */
export function reachableServiceUrl(deps: Pick<EngineDeps, 'serviceUrl'>, host: string): string {
  return deps.serviceUrl ? deps.serviceUrl(host) : `https://${host}`;
}

function networkCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: unknown } | undefined)?.cause;
  return cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error);
}

export async function checkHealthUrl(deps: EngineDeps, desired: DesiredDeployment, serviceHost: string, timeoutMs: number): Promise<HealthOutcome> {
  if (desired.healthPath === undefined) return { kind: 'skipped' };
  if (!desired.isPublic) return { kind: 'unreachable', warning: 'The health URL was not checked: the service is private (is_publicly_accessible: false).' };
  const url = `${reachableServiceUrl(deps, serviceHost)}${desired.healthPath}`;
  const doFetch = deps.fetch ?? fetch;
  const deadline = Date.now() + Math.min(timeoutMs, HEALTH_WINDOW_MS);
  let lastStatus: number | undefined;
  let lastError: unknown;
  let interval = 200;
  for (;;) {
    try {
      const response = await doFetch(url, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      await response.body?.cancel();
      if (response.status === 200) {
        deps.onProgress?.({ kind: 'step', message: `Health check ${url}: 200` });
        return { kind: 'healthy' };
      }
      lastStatus = response.status;
    } catch (error) {
      lastError = error;
      if (UNRESOLVABLE.has(networkCode(error) ?? '')) break;
    }
    if (Date.now() >= deadline || deps.signal?.aborted) break;
    await sleep(interval, undefined, { signal: deps.signal }).catch(() => undefined);
    interval = Math.min(2_000, interval * 2);
  }
  if (lastStatus !== undefined) {
    return { kind: 'unhealthy', failure: `The service is RUNNING, but its health URL ${url} answered HTTP ${lastStatus} instead of 200. Check the application's logs.` };
  }
  return {
    kind: 'unreachable',
    warning: `The health URL ${url} could not be reached from this machine (${describeNetworkError(lastError)}); App Runner's own health check passed.`,
  };
}
