// `logs NAME [--since 10m] [--until T] [--filter PATTERN] [--follow] [--json]`: a deployment's
// service and application logs, merged in time order. Without --filter and --until, the follower
// the VS Code output channel uses reads them (GetLogEvents, the minimal permissions); with either,
// a search (FilterLogEvents, CloudWatch evaluating the pattern); with --follow --filter, the
// follower filtered (Live Tail's logEventFilterPattern, or FilterLogEvents polling). Lines go to
// stdout exactly as the service wrote them; mode changes and notes to stderr.
import { createAwsClients, defaultRegion } from '../../../common/src/aws/clientFactory';
import { AwsCallError } from '../../../common/src/aws/errors';
import { findDeployment } from '../../../common/src/deploy/findDeployment';
import { checkFilterPattern, filterLogLines, FilterPatternError, followLogs, formatLogLine, formatState, logLineJson, SearchCancelledError, serviceLogGroups, type LogLine, type SearchProgress } from '../../../common/src/logs';
import { parseTimeArg, TIME_ARG_HELP } from '../../../common/src/logs/timeRange';
import type { CliCommand, ParsedCommandArgs } from '../command';
import { flag, stringOption } from '../command';
import { EXIT_CANCELLED, EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from '../io';

/** `--since` / `--until`: a duration before now or an ISO time; a usage error otherwise. */
export function parseSince(value: string, now = Date.now(), option = '--since'): number {
  const time = parseTimeArg(value, now);
  if (time === undefined) throw new UsageError(`logs: ${option} '${value}' is neither a duration (30s, 10m, 2h, 1d, 1w) nor an ISO time (2026-12-01T10:00:00Z)`);
  return time;
}

interface LogsRequest {
  name: string;
  startTime: number;
  endTime?: number;
  filterPattern?: string;
  following: boolean;
  json: boolean;
}

/** Reads and checks the arguments; every mistake is a UsageError (exit 2). */
export function readLogsArgs(args: ParsedCommandArgs, now = Date.now()): LogsRequest {
  if (args.positionals.length !== 1) throw new UsageError(`logs: expected one deployment name, got ${args.positionals.length}`);
  const following = flag(args, 'follow');
  const startTime = parseSince(stringOption(args, 'since') ?? '10m', now);
  const untilText = stringOption(args, 'until');
  if (untilText !== undefined && following) throw new UsageError('logs: --until cannot be used with --follow (a follow has no end; drop one of them)');
  const endTime = untilText !== undefined ? parseSince(untilText, now, '--until') : undefined;
  if (endTime !== undefined && endTime < startTime) {
    throw new UsageError(`logs: --until ${new Date(endTime).toISOString()} is before --since ${new Date(startTime).toISOString()}`);
  }
  const filter = stringOption(args, 'filter');
  return {
    name: args.positionals[0],
    startTime,
    ...(endTime !== undefined ? { endTime } : {}),
    ...(filter !== undefined && filter.trim() !== '' ? { filterPattern: filter } : {}),
    following,
    json: flag(args, 'json'),
  };
}

function refused(io: CliIo, error: FilterPatternError): number {
  io.stderr(`zenml-apprunner logs: CloudWatch Logs refused the filter pattern '${error.pattern}': ${error.message}\n`);
  return EXIT_USAGE;
}

export const logsCommand: CliCommand = {
  name: 'logs',
  usage: 'logs NAME [--since 10m] [--until T] [--filter PATTERN] [--follow] [--json] [--region R] [--profile P] [--endpoint URL]',
  summary: "Print a deployment's service and application logs in time order; --filter searches, --follow keeps streaming.",
  details: [
    'Prints `time [source stream] message` per line; the message is exactly what the service wrote.',
    `--since T       start at T: ${TIME_ARG_HELP}; default 10m`,
    '--until T       end at T (same forms); not with --follow',
    '--filter P      only lines matching CloudWatch\'s filter pattern P, e.g. ERROR, "POST /invoke", ?ERROR ?WARN,',
    '                -healthy, %regex%, { $.level = "ERROR" }, [ip, user, ..., status = 5*]; CloudWatch evaluates it',
    '--follow        keep printing new lines (Live Tail when permitted, polling otherwise) until Ctrl+C',
    '--json          one JSON object per line: {time, timestamp, source, logGroup, logStream, message}',
    '--region R      AWS region (default: AWS_REGION or the profile\'s region)',
    '--profile P     profile of ~/.aws/config; --endpoint URL another endpoint (the emulator)',
    'Mode changes (live, polling and why, reconnecting, stopped) and notes go to stderr.',
    'Needs logs:DescribeLogGroups, logs:DescribeLogStreams and logs:GetLogEvents, logs:FilterLogEvents with --filter or',
    '--until (plus apprunner:ListServices and apprunner:ListTagsForResource to find the deployment); logs:StartLiveTail',
    'is used when granted.',
    'Exit codes: 0 all lines printed (without --follow), 1 failed, 2 usage error or a pattern CloudWatch refuses,',
    '130 stopped with Ctrl+C.',
  ],
  options: {
    follow: { type: 'boolean', short: 'f' },
    since: { type: 'string' },
    until: { type: 'string' },
    filter: { type: 'string' },
    json: { type: 'boolean' },
    region: { type: 'string' },
    profile: { type: 'string' },
    endpoint: { type: 'string' },
  },
  async run(args, io) {
    const request = readLogsArgs(args);
    const profile = stringOption(args, 'profile');
    const endpoint = stringOption(args, 'endpoint');
    const region = stringOption(args, 'region') ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION ?? (await defaultRegion(profile));
    if (region === undefined) throw new UsageError('logs: no AWS region: pass --region, set AWS_REGION, or give the profile a region');
    const clients = createAwsClients({ region, ...(profile !== undefined ? { profile } : {}), ...(endpoint !== undefined ? { endpoint } : {}) });
    const print = (lines: readonly LogLine[]): void => io.stdout(`${lines.map(request.json ? logLineJson : formatLogLine).join('\n')}\n`);
    try {
      const deployment = await findDeployment(clients, request.name);
      if (deployment === undefined) {
        io.stderr(`zenml-apprunner: no deployment named '${request.name}' in region ${region} (no App Runner service tagged managed-by=zenml, zenml-deployment-name=${request.name})\n`);
        return EXIT_FAILED;
      }
      const groups = serviceLogGroups(deployment.serviceName, deployment.serviceId);
      if (!request.following && (request.filterPattern !== undefined || request.endTime !== undefined)) {
        const progress: SearchProgress = { pages: 0, missingGroups: [] };
        let count = 0;
        for await (const batch of filterLogLines({ clients, groups, startTime: request.startTime, signal: io.signal, ...(request.endTime !== undefined ? { endTime: request.endTime } : {}), ...(request.filterPattern !== undefined ? { filterPattern: request.filterPattern } : {}) }, progress)) {
          count += batch.length;
          print(batch);
        }
        if (count === 0) {
          const range = `from ${new Date(request.startTime).toISOString()} to ${new Date(request.endTime ?? Date.now()).toISOString()}`;
          io.stderr(`zenml-apprunner logs ${request.name}: no lines ${request.filterPattern !== undefined ? `match ${request.filterPattern} ` : ''}${range}\n`);
        }
        return EXIT_OK;
      }
      if (request.filterPattern !== undefined) await checkFilterPattern({ clients, groups, filterPattern: request.filterPattern, signal: io.signal });
      const end = await followLogs({
        client: clients.logs,
        groups,
        startTime: request.startTime,
        signal: io.signal,
        follow: request.following,
        ...(request.filterPattern !== undefined ? { filterPattern: request.filterPattern } : {}),
        sink: {
          lines: print,
          state: (state) => {
            if (request.following || (state.mode === 'stopped' && state.cause === 'error')) io.stderr(`zenml-apprunner logs ${request.name}: ${formatState(state)}\n`);
          },
        },
      });
      return end.cause === 'end' ? EXIT_OK : end.cause === 'aborted' ? EXIT_CANCELLED : EXIT_FAILED;
    } catch (error) {
      if (error instanceof FilterPatternError) return refused(io, error);
      if (error instanceof SearchCancelledError) return EXIT_CANCELLED;
      if (!(error instanceof AwsCallError)) throw error;
      io.stderr(`zenml-apprunner: ${error.message}\n`);
      return EXIT_FAILED;
    } finally {
      clients.destroy();
    }
  },
};
