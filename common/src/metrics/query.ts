// The one GetMetricData request of a refresh: every series of a service over a time range, with a
// period that keeps each series under MAX_POINTS_PER_SERIES (all series together stay well under
// CloudWatch's 100,800 points per page, so a refresh is one call).
import type { GetMetricDataCommandInput } from '@aws-sdk/client-cloudwatch';
import { APP_RUNNER_NAMESPACE, SERIES, type SeriesSpec } from './catalog';

export interface ServiceRef {
  serviceName: string;
  serviceId: string;
}

export interface TimeRange {
  /** Epoch milliseconds, inclusive. */
  start: number;
  /** Epoch milliseconds, exclusive. */
  end: number;
}

/** A chart's worth of points: 1 day at 1 minute. */
export const MAX_POINTS_PER_SERIES = 1440;
/** Periods we choose from (seconds); CloudWatch keeps 1-minute data 15 days, 5-minute data 63 days. */
export const PERIODS = [60, 300, 900, 3600, 21_600, 86_400] as const;
const FIFTEEN_DAYS_MS = 15 * 86_400_000;
const SIXTY_THREE_DAYS_MS = 63 * 86_400_000;

/** The smallest period that keeps a series of `range` under MAX_POINTS_PER_SERIES and within retention. */
export function choosePeriod(range: TimeRange, now = Date.now()): number {
  const length = range.end - range.start;
  const age = now - range.start;
  const floor = age > SIXTY_THREE_DAYS_MS ? 3600 : age > FIFTEEN_DAYS_MS ? 300 : 60;
  return PERIODS.find((period) => period >= floor && length / (period * 1000) <= MAX_POINTS_PER_SERIES) ?? PERIODS[PERIODS.length - 1];
}

/** Why `period` cannot be used for `range`, or undefined when it can. */
export function periodProblem(period: number, range: TimeRange): string | undefined {
  if (!Number.isInteger(period) || period < 60 || period % 60 !== 0) return `the period must be a whole number of minutes in seconds (60, 300, ...), not ${period}`;
  const points = Math.ceil((range.end - range.start) / (period * 1000)) * SERIES.length;
  if (points > 100_800 * 10) return `a period of ${period} s gives ${points} points over this range; choose a longer period`;
  return undefined;
}

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** `30m`, `3h`, `1d`, `1w` in milliseconds; undefined for anything else. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+)([mhdw])$/.exec(text.trim());
  if (!match || Number(match[1]) === 0) return undefined;
  return Number(match[1]) * UNIT_MS[match[2]];
}

/** The dashboard's ranges. */
export const RANGE_PRESETS = [
  { id: '1h', label: '1 h' },
  { id: '3h', label: '3 h' },
  { id: '12h', label: '12 h' },
  { id: '1d', label: '1 d' },
  { id: '1w', label: '1 w' },
] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number]['id'];

/** The range ending now (rounded up to the next minute, so the current minute is in it). */
export function rangeEndingNow(lengthMs: number, now = Date.now()): TimeRange {
  const end = Math.ceil((now + 1) / 60_000) * 60_000;
  return { start: end - lengthMs, end };
}

/** One GetMetricData input for every series of the service (or only `series`). */
export function buildMetricQuery(service: ServiceRef, range: TimeRange, period: number, series: readonly SeriesSpec[] = SERIES): GetMetricDataCommandInput {
  const dimensions = [
    { Name: 'ServiceName', Value: service.serviceName },
    { Name: 'ServiceID', Value: service.serviceId },
  ];
  return {
    StartTime: new Date(range.start),
    EndTime: new Date(range.end),
    ScanBy: 'TimestampAscending',
    MetricDataQueries: series.map((spec) => ({
      Id: spec.id,
      MetricStat: { Metric: { Namespace: APP_RUNNER_NAMESPACE, MetricName: spec.metric, Dimensions: dimensions }, Period: period, Stat: spec.stat },
      ReturnData: true,
    })),
  };
}
