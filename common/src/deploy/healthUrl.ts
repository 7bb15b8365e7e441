// After a deploy: does the service's health URL answer 200? Through the emulator's service-URL
// mapping when an endpoint is set; private services cannot be reached from here and are skipped.
import type { DesiredDeployment } from './desired';
import type { EngineDeps } from './types';

const HEALTH_WINDOW_MS = 30_000;

/** `https://<ServiceUrl><path>`, or `<endpoint>/_services/<ServiceUrl><path>` with an endpoint override. */
export function serviceUrlFor(endpoint: string | undefined, serviceUrl: string, path = ''): string {
  return endpoint !== undefined ? `${endpoint.replace(/\/$/, '')}/_services/${serviceUrl}${path}` : `https://${serviceUrl}${path}`;
}

export async function checkHealthUrl(deps: EngineDeps, desired: DesiredDeployment, serviceUrl: string, timeoutMs: number): Promise<{ warning?: string; failure?: string }> {
  if (desired.healthPath === undefined) return {};
  if (!desired.isPublic) return { warning: `The health URL was not checked: the service is private (is_publicly_accessible: false).` };
  const url = serviceUrlFor(deps.clients.target.endpoint, serviceUrl, desired.healthPath);
  const doFetch = deps.fetch ?? fetch;
  const deadline = deps.clock.now() + Math.min(timeoutMs, HEALTH_WINDOW_MS);
  let last = '';
  let interval = 200;
  for (;;) {
    try {
      const response = await doFetch(url, { signal: AbortSignal.timeout(5_000) });
      await response.body?.cancel();
      if (response.status === 200) {
        deps.onProgress?.({ kind: 'step', message: `Health check ${url}: 200` });
        return {};
      }
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    if (deps.clock.now() >= deadline || deps.signal?.aborted) break;
    await deps.clock.sleep(interval).catch(() => undefined);
    interval = Math.min(2_000, interval * 2);
  }
  return { failure: `The service is RUNNING but its health URL ${url} did not answer 200 (${last}). Check the application's logs.` };
}
