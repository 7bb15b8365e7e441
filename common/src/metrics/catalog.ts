// The metrics App Runner publishes to CloudWatch for a service (namespace AWS/AppRunner,
// dimensions ServiceName and ServiceID) and the statistics we read of each. GetMetricData does
// not return units, so the unit each metric is published in is stated here.

export const APP_RUNNER_NAMESPACE = 'AWS/AppRunner';

export type MetricName =
  | 'Requests'
  | '2xxStatusResponses'
  | '4xxStatusResponses'
  | '5xxStatusResponses'
  | 'RequestLatency'
  | 'ActiveInstances'
  | 'Concurrency'
  | 'CPUUtilization'
  | 'MemoryUtilization';

export interface MetricInfo {
  name: MetricName;
  unit: 'Count' | 'Milliseconds' | 'Percent';
  /** A short title for charts and summaries. */
  title: string;
}

/** In the order the dashboard draws them. */
export const APP_RUNNER_METRICS: readonly MetricInfo[] = [
  { name: 'Requests', unit: 'Count', title: 'Requests' },
  { name: '2xxStatusResponses', unit: 'Count', title: '2xx responses' },
  { name: '4xxStatusResponses', unit: 'Count', title: '4xx responses' },
  { name: '5xxStatusResponses', unit: 'Count', title: '5xx responses' },
  { name: 'RequestLatency', unit: 'Milliseconds', title: 'Request latency' },
  { name: 'ActiveInstances', unit: 'Count', title: 'Active instances' },
  { name: 'Concurrency', unit: 'Count', title: 'Concurrency' },
  { name: 'CPUUtilization', unit: 'Percent', title: 'CPU utilization' },
  { name: 'MemoryUtilization', unit: 'Percent', title: 'Memory utilization' },
];

/** One series we ask for: a metric with one statistic, under a GetMetricData query id. */
export interface SeriesSpec {
  id: string;
  metric: MetricName;
  stat: string;
}

/** Every series of a refresh, all in one GetMetricData call. */
export const SERIES: readonly SeriesSpec[] = [
  { id: 'requests', metric: 'Requests', stat: 'Sum' },
  { id: 'status2xx', metric: '2xxStatusResponses', stat: 'Sum' },
  { id: 'status4xx', metric: '4xxStatusResponses', stat: 'Sum' },
  { id: 'status5xx', metric: '5xxStatusResponses', stat: 'Sum' },
  { id: 'latencyP50', metric: 'RequestLatency', stat: 'p50' },
  { id: 'latencyP90', metric: 'RequestLatency', stat: 'p90' },
  { id: 'latencyP99', metric: 'RequestLatency', stat: 'p99' },
  { id: 'latencyCount', metric: 'RequestLatency', stat: 'SampleCount' },
  { id: 'instances', metric: 'ActiveInstances', stat: 'Maximum' },
  { id: 'concurrency', metric: 'Concurrency', stat: 'Maximum' },
  { id: 'cpu', metric: 'CPUUtilization', stat: 'Average' },
  { id: 'memory', metric: 'MemoryUtilization', stat: 'Average' },
];

export function metricInfo(name: MetricName): MetricInfo {
  return APP_RUNNER_METRICS.find((info) => info.name === name)!;
}
