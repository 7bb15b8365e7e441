// What the dashboard shows, from one refresh's metrics: the summary row, the empty state and one
// chart per App Runner metric with its series aligned on one time axis (what uPlot draws). Pure:
// tested without VS Code in test/client/metrics/.
import { APP_RUNNER_METRICS, formatCount, formatMs, formatPercent, summarize, type LoadedMetrics, type MetricName } from '../../../common/src/metrics';
import { RANGES, type Chart, type DashboardData, type RangeId, type ThemeColour } from './protocol';

interface SeriesPlan {
  id: string;
  label: string;
  colour: ThemeColour;
}

/** The series each metric's chart draws, from the catalog's series ids. */
const CHART_SERIES: Record<MetricName, { caption: string; series: SeriesPlan[] }> = {
  Requests: { caption: 'sum', series: [{ id: 'requests', label: 'Requests', colour: '--vscode-charts-blue' }] },
  '2xxStatusResponses': { caption: 'sum', series: [{ id: 'status2xx', label: '2xx', colour: '--vscode-charts-green' }] },
  '4xxStatusResponses': { caption: 'sum', series: [{ id: 'status4xx', label: '4xx', colour: '--vscode-charts-yellow' }] },
  '5xxStatusResponses': { caption: 'sum', series: [{ id: 'status5xx', label: '5xx', colour: '--vscode-charts-red' }] },
  RequestLatency: {
    caption: 'percentiles',
    series: [
      { id: 'latencyP50', label: 'p50', colour: '--vscode-charts-blue' },
      { id: 'latencyP90', label: 'p90', colour: '--vscode-charts-yellow' },
      { id: 'latencyP99', label: 'p99', colour: '--vscode-charts-red' },
    ],
  },
  ActiveInstances: { caption: 'maximum', series: [{ id: 'instances', label: 'Instances', colour: '--vscode-charts-purple' }] },
  Concurrency: { caption: 'maximum', series: [{ id: 'concurrency', label: 'Concurrency', colour: '--vscode-charts-orange' }] },
  CPUUtilization: { caption: 'average', series: [{ id: 'cpu', label: 'CPU', colour: '--vscode-charts-blue' }] },
  MemoryUtilization: { caption: 'average', series: [{ id: 'memory', label: 'Memory', colour: '--vscode-charts-green' }] },
};

export function periodLabel(period: number): string {
  if (period % 3600 === 0) return period === 3600 ? 'hour' : `${period / 3600} h`;
  return period === 60 ? 'minute' : `${period / 60} min`;
}

function chartOf(loaded: LoadedMetrics, metric: MetricName, title: string, unit: Chart['unit']): Chart {
  const plan = CHART_SERIES[metric];
  const byTime = plan.series.map((series) => new Map((loaded.series[series.id] ?? []).map(([time, value]) => [Math.round(time / 1000), value])));
  const times = [...new Set(byTime.flatMap((points) => [...points.keys()]))].sort((a, b) => a - b);
  return {
    metric,
    title,
    unit,
    caption: `${plan.caption} per ${periodLabel(loaded.period)}`,
    times,
    series: plan.series.map((series, index) => ({ label: series.label, colour: series.colour, values: times.map((time) => byTime[index].get(time) ?? null) })),
  };
}

export function buildDashboardData(loaded: LoadedMetrics, status: string, range: RangeId, now: number, automatic = false): DashboardData {
  const summary = summarize(loaded);
  const words = RANGES.find((candidate) => candidate.id === range)?.words ?? range;
  const utilisation = (value: { average: number; max: number } | undefined) => (value ? `${value.average.toFixed(1)} %, peak ${value.max.toFixed(0)} %` : '-');
  const empty: DashboardData['empty'] =
    status === 'PAUSED'
      ? { kind: 'paused', message: 'The service is paused: it serves no requests and runs no instances. Resume it to see new traffic.' }
      : summary.requests === 0
        ? { kind: 'no-requests', message: `No requests in the last ${words}.` }
        : undefined;
  return {
    range,
    start: Math.round(loaded.range.start / 1000),
    end: Math.round(loaded.range.end / 1000),
    period: loaded.period,
    status,
    summary: [
      { label: 'Requests', value: formatCount(summary.requests) },
      { label: 'Error rate (5xx)', value: summary.errorRate === undefined ? '-' : formatPercent(summary.errorRate), warn: summary.errors5xx > 0 },
      { label: 'Latency p50 / p90 / p99', value: `${formatMs(summary.latency.p50)} / ${formatMs(summary.latency.p90)} / ${formatMs(summary.latency.p99)}` },
      { label: 'Instances', value: summary.instances === undefined ? '-' : formatCount(summary.instances) },
      { label: 'CPU', value: utilisation(summary.cpu) },
      { label: 'Memory', value: utilisation(summary.memory) },
    ],
    ...(empty ? { empty } : {}),
    charts: APP_RUNNER_METRICS.map((info) => chartOf(loaded, info.name, info.title, info.unit)),
    loadedAt: now,
    automatic,
  };
}
