// App Runner's CloudWatch metrics for a service: the query (one GetMetricData per refresh), the
// parsed series, the `metrics --json` shape, the summary and the one-line health summary.
export { APP_RUNNER_METRICS, APP_RUNNER_NAMESPACE, SERIES, metricInfo, type MetricInfo, type MetricName, type SeriesSpec } from './catalog';
export { loadHealthCounts, loadServiceMetrics, type LoadedMetrics } from './load';
export { metricsJson, parseMetricResults, sumOf, weightedPercentile, type MetricJson, type Points, type ServiceMetrics } from './parse';
export {
  buildMetricQuery,
  choosePeriod,
  MAX_POINTS_PER_SERIES,
  parseDuration,
  periodProblem,
  RANGE_PRESETS,
  rangeEndingNow,
  type RangePreset,
  type ServiceRef,
  type TimeRange,
} from './query';
export { formatCount, formatMs, formatPercent, formatSummary, healthSummaryLine, summarize, type MetricsSummary } from './summary';
