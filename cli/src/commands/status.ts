// `status NAME`: where a deployment stands, and its recent operations.
import { deploymentOperations, deploymentStatus } from '../../../common/src/deploy/engine';
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
    '--json           print {deploymentName, deploymentId, serviceName, serviceArn, status, url, cpu, memory, image, health, operations}',
    '                 health: {requests, errors5xx, summary} of the last hour from CloudWatch (null when it cannot be read)',
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
        status: service.Status ?? found.status,
        url: url ?? '',
        cpu: service.InstanceConfiguration?.Cpu ?? '',
        memory: service.InstanceConfiguration?.Memory ?? '',
        image: service.SourceConfiguration?.ImageRepository?.ImageIdentifier ?? '',
        health,
        operations: operations.slice(0, 5).map((op) => ({ type: op.Type, status: op.Status, startedAt: op.StartedAt?.toISOString(), endedAt: op.EndedAt?.toISOString() })),
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
      ];
      io.stdout(`${lines.join('\n')}\n`);
      return EXIT_OK;
    });
  },
};
