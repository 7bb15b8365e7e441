// CloudWatch statistics over minute data: Sum, Average, Minimum, Maximum, SampleCount and
// percentiles `pNN` / `pNN.NN` (nearest rank over the kept samples). Other extended statistics
// (trimmed means, IQM, ...) are refused with InvalidParameterValue.
import { AwsError } from '../protocol';
import type { MinuteDatum } from './metricStore';

export type Statistic = { kind: 'Sum' | 'Average' | 'Minimum' | 'Maximum' | 'SampleCount' } | { kind: 'percentile'; percentile: number };

const PERCENTILE = /^p(\d{1,2}(?:\.\d{1,10})?|100)$/;

export function parseStatistic(stat: string, where: string): Statistic {
  if (stat === 'Sum' || stat === 'Average' || stat === 'Minimum' || stat === 'Maximum' || stat === 'SampleCount') return { kind: stat };
  const match = PERCENTILE.exec(stat);
  if (match) {
    const percentile = Number(match[1]);
    if (percentile >= 0 && percentile <= 100) return { kind: 'percentile', percentile };
  }
  throw new AwsError(
    'InvalidParameterValueException',
    `The value ${stat} for parameter ${where} is not supported by this emulator: use Sum, Average, Minimum, Maximum, SampleCount or a percentile such as p99 or p99.9.`,
  );
}

/** Nearest-rank percentile of unsorted values. */
export function percentileOf(values: readonly number[], percentile: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((percentile / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1];
}

/** The statistic of the minutes that fall into one period. */
export function statisticOf(data: readonly MinuteDatum[], stat: Statistic): number {
  switch (stat.kind) {
    case 'Sum':
      return data.reduce((sum, datum) => sum + datum.sum, 0);
    case 'SampleCount':
      return data.reduce((sum, datum) => sum + datum.count, 0);
    case 'Average': {
      const count = data.reduce((sum, datum) => sum + datum.count, 0);
      return count === 0 ? 0 : data.reduce((sum, datum) => sum + datum.sum, 0) / count;
    }
    case 'Minimum':
      return Math.min(...data.map((datum) => datum.min));
    case 'Maximum':
      return Math.max(...data.map((datum) => datum.max));
    case 'percentile':
      return percentileOf(data.flatMap((datum) => datum.samples), stat.percentile);
  }
}

/** Values as CloudWatch returns them: doubles, without float noise from summing. */
export function tidy(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
