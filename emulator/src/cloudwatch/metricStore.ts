// What App Runner publishes to CloudWatch (`AWS/AppRunner`, dimensions ServiceName and ServiceID),
// computed from what really happens here: every request that reaches a stand-in service is
// recorded with its minute, status and measured latency, and every change of a service's status
// or scaling is noted on its instance timeline. Storage is bounded: minute buckets for 15 days
// (CloudWatch's retention of 1-minute data), at most LATENCY_SAMPLES latencies per minute, and
// at most TIMELINE_ENTRIES instance changes per service.
import type { ServiceRecord } from '../apprunner/records';

export const NAMESPACE = 'AWS/AppRunner';
export const MINUTE_MS = 60_000;
export const RETENTION_MS = 15 * 24 * 60 * MINUTE_MS;
/** Latencies kept per service and minute (the newest replace the oldest beyond this). */
export const LATENCY_SAMPLES = 500;
const TIMELINE_ENTRIES = 1000;

/** App Runner's service-level metrics and the unit each is published in. */
export const METRIC_UNITS: Readonly<Record<string, string>> = {
  Requests: 'Count',
  '2xxStatusResponses': 'Count',
  '4xxStatusResponses': 'Count',
  '5xxStatusResponses': 'Count',
  RequestLatency: 'Milliseconds',
  ActiveInstances: 'Count',
  Concurrency: 'Count',
  CPUUtilization: 'Percent',
  MemoryUtilization: 'Percent',
};

export interface MinuteBucket {
  requests: number;
  status2xx: number;
  status4xx: number;
  status5xx: number;
  /** Up to LATENCY_SAMPLES measured latencies (ms); all of them when the minute had fewer requests. */
  latencies: number[];
  latencyCount: number;
  latencySum: number;
  latencyMin: number;
  latencyMax: number;
  /** Most requests in flight at once during the minute. */
  peakConcurrency: number;
}

interface InstanceChange {
  at: number;
  /** Instances serving from `at` on (0 while not serving). */
  instances: number;
  /** The scaling limits then, for scale-out under load. */
  maxSize: number;
  maxConcurrency: number;
}

export interface SeriesKey {
  region: string;
  serviceName: string;
  serviceId: string;
}

class ServiceSeries {
  readonly buckets = new Map<number, MinuteBucket>();
  readonly timeline: InstanceChange[] = [];
  inFlight = 0;
  lastSeen = 0;

  constructor(readonly key: SeriesKey) {}

  bucket(minute: number): MinuteBucket {
    let bucket = this.buckets.get(minute);
    if (!bucket) {
      bucket = { requests: 0, status2xx: 0, status4xx: 0, status5xx: 0, latencies: [], latencyCount: 0, latencySum: 0, latencyMin: Infinity, latencyMax: 0, peakConcurrency: 0 };
      this.buckets.set(minute, bucket);
    }
    return bucket;
  }

  /** Instances (and limits) in effect at `time`; undefined before the service was first seen. */
  instancesAt(time: number): InstanceChange | undefined {
    let found: InstanceChange | undefined;
    for (const change of this.timeline) {
      if (change.at > time) break;
      found = change;
    }
    return found;
  }

  prune(now: number): void {
    const oldest = now - RETENTION_MS;
    for (const minute of this.buckets.keys()) if (minute < oldest) this.buckets.delete(minute);
    // Keep the change in effect at the oldest retained time; drop what came before it.
    while (this.timeline.length > 1 && (this.timeline[1].at <= oldest || this.timeline.length > TIMELINE_ENTRIES)) this.timeline.shift();
  }
}

export function minuteOf(time: number): number {
  return Math.floor(time / MINUTE_MS) * MINUTE_MS;
}

function keyOf(key: SeriesKey): string {
  return `${key.region}|${key.serviceName}|${key.serviceId}`;
}

/** The scaling that applies to a service: instances while it serves, and its limits. */
export interface ServiceScaling {
  serving: boolean;
  minSize: number;
  maxSize: number;
  maxConcurrency: number;
}

