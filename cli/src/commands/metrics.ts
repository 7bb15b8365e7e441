// `metrics NAME [--since 3h] [--period 60] [--json]`: App Runner's CloudWatch metrics of a
// deployment's service, in one GetMetricData call: a readable summary, or the JSON contract
// `{deployment, service, region, since, period, metrics: {"<MetricName>": {...}}}`.
import { findDeployment } from '../../../common/src/deploy/findDeployment';
import { choosePeriod, formatSummary, loadServiceMetrics, metricsJson, parseDuration, periodProblem, rangeEndingNow, summarize, type TimeRange } from '../../../common/src/metrics';
import { AWS_OPTION_HELP, AWS_OPTIONS, reportError, withAws } from '../awsContext';
import { flag, stringOption, type CliCommand } from '../command';
import { EXIT_FAILED, EXIT_OK, UsageError } from '../io';
import { readNameTarget } from '../nameTarget';

/** `--since`: a duration before now (30m, 3h, 1d, 1w) or an ISO time; the range ends now. */
export function parseMetricsRange(since: string, now = Date.now()): TimeRange {
  const length = parseDuration(since);
  if (length !== undefined) return rangeEndingNow(length, now);
  const start = Date.parse(since);
  if (/^\d{4}-\d{2}-\d{2}/.test(since) && Number.isFinite(start) && start < now) return { start, end: rangeEndingNow(0, now).end };
  throw new UsageError(`metrics: --since '${since}' is neither a duration (30m, 3h, 1d, 1w) nor an ISO time in the past (2026-12-01T10:00:00Z)`);
}

function parsePeriod(text: string | undefined, range: TimeRange): number {
  if (text === undefined) return choosePeriod(range);
  const period = Number(text);
  const problem = periodProblem(period, range);
  if (problem !== undefined) throw new UsageError(`metrics: --period ${text}: ${problem}`);
  return period;
}

export const metricsCommand: CliCommand = {
  name: 'metrics',
  usage: 'metrics NAME|FILE [--since 3h] [--period 60] [--json] [--endpoint URL] [--region R] [--profile P]',
  summary: "Show a deployment's App Runner metrics from CloudWatch: requests, errors, latency, instances, CPU, memory.",
  details: [
    '--since T        from 30m, 3h (default), 1d, 1w ago, or from an ISO time, until now',
    '--period S       seconds per point, a multiple of 60 (default: 60 up to a day, longer beyond, at most 1,440 points)',
    '--json           print {deployment, service, region, since, period, metrics: {"<MetricName>": {unit, sum?, p50?, p90?, p99?,',
    '                 points: [[isoTime, value], ...]}}} with App Runner\'s metric names (Requests, 2xxStatusResponses, ...,',
    '                 RequestLatency: p99 points and request-weighted p50/p90/p99 of the range)',
    '--deployment N   with FILE: which of its deployments (default: the first)',
    'The error rate counts 5xx answers only; 4xx answers (bad input, a wrong auth key) are shown apart.',
    'Needs cloudwatch:GetMetricData (one call), plus apprunner:ListServices and apprunner:ListTagsForResource to find the deployment.',
    ...AWS_OPTION_HELP,
  ],
  options: { since: { type: 'string' }, period: { type: 'string' }, json: { type: 'boolean' }, deployment: { type: 'string' }, ...AWS_OPTIONS },
  async run(args, io) {
    let named;
    let range: TimeRange;
    let period: number;
    try {
      named = await readNameTarget('metrics', args, io, true);
      range = parseMetricsRange(stringOption(args, 'since') ?? '3h');
      period = parsePeriod(stringOption(args, 'period'), range);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      return reportError(io, error);
    }
    const since = stringOption(args, 'since') ?? '3h';
    return withAws(io, named.target, async (clients) => {
      const found = await findDeployment(clients, named.deploymentName, named.serviceNamePrefix !== undefined ? { serviceNamePrefix: named.serviceNamePrefix } : {});
      if (found === undefined) {
        io.stderr(`zenml-apprunner: no deployment named '${named.deploymentName}' in region ${named.target.region} (no App Runner service tagged managed-by=zenml, zenml-deployment-name=${named.deploymentName})\n`);
        return EXIT_FAILED;
      }
      const loaded = await loadServiceMetrics(clients, found, range, period);
      if (flag(args, 'json')) {
        const document = {
          deployment: found.deploymentName,
          service: found.serviceName,
          region: named.target.region,
          since: new Date(range.start).toISOString(),
          period,
          metrics: metricsJson(loaded),
        };
        io.stdout(`${JSON.stringify(document, null, 2)}\n`);
        return EXIT_OK;
      }
      const summary = summarize(loaded);
      const lines = [
        `${found.deploymentName}: ${found.serviceName} in ${named.target.region}, ${found.status}`,
        `  last ${since}, ${period} s per point (${new Date(range.start).toISOString()} to ${new Date(range.end).toISOString()})`,
        ...formatSummary(summary),
      ];
      if (found.status === 'PAUSED') lines.push('  The service is paused: it serves no requests and runs no instances until resumed.');
      else if (summary.requests === 0) lines.push(`  No requests in the last ${since}.`);
      if (loaded.incomplete.length > 0) lines.push(`  CloudWatch answered only part of: ${loaded.incomplete.join(', ')}`);
      io.stdout(`${lines.join('\n')}\n`);
      return EXIT_OK;
    });
  },
};
