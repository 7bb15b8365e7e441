// What a user asks first: is it healthy? Requests, error rate, latency, instances, CPU and memory
// over a range, and a one-line health summary for `status` and the tree's tooltip.
//
// The error rate counts 5xx answers only (the service failed); 4xx answers (bad input, missing or
// wrong auth key) are the caller's and are reported apart.
import { SERIES } from './catalog';
import { sumOf, weightedPercentile, type Points, type ServiceMetrics } from './parse';

export interface MetricsSummary {
  requests: number;
  errors5xx: number;
  errors4xx: number;
  /** 5xx / requests, 0..1; undefined without requests. */
  errorRate: number | undefined;
  /** Request-weighted over the range, milliseconds; undefined without requests. */
  latency: { p50: number | undefined; p90: number | undefined; p99: number | undefined };
  /** The latest ActiveInstances value; undefined when CloudWatch has none in the range. */
  instances: number | undefined;
  /** Averages and peaks of the per-period values, percent. */
  cpu: { average: number; max: number } | undefined;
  memory: { average: number; max: number } | undefined;
}

function spread(points: Points): { average: number; max: number } | undefined {
  if (points.length === 0) return undefined;
  return { average: sumOf(points) / points.length, max: Math.max(...points.map(([, value]) => value)) };
}

export function summarize(metrics: ServiceMetrics): MetricsSummary {
  const { series } = metrics;
  const requests = sumOf(series.requests ?? []);
  const errors5xx = sumOf(series.status5xx ?? []);
  const counts = series.latencyCount ?? [];
  const instances = series.instances ?? [];
  return {
    requests,
    errors5xx,
    errors4xx: sumOf(series.status4xx ?? []),
    errorRate: requests > 0 ? errors5xx / requests : undefined,
    latency: {
      p50: weightedPercentile(series.latencyP50 ?? [], counts),
      p90: weightedPercentile(series.latencyP90 ?? [], counts),
      p99: weightedPercentile(series.latencyP99 ?? [], counts),
    },
    instances: instances.length > 0 ? instances[instances.length - 1][1] : undefined,
    cpu: spread(series.cpu ?? []),
    memory: spread(series.memory ?? []),
  };
}

/** The series a health line needs (one small GetMetricData). */
export const HEALTH_SERIES = SERIES.filter((spec) => spec.id === 'requests' || spec.id === 'status5xx');

export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

export function formatPercent(rate: number): string {
  const percent = rate * 100;
  return `${percent === 0 || percent >= 10 ? percent.toFixed(0) : percent < 0.1 ? percent.toFixed(2) : percent.toFixed(1)} %`;
}

export function formatMs(value: number | undefined): string {
  if (value === undefined) return '-';
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : value >= 10 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
}

/**
 * One line about the last hour: `Last hour: 1,234 requests, 0.4 % errors (5xx)`, or
 * `Last hour: no requests`. Pure: the tree's tooltip and `status` both use it.
 */
export function healthSummaryLine(counts: { requests: number; errors5xx: number }, window = 'Last hour'): string {
  if (counts.requests <= 0) return `${window}: no requests`;
  const requests = `${formatCount(counts.requests)} request${Math.round(counts.requests) === 1 ? '' : 's'}`;
  return `${window}: ${requests}, ${formatPercent(counts.errors5xx / counts.requests)} errors (5xx)`;
}

/** The readable summary of `metrics NAME`, one fact per line. */
export function formatSummary(summary: MetricsSummary): string[] {
  const { latency } = summary;
  const rate = summary.errorRate === undefined ? '-' : formatPercent(summary.errorRate);
  const utilisation = (value: { average: number; max: number } | undefined) => (value ? `${value.average.toFixed(1)} % average, ${value.max.toFixed(1)} % peak` : '-');
  return [
    `  requests     ${formatCount(summary.requests)}`,
    `  errors       ${rate} (${formatCount(summary.errors5xx)} 5xx; ${formatCount(summary.errors4xx)} 4xx not counted)`,
    `  latency      p50 ${formatMs(latency.p50)}, p90 ${formatMs(latency.p90)}, p99 ${formatMs(latency.p99)}`,
    `  instances    ${summary.instances === undefined ? '-' : formatCount(summary.instances)}`,
    `  cpu          ${utilisation(summary.cpu)}`,
    `  memory       ${utilisation(summary.memory)}`,
  ];
}