export class MetricStore {
  private readonly series = new Map<string, ServiceSeries>();

  private seriesFor(key: SeriesKey, now: number): ServiceSeries {
    const id = keyOf(key);
    let series = this.series.get(id);
    if (!series) {
      series = new ServiceSeries(key);
      this.series.set(id, series);
    }
    series.lastSeen = Math.max(series.lastSeen, now);
    return series;
  }

  /**
   * Notes the instances a service has now. Called on every state change, so the timeline
   * follows creation, pauses, resumes, deletion and scaling changes.
   */
  observe(service: ServiceRecord, scaling: ServiceScaling, now: number): void {
    const series = this.seriesFor({ region: service.region, serviceName: service.name, serviceId: service.id }, now);
    const instances = scaling.serving && service.status !== 'DELETED' ? scaling.minSize : 0;
    const last = series.timeline[series.timeline.length - 1];
    if (last && last.instances === instances && last.maxSize === scaling.maxSize && last.maxConcurrency === scaling.maxConcurrency) return;
    // A service seen for the first time already serving has served since it was last updated.
    const at = last ? now : Math.min(now, instances > 0 ? service.updatedAt : now);
    series.timeline.push({ at, instances, maxSize: scaling.maxSize, maxConcurrency: scaling.maxConcurrency });
    series.prune(now);
  }

  /** A request reached the service: returns the function to call when it has been answered. */
  begin(service: ServiceRecord, now: number): (status: number, latencyMs: number, endedAt: number) => void {
    const series = this.seriesFor({ region: service.region, serviceName: service.name, serviceId: service.id }, now);
    series.inFlight++;
    const startBucket = series.bucket(minuteOf(now));
    startBucket.peakConcurrency = Math.max(startBucket.peakConcurrency, series.inFlight);
    let done = false;
    return (status, latencyMs, endedAt) => {
      if (done) return;
      done = true;
      series.inFlight = Math.max(0, series.inFlight - 1);
      const bucket = series.bucket(minuteOf(endedAt));
      bucket.peakConcurrency = Math.max(bucket.peakConcurrency, 1);
      bucket.requests++;
      if (status >= 200 && status < 300) bucket.status2xx++;
      else if (status >= 400 && status < 500) bucket.status4xx++;
      else if (status >= 500) bucket.status5xx++;
      if (bucket.latencies.length < LATENCY_SAMPLES) bucket.latencies.push(latencyMs);
      else bucket.latencies[bucket.latencyCount % LATENCY_SAMPLES] = latencyMs;
      bucket.latencyCount++;
      bucket.latencySum += latencyMs;
      bucket.latencyMin = Math.min(bucket.latencyMin, latencyMs);
      bucket.latencyMax = Math.max(bucket.latencyMax, latencyMs);
      series.lastSeen = Math.max(series.lastSeen, endedAt);
      series.prune(endedAt);
    };
  }

  /** Every service with metrics, for ListMetrics. */
  allSeries(region: string): { key: SeriesKey; lastSeen: number; hasTraffic: boolean }[] {
    return [...this.series.values()]
      .filter((series) => series.key.region === region)
      .map((series) => ({ key: series.key, lastSeen: series.lastSeen, hasTraffic: series.buckets.size > 0 }));
  }

  find(key: SeriesKey): SeriesView | undefined {
    const series = this.series.get(keyOf(key));
    return series ? new SeriesView(series) : undefined;
  }

  clear(): void {
    this.series.clear();
  }
}

/** One published value for one minute: a statistic set (sum, count, min, max) plus samples for percentiles. */
export interface MinuteDatum {
  minute: number;
  sum: number;
  count: number;
  min: number;
  max: number;
  samples: readonly number[];
}

function single(minute: number, value: number): MinuteDatum {
  return { minute, sum: value, count: 1, min: value, max: value, samples: [value] };
}

