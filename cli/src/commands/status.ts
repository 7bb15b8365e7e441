// `status NAME`: where a deployment stands, and its recent operations.
import { deploymentOperations, deploymentStatus } from '../../../common/src/deploy/engine';
import { AWS_OPTION_HELP, AWS_OPTIONS, cliDeps, reportError, withAws } from '../awsContext';
import { flag, type CliCommand } from '../command';
import { EXIT_OK } from '../io';
import { readNameTarget } from '../nameTarget';

export const statusCommand: CliCommand = {
  name: 'status',
  usage: 'status NAME [--json] [--endpoint URL] [--region R] [--profile P]',
  summary: 'Show a deployment\'s service status, URL, size and its recent operations.',
  details: ['--json           print {deploymentName, deploymentId, serviceName, serviceArn, status, url, cpu, memory, image, operations}', ...AWS_OPTION_HELP],
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
        `  size       ${info.cpu} CPU units / ${info.memory} MB`,
        `  image      ${info.image}`,
        '  operations',
        ...info.operations.map((op) => `    ${op.type ?? ''} ${op.status ?? ''} ${op.startedAt ?? ''}`),
      ];
      io.stdout(`${lines.join('\n')}\n`);
      return EXIT_OK;
    });
  },
};
