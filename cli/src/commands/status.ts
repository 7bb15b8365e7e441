// `status NAME`: where a deployment stands, its recent operations, and for a failed service (or a
// failed or rolled-back last deployment) App Runner's reason and the application's last lines.
import { deploymentOperations, deploymentStatus } from '../../../common/src/deploy/engine';
import { describeFailure, explainFailure, type FailureExplanation } from '../../../common/src/deploy/failureReason';
import { formatLogLine } from '../../../common/src/logs';
import { gigabytes, vcpu } from '../../../common/src/deploy/serviceShape';
import { AwsCallError } from '../../../common/src/aws/errors';
import { healthSummaryLine, loadHealthCounts } from '../../../common/src/metrics';
import { AWS_OPTION_HELP, AWS_OPTIONS, cliDeps, reportError, withAws } from '../awsContext';
import { flag, type CliCommand } from '../command';
import { EXIT_OK } from '../io';
import { readNameTarget } from '../nameTarget';

export const statusCommand: CliCommand = {
  name: 'status',
  usage: 'status NAME [--json] [--endpoint URL] [--region R] [--profile P]',
  summary: 'Show a deployment\'s service status, URL, size and its recent operations.',
  details: [
    '--json           print {deploymentName, deploymentId, serviceName, serviceArn, status, url, cpu, memory, image, health, operations, failure}',
    '                 health: {requests, errors5xx, summary} of the last hour from CloudWatch (null when it cannot be read)',
    '                 failure: null, or {operation, status, reason, at, applicationLines: [{time, logStream, message}], notes}',
    'A CREATE_FAILED service, or one whose last deployment failed or was rolled back, shows App Runner\'s',
    'failure reason and the application\'s last lines before it (reads need logs:GetLogEvents, logs:DescribeLogStreams).',
    ...AWS_OPTION_HELP,
  ],
  options: { json: { type: 'boolean' }, ...AWS_OPTIONS },
  async run(args, io) {
    let named;
    try {
      named = await readNameTarget('status', args, io, false);
    } catch (error) {
      return reportError(io, error);
    }
    return withAws(io, named.target, async (clients) => {
      const deps = cliDeps(io, clients, true);
      const { found, service, url } = await deploymentStatus(deps, named.deploymentName);
      const operations = await deploymentOperations(deps, named.deploymentName);
      const status = service.Status ?? found.status;
      const failure = await explainFailure(clients, { serviceName: found.serviceName, serviceId: found.serviceId, serviceArn: found.serviceArn, status }, { operations, signal: io.signal });
      // The health line is a bonus: without cloudwatch:GetMetricData the status still shows.
      let health: { requests: number; errors5xx: number; summary: string } | null = null;
      let healthProblem = '';
      try {
        const counts = await loadHealthCounts(clients, found);
        health = { ...counts, summary: healthSummaryLine(counts) };
      } catch (error) {
        if (!(error instanceof AwsCallError)) throw error;
        healthProblem = error.message;
      }
      const info = {
        deploymentName: found.deploymentName,
        deploymentId: found.deploymentId,
        serviceName: found.serviceName,
        serviceArn: found.serviceArn,
        status,
        url: url ?? '',
        cpu: service.InstanceConfiguration?.Cpu ?? '',
        memory: service.InstanceConfiguration?.Memory ?? '',
        image: service.SourceConfiguration?.ImageRepository?.ImageIdentifier ?? '',
        health,
        operations: operations.slice(0, 5).map((op) => ({ type: op.Type, status: op.Status, startedAt: op.StartedAt?.toISOString(), endedAt: op.EndedAt?.toISOString() })),
        failure: failure ? failureJson(failure) : null,
      };
      if (flag(args, 'json')) {
        io.stdout(`${JSON.stringify(info, null, 2)}\n`);
        return EXIT_OK;
      }
      const lines = [
        `${info.deploymentName}: ${info.status}`,
        `  service    ${info.serviceName}`,
        `  url        ${info.url}`,
        `  size       ${vcpu(info.cpu) ?? '?'} vCPU / ${gigabytes(info.memory) ?? '?'} GB`,
        `  image      ${info.image}`,
        `  health     ${health ? health.summary : `unavailable: ${healthProblem}`}`,
        '  operations',
        ...info.operations.map((op) => `    ${op.type ?? ''} ${op.status ?? ''} ${op.startedAt ?? ''}`),
        ...(failure ? failureText(failure, info.deploymentName) : []),
      ];
      io.stdout(`${lines.join('\n')}\n`);
      return EXIT_OK;
    });
  },
};

function failureJson(failure: FailureExplanation) {
  return {
    operation: failure.operation ?? null,
    status: failure.status,
    reason: failure.reason ?? null,
    at: failure.at !== undefined ? new Date(failure.at).toISOString() : null,
    applicationLines: failure.applicationLines.map((line) => ({ time: new Date(line.timestamp).toISOString(), logStream: line.logStreamName, message: line.message })),
    notes: failure.notes,
  };
}

/** The failure block, and where to read more (the logs around it). */
function failureText(failure: FailureExplanation, name: string): string[] {
  const [headline, ...rest] = describeFailure(failure, formatLogLine);
  const since = new Date((failure.at ?? Date.now()) - 10 * 60_000).toISOString();
  const until = new Date((failure.at ?? Date.now()) + 60_000).toISOString();
  return ['  failure', `    ${headline}`, ...rest.map((line) => `    ${line}`), `  more       zenml-apprunner logs ${name} --since ${since} --until ${until}`];
}