/**
 * How CPU and memory are modelled (the stand-in does no real work): per instance, CPU is an idle
 * 2 % plus the share of the minute spent answering requests (summed latency / 60 s / instances),
 * at least 1 percentage point per 10 requests per instance; memory is 18 % plus 3 points per
 * request in flight at the peak, per instance. Both are capped at 100 and deterministic.
 */
export function modelledUtilisation(bucket: MinuteBucket | undefined, instances: number): { cpu: number; memory: number } {
  if (!bucket || instances <= 0) return { cpu: 2, memory: 18 };
  const busyShare = (bucket.latencySum / MINUTE_MS / instances) * 100;
  const cpu = Math.min(100, 2 + Math.max(busyShare, bucket.requests / instances / 10));
  const memory = Math.min(100, 18 + (3 * bucket.peakConcurrency) / instances);
  return { cpu: Math.round(cpu * 100) / 100, memory: Math.round(memory * 100) / 100 };
}

/** The minute data of one service, read by GetMetricData. */
export class SeriesView {
  constructor(private readonly series: ServiceSeries) {}

  /**
   * The instance counts in effect during `minute` (the one at its start and every change within
   * it), each raised to what the minute's peak concurrency asks for; undefined before the service
   * was first seen.
   */
  private instanceValues(minute: number, bucket: MinuteBucket | undefined): number[] | undefined {
    const changes = this.series.timeline.filter((change) => change.at > minute && change.at < minute + MINUTE_MS);
    const atStart = this.series.instancesAt(minute);
    const inEffect = [...(atStart ? [atStart] : []), ...changes];
    if (inEffect.length === 0) return undefined;
    return inEffect.map((change) => {
      if (change.instances === 0) return 0;
      const needed = bucket ? Math.ceil(bucket.peakConcurrency / Math.max(1, change.maxConcurrency)) : 0;
      return Math.min(change.maxSize, Math.max(change.instances, needed));
    });
  }

  /** The data of `metric` for every minute in [start, end) that has any, oldest first. */
  minutes(metric: string, start: number, end: number): MinuteDatum[] {
    const out: MinuteDatum[] = [];
    for (let minute = minuteOf(start) < start ? minuteOf(start) + MINUTE_MS : minuteOf(start); minute < end; minute += MINUTE_MS) {
      const bucket = this.series.buckets.get(minute);
      const values = this.instanceValues(minute, bucket);
      const instances = values === undefined ? 0 : Math.max(...values);
      const serving = instances > 0;
      switch (metric) {
        case 'Requests':
        case '2xxStatusResponses':
        case '4xxStatusResponses':
        case '5xxStatusResponses': {
          if (!bucket && !serving) break;
          const field = { Requests: 'requests', '2xxStatusResponses': 'status2xx', '4xxStatusResponses': 'status4xx', '5xxStatusResponses': 'status5xx' }[metric] as 'requests' | 'status2xx' | 'status4xx' | 'status5xx';
          out.push(single(minute, bucket?.[field] ?? 0));
          break;
        }
        case 'RequestLatency':
          if (bucket && bucket.latencyCount > 0) {
            out.push({ minute, sum: bucket.latencySum, count: bucket.latencyCount, min: bucket.latencyMin, max: bucket.latencyMax, samples: bucket.latencies });
          }
          break;
        case 'ActiveInstances':
          if (values !== undefined) {
            out.push({ minute, sum: values.reduce((sum, value) => sum + value, 0), count: values.length, min: Math.min(...values), max: instances, samples: values });
          }
          break;
        case 'Concurrency':
          if (bucket || serving) out.push(single(minute, bucket?.peakConcurrency ?? 0));
          break;
        case 'CPUUtilization':
        case 'MemoryUtilization':
          if (serving) {
            const { cpu, memory } = modelledUtilisation(bucket, instances);
            out.push(single(minute, metric === 'CPUUtilization' ? cpu : memory));
          }
          break;
        default:
          break;
      }
    }
    return out;
  }
}
