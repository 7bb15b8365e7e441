// CloudWatch metrics (`monitoring`): GetMetricData and ListMetrics over the metrics App Runner
// publishes for the emulated services (namespace AWS/AppRunner, dimensions ServiceName and
// ServiceID). Served in JSON 1.0 (the AWS SDK v3, awsQueryCompatible), the query protocol (the
// AWS CLI v2) and Smithy RPC v2 CBOR (newer botocore); see awsRouter.ts.
import type { GetMetricDataInput, ListMetricsInput, MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { cloudwatchModel } from '../generated/awsModels';
import { AwsError, type AwsServiceDefinition, type RequestContext } from '../protocol';
import type { EmulatorState } from '../state';
import { constraintMessage } from '../validation';
import { METRIC_UNITS, NAMESPACE, RETENTION_MS, type MinuteDatum } from './metricStore';
import { observeServices } from './observe';
import { parseStatistic, statisticOf, tidy } from './stats';

/** CloudWatch's limits: 500 queries per request, 100,800 data points per page by default. */
export const MAX_QUERIES = 500;
export const DEFAULT_MAX_DATAPOINTS = 100_800;
const LIST_PAGE = 500;
const ID_PATTERN = /^[a-z][a-zA-Z0-9_]*$/;
const HIGH_RESOLUTION_PERIODS = [1, 5, 10, 30];

/** How each CloudWatch error shape is named in the query protocol (`awsQueryError`). */
export const CLOUDWATCH_QUERY_CODES: Readonly<Record<string, string>> = {
  InvalidParameterValueException: 'InvalidParameterValue',
  InvalidParameterCombinationException: 'InvalidParameterCombination',
  MissingRequiredParameterException: 'MissingParameter',
  InternalServiceFault: 'InternalServiceError',
  InvalidNextToken: 'InvalidNextToken',
  ThrottlingException: 'Throttling',
  AccessDeniedException: 'AccessDenied',
  UnrecognizedClientException: 'InvalidClientTokenId',
  InvalidSignatureException: 'SignatureDoesNotMatch',
  MissingAuthenticationTokenException: 'MissingAuthenticationToken',
  IncompleteSignatureException: 'IncompleteSignature',
  UnknownOperationException: 'InvalidAction',
};

interface ResolvedQuery {
  id: string;
  label: string;
  points: [number, number][];
}

function invalid(message: string): AwsError {
  return new AwsError('InvalidParameterValueException', message);
}

function offsetToken(offset: number): string {
  return Buffer.from(`metrics:${offset}`).toString('base64url');
}

function parseOffset(token: string | undefined, code: string): number {
  if (token === undefined) return 0;
  const match = /^metrics:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!match) throw new AwsError(code, `Invalid NextToken: ${token}`);
  return Number(match[1]);
}

function sameDimensions(given: readonly { Name?: string; Value?: string }[], serviceName: string, serviceId: string): boolean {
  if (given.length !== 2) return false;
  const map = new Map(given.map((dimension) => [dimension.Name, dimension.Value]));
  return map.get('ServiceName') === serviceName && map.get('ServiceID') === serviceId;
}

/** One MetricStat query's points per period, oldest first. */
function runQuery(state: EmulatorState, region: string, query: MetricDataQuery, where: string, start: number, end: number): [number, number][] {
  const stat = query.MetricStat!;
  const period = stat.Period!;
  if (!(HIGH_RESOLUTION_PERIODS.includes(period) || period % 60 === 0)) {
    throw invalid(`The parameter ${where}.MetricStat.Period must be a multiple of 60, or 1, 5, 10 or 30 for high-resolution metrics.`);
  }
  const statistic = parseStatistic(stat.Stat!, `${where}.MetricStat.Stat`);
  const metric = stat.Metric!;
  const unit = METRIC_UNITS[metric.MetricName ?? ''];
  if (metric.Namespace !== NAMESPACE || unit === undefined) return [];
  if (stat.Unit !== undefined && stat.Unit !== unit) return [];
  const dimensions = metric.Dimensions ?? [];
  const series = state.metrics.allSeries(region).find((entry) => sameDimensions(dimensions, entry.key.serviceName, entry.key.serviceId));
  if (!series) return [];
  const view = state.metrics.find(series.key)!;
  const periodMs = period * 1000;
  const alignedStart = Math.floor(start / periodMs) * periodMs;
  const groups = new Map<number, MinuteDatum[]>();
  for (const datum of view.minutes(metric.MetricName!, alignedStart, end)) {
    const bucket = Math.floor(datum.minute / periodMs) * periodMs;
    const group = groups.get(bucket) ?? [];
    group.push(datum);
    groups.set(bucket, group);
  }
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([time, data]) => [time, tidy(statisticOf(data, statistic))]);
}

