// GetMetricData results into the shapes the product shows: one time series per query id
// (oldest first), and the `metrics --json` contract keyed by App Runner's metric names.
import type { MetricResult } from '../aws/cloudWatch';
import { APP_RUNNER_METRICS, SERIES, type MetricName } from './catalog';

/** [epoch ms, value] pairs, oldest first. */
export type Points = [number, number][];

export interface ServiceMetrics {
  /** By series id (catalog SERIES): `requests`, `latencyP99`, ... */
  series: Record<string, Points>;
  /** Series CloudWatch did not answer completely (`PartialData`, `Forbidden`, ...). */
  incomplete: string[];
}

export function parseMetricResults(results: ReadonlyMap<string, MetricResult>): ServiceMetrics {
  const series: Record<string, Points> = {};
  const incomplete: string[] = [];
  for (const spec of SERIES) {
    const result = results.get(spec.id);
    const points: Points = result ? result.timestamps.map((time, index): [number, number] => [time, result.values[index] ?? Number.NaN]) : [];
    series[spec.id] = points.filter(([, value]) => Number.isFinite(value)).sort(([a], [b]) => a - b);
    if (result && result.status !== 'Complete') incomplete.push(spec.id);
  }
  return { series, incomplete };
}

export function sumOf(points: Points): number {
  return points.reduce((sum, [, value]) => sum + value, 0);
}

/**
 * A latency percentile over the whole range from the per-period percentiles, weighted by each
 * period's request count (CloudWatch cannot merge percentiles; this is the usual estimate).
 */
export function weightedPercentile(percentiles: Points, counts: Points): number | undefined {
  const weight = new Map(counts);
  let total = 0;
  let weighted = 0;
  for (const [time, value] of percentiles) {
    const count = weight.get(time) ?? 0;
    total += count;
    weighted += value * count;
  }
  return total > 0 ? weighted / total : undefined;
}

export interface MetricJson {
  unit: string;
  sum?: number;
  p50?: number;
  p90?: number;
  p99?: number;
  points: [string, number][];
}

const round = (value: number): number => Math.round(value * 1000) / 1000;
const iso = (points: Points): [string, number][] => points.map(([time, value]) => [new Date(time).toISOString(), round(value)]);

/**
 * The `metrics --json` `metrics` object: per App Runner metric its unit and points; counts add
 * `sum`; RequestLatency adds range-wide `p50`/`p90`/`p99` (request-weighted) and its points are
 * the p99 of each period; instances and concurrency are each period's maximum, CPU and memory its
 * average.
 */
export function metricsJson(metrics: ServiceMetrics): Record<MetricName, MetricJson> {
  const { series } = metrics;
  const out = {} as Record<MetricName, MetricJson>;
  const byMetric: Record<MetricName, string> = {
    Requests: 'requests',
    '2xxStatusResponses': 'status2xx',
    '4xxStatusResponses': 'status4xx',
    '5xxStatusResponses': 'status5xx',
    RequestLatency: 'latencyP99',
    ActiveInstances: 'instances',
    Concurrency: 'concurrency',
    CPUUtilization: 'cpu',
    MemoryUtilization: 'memory',
  };
  for (const info of APP_RUNNER_METRICS) {
    const points = series[byMetric[info.name]] ?? [];
    const extras: Partial<MetricJson> = {};
    if (info.unit === 'Count' && info.name !== 'ActiveInstances' && info.name !== 'Concurrency') extras.sum = sumOf(points);
    if (info.name === 'RequestLatency') {
      for (const [key, id] of [['p50', 'latencyP50'], ['p90', 'latencyP90'], ['p99', 'latencyP99']] as const) {
        const value = weightedPercentile(series[id] ?? [], series.latencyCount ?? []);
        if (value !== undefined) extras[key] = round(value);
      }
    }
    out[info.name] = { unit: info.unit, ...extras, points: iso(points) };
  }
  return out;
}
