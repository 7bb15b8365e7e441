// `list`: the deployments in a region (services tagged managed-by=zenml).
import { listDeployments } from '../../../common/src/deploy/engine';
import { AWS_OPTION_HELP, AWS_OPTIONS, awsTarget, cliDeps, reportError, withAws } from '../awsContext';
import { flag, type CliCommand } from '../command';
import { EXIT_OK, UsageError } from '../io';

export const listCommand: CliCommand = {
  name: 'list',
  usage: 'list [--json] [--endpoint URL] [--region R] [--profile P]',
  summary: 'List the ZenML deployments of a region with their status and URL.',
  details: ['--json           print an array of {deploymentName, deploymentId, serviceName, serviceArn, status, url}', ...AWS_OPTION_HELP],
  options: { json: { type: 'boolean' }, ...AWS_OPTIONS },
  async run(args, io) {
    if (args.positionals.length > 0) throw new UsageError('list: takes no arguments');
    let target;
    try {
      target = await awsTarget(args);
    } catch (error) {
      return reportError(io, error);
    }
    return withAws(io, target, async (clients) => {
      const rows = (await listDeployments(cliDeps(io, clients, true))).map((found) => ({
        deploymentName: found.deploymentName,
        deploymentId: found.deploymentId,
        serviceName: found.serviceName,
        serviceArn: found.serviceArn,
        status: found.status,
        url: found.serviceUrl ? `https://${found.serviceUrl}` : '',
      }));
      if (flag(args, 'json')) {
        io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
        return EXIT_OK;
      }
      if (rows.length === 0) {
        io.stdout(`No ZenML deployments in ${target.region}.\n`);
        return EXIT_OK;
      }
      const table = [['DEPLOYMENT', 'STATUS', 'SERVICE', 'URL'], ...rows.map((row) => [row.deploymentName, row.status, row.serviceName, row.url])];
      const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
      io.stdout(table.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ')).join('\n') + '\n');
      return EXIT_OK;
    });
  },
};
