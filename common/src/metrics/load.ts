// Reading a service's metrics: one GetMetricData call per refresh, parsed and ready to show.
import type { AwsClients } from '../aws/clientFactory';
import { getMetricData } from '../aws/cloudWatch';
import type { SeriesSpec } from './catalog';
import { parseMetricResults, sumOf, type ServiceMetrics } from './parse';
import { buildMetricQuery, choosePeriod, rangeEndingNow, type ServiceRef, type TimeRange } from './query';
import { HEALTH_SERIES } from './summary';

export interface LoadedMetrics extends ServiceMetrics {
  range: TimeRange;
  /** Seconds per point. */
  period: number;
}

export async function loadServiceMetrics(clients: AwsClients, service: ServiceRef, range: TimeRange, period = choosePeriod(range), series?: readonly SeriesSpec[]): Promise<LoadedMetrics> {
  const results = await getMetricData(clients, buildMetricQuery(service, range, period, series));
  return { ...parseMetricResults(results), range, period };
}

/** Requests and 5xx answers of the last hour (for `healthSummaryLine`), in one small call. */
export async function loadHealthCounts(clients: AwsClients, service: ServiceRef, now = Date.now()): Promise<{ requests: number; errors5xx: number }> {
  const range = rangeEndingNow(3_600_000, now);
  const loaded = await loadServiceMetrics(clients, service, range, 3600, HEALTH_SERIES);
  return { requests: sumOf(loaded.series.requests ?? []), errors5xx: sumOf(loaded.series.status5xx ?? []) };
}
