// `logs NAME [--follow] [--since 10m] [--json]`: a deployment's service and application logs,
// merged in time order, from the same follower the VS Code output channel uses. Lines go to
// stdout exactly as the service wrote them; mode changes (live, polling, reconnecting) to stderr.
import { createAwsClients, defaultRegion } from '../../../common/src/aws/clientFactory';
import { AwsCallError } from '../../../common/src/aws/errors';
import { findDeployment } from '../../../common/src/deploy/findDeployment';
import { followLogs, formatLogLine, formatState, logLineJson, serviceLogGroups } from '../../../common/src/logs';
import type { CliCommand } from '../command';
import { flag, stringOption } from '../command';
import { EXIT_CANCELLED, EXIT_FAILED, EXIT_OK, UsageError } from '../io';

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `90s`, `10m`, `2h`, `1d` before now, or an ISO 8601 time. */
export function parseSince(value: string, now = Date.now()): number {
  const relative = /^(\d+)([smhd])$/.exec(value.trim());
  if (relative) return now - Number(relative[1]) * UNIT_MS[relative[2]];
  const absolute = Date.parse(value);
  if (/^\d{4}-\d{2}-\d{2}/.test(value) && Number.isFinite(absolute)) return absolute;
  throw new UsageError(`logs: --since '${value}' is neither a duration (30s, 10m, 2h, 1d) nor an ISO time (2026-12-01T10:00:00Z)`);
}

export const logsCommand: CliCommand = {
  name: 'logs',
  usage: 'logs NAME [--follow] [--since 10m] [--json] [--region R] [--profile P] [--endpoint URL]',
  summary: "Print a deployment's service and application logs in time order; --follow keeps streaming.",
  details: [
    'Prints `time [source stream] message` per line; the message is exactly what the service wrote.',
    '--follow        keep printing new lines (Live Tail when permitted, polling otherwise) until Ctrl+C',
    '--since T       start at 30s, 10m (default), 2h, 1d ago, or at an ISO time',
    '--json          one JSON object per line: {time, timestamp, source, logGroup, logStream, message}',
    '--region R      AWS region (default: AWS_REGION or the profile\'s region)',
    '--profile P     profile of ~/.aws/config; --endpoint URL another endpoint (the emulator)',
    'Mode changes (live, polling and why, reconnecting, stopped) go to stderr.',
    'Needs logs:DescribeLogGroups, logs:DescribeLogStreams and logs:GetLogEvents (plus apprunner:ListServices',
    'and apprunner:ListTagsForResource to find the deployment); logs:StartLiveTail is used when granted.',
    'Exit codes: 0 all lines printed (without --follow), 1 failed, 2 usage error, 130 stopped with Ctrl+C.',
  ],
  options: {
    follow: { type: 'boolean', short: 'f' },
    since: { type: 'string' },
    json: { type: 'boolean' },
    region: { type: 'string' },
    profile: { type: 'string' },
    endpoint: { type: 'string' },
  },
  async run(args, io) {
    if (args.positionals.length !== 1) throw new UsageError(`logs: expected one deployment name, got ${args.positionals.length}`);
    const [name] = args.positionals;
    const startTime = parseSince(stringOption(args, 'since') ?? '10m');
    const profile = stringOption(args, 'profile');
    const endpoint = stringOption(args, 'endpoint');
    const region = stringOption(args, 'region') ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION ?? (await defaultRegion(profile));
    if (region === undefined) throw new UsageError('logs: no AWS region: pass --region, set AWS_REGION, or give the profile a region');
    const json = flag(args, 'json');
    const following = flag(args, 'follow');
    const clients = createAwsClients({ region, ...(profile !== undefined ? { profile } : {}), ...(endpoint !== undefined ? { endpoint } : {}) });
    try {
      const deployment = await findDeployment(clients, name);
      if (deployment === undefined) {
        io.stderr(`zenml-apprunner: no deployment named '${name}' in region ${region} (no App Runner service tagged managed-by=zenml, zenml-deployment-name=${name})\n`);
        return EXIT_FAILED;
      }
      const end = await followLogs({
        client: clients.logs,
        groups: serviceLogGroups(deployment.serviceName, deployment.serviceId),
        startTime,
        signal: io.signal,
        follow: following,
        sink: {
          lines: (lines) => io.stdout(`${lines.map(json ? logLineJson : formatLogLine).join('\n')}\n`),
          state: (state) => {
            if (following || (state.mode === 'stopped' && state.cause === 'error')) io.stderr(`zenml-apprunner logs ${name}: ${formatState(state)}\n`);
          },
        },
      });
      return end.cause === 'end' ? EXIT_OK : end.cause === 'aborted' ? EXIT_CANCELLED : EXIT_FAILED;
    } catch (error) {
      if (!(error instanceof AwsCallError)) throw error;
      io.stderr(`zenml-apprunner: ${error.message}\n`);
      return EXIT_FAILED;
    } finally {
      clients.destroy();
    }
  },
};