function checkQueries(queries: readonly MetricDataQuery[], accountId: string): void {
  if (queries.length === 0 || queries.length > MAX_QUERIES) {
    const constraint = queries.length === 0 ? 'Member must have length greater than or equal to 1' : `Member must have length less than or equal to ${MAX_QUERIES}`;
    throw new AwsError('ValidationError', constraintMessage('metricDataQueries', `[${queries.length} queries]`, constraint));
  }
  const seen = new Set<string>();
  queries.forEach((query, index) => {
    const where = `MetricDataQueries.member.${index + 1}`;
    if (!ID_PATTERN.test(query.Id!)) throw invalid(`The value ${query.Id} for parameter ${where}.Id is not valid: it must start with a lowercase letter and contain only letters, digits and underscores.`);
    if (seen.has(query.Id!)) throw invalid(`The value ${query.Id} for parameter ${where}.Id is used by another query: ids must be unique.`);
    seen.add(query.Id!);
    if ((query.MetricStat === undefined) === (query.Expression === undefined)) {
      throw new AwsError('InvalidParameterCombinationException', `Exactly one of MetricStat and Expression must be set in ${where}.`);
    }
    if (query.Expression !== undefined) {
      throw invalid(`${where}.Expression: metric math and Metrics Insights expressions are not supported by this emulator; query each metric with MetricStat.`);
    }
    if (query.Period !== undefined) throw new AwsError('InvalidParameterCombinationException', `${where}.Period applies to expressions only; set MetricStat.Period.`);
    if (query.AccountId !== undefined && query.AccountId !== accountId) throw invalid(`The value ${query.AccountId} for parameter ${where}.AccountId is not a linked account of ${accountId}.`);
  });
}

export function cloudWatchService(state: EmulatorState): AwsServiceDefinition {
  return {
    model: cloudwatchModel,
    iamPrefix: 'cloudwatch',
    validationErrorCode: 'ValidationError',
    internalErrorCode: 'InternalServiceFault',
    queryErrorCodes: CLOUDWATCH_QUERY_CODES,
    protocols: { query: { xmlNamespace: 'http://monitoring.amazonaws.com/doc/2010-08-01/' }, rpcV2Cbor: true, awsQueryCompatible: true },
    handlers: {
      GetMetricData(input, context: RequestContext) {
        const request = input as unknown as Omit<GetMetricDataInput, 'StartTime' | 'EndTime'> & { StartTime: number; EndTime: number };
        const queries = request.MetricDataQueries ?? [];
        checkQueries(queries, state.settings.accountId);
        const start = Math.round(request.StartTime * 1000);
        const end = Math.round(request.EndTime * 1000);
        if (!(start < end)) throw invalid('The parameter StartTime must be less than the parameter EndTime.');
        const maxDatapoints = request.MaxDatapoints ?? DEFAULT_MAX_DATAPOINTS;
        if (maxDatapoints < 1) throw invalid(`The value ${maxDatapoints} for parameter MaxDatapoints must be at least 1.`);
        const ascending = request.ScanBy === 'TimestampAscending';
        const offset = parseOffset(request.NextToken, 'InvalidNextToken');
        observeServices(state, context.region, context.now);
        const from = Math.max(start, context.now - RETENTION_MS);
        const resolved: ResolvedQuery[] = queries.flatMap((query, index) => {
          const points = runQuery(state, context.region, query, `MetricDataQueries.member.${index + 1}`, from, end);
          if (query.ReturnData === false) return [];
          return [{ id: query.Id!, label: query.Label ?? query.MetricStat!.Metric!.MetricName!, points: ascending ? points : points.reverse() }];
        });
        // Pages cut the flattened points of all queries; a query whose points go on is PartialData.
        const total = resolved.reduce((sum, query) => sum + query.points.length, 0);
        if (offset > total) throw new AwsError('InvalidNextToken', `Invalid NextToken: ${request.NextToken}`);
        const pageEnd = Math.min(total, offset + maxDatapoints);
        let position = 0;
        const results = [];
        for (const query of resolved) {
          const first = position;
          position += query.points.length;
          const from = Math.max(offset, first);
          const to = Math.min(pageEnd, position);
          // A query is in the pages that hold its points; one without points only in the first.
          if (!(to > from || (offset === 0 && query.points.length === 0))) continue;
          const slice = query.points.slice(from - first, Math.max(from, to) - first);
          results.push({
            Id: query.id,
            Label: query.label,
            Timestamps: slice.map(([time]) => new Date(time)),
            Values: slice.map(([, value]) => value),
            StatusCode: position > pageEnd ? 'PartialData' : 'Complete',
            Messages: [],
          });
        }
        return { MetricDataResults: results, Messages: [], ...(pageEnd < total ? { NextToken: offsetToken(pageEnd) } : {}) };
      },
      ListMetrics(input, context) {
        const request = input as unknown as ListMetricsInput;
        observeServices(state, context.region, context.now);
        const offset = parseOffset(request.NextToken, 'InvalidParameterValueException');
        const recentMs = request.RecentlyActive === 'PT3H' ? 3 * 60 * 60 * 1000 : RETENTION_MS;
        const metrics = state.metrics
          .allSeries(context.region)
          .filter((series) => series.lastSeen >= context.now - recentMs)
          .flatMap((series) =>
            Object.keys(METRIC_UNITS).map((MetricName) => ({
              Namespace: NAMESPACE,
              MetricName,
              Dimensions: [
                { Name: 'ServiceID', Value: series.key.serviceId },
                { Name: 'ServiceName', Value: series.key.serviceName },
              ],
            })),
          )
          .filter((metric) => request.Namespace === undefined || metric.Namespace === request.Namespace)
          .filter((metric) => request.MetricName === undefined || metric.MetricName === request.MetricName)
          .filter((metric) =>
            (request.Dimensions ?? []).every((filter) => metric.Dimensions.some((dimension) => dimension.Name === filter.Name && (filter.Value === undefined || dimension.Value === filter.Value))),
          );
        const page = metrics.slice(offset, offset + LIST_PAGE);
        return {
          Metrics: page,
          ...(offset + LIST_PAGE < metrics.length ? { NextToken: offsetToken(offset + LIST_PAGE) } : {}),
          ...(request.IncludeLinkedAccounts ? { OwningAccounts: page.map(() => state.settings.accountId) } : {}),
        };
      },
    },
  };
}
