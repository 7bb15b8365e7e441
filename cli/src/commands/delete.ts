// `delete NAME|FILE`: the service, then its secret and every auto-scaling revision made for it.
import { deleteDeployment } from '../../../common/src/deploy/engine';
import { AWS_OPTION_HELP, AWS_OPTIONS, cliDeps, reportError, withAws } from '../awsContext';
import { flag, type CliCommand } from '../command';
import { confirmOrExit } from '../confirm';
import { EXIT_OK } from '../io';
import { readNameTarget } from '../nameTarget';

export const deleteCommand: CliCommand = {
  name: 'delete',
  usage: 'delete NAME|FILE [--yes] [--json] [--deployment NAME] [--endpoint URL] [--region R] [--profile P]',
  summary: 'Delete a deployment: its service, secret and auto-scaling revisions. Missing pieces are fine.',
  details: [
    '--yes            delete without asking',
    '--json           print {deploymentName, removed: [...]}',
    '--deployment N   with FILE: which of its deployments (default: the first)',
    ...AWS_OPTION_HELP,
    'Exit codes: 0 deleted (or nothing was there), 1 failed, 2 usage, 3 needs --yes, 130 cancelled.',
  ],
  options: { yes: { type: 'boolean' }, json: { type: 'boolean' }, deployment: { type: 'string' }, ...AWS_OPTIONS },
  async run(args, io) {
    let named;
    try {
      named = await readNameTarget('delete', args, io, true);
    } catch (error) {
      return reportError(io, error);
    }
    const { deploymentName, serviceNamePrefix, target } = named;
    const refused = await confirmOrExit(io, flag(args, 'yes'), `Delete deployment "${deploymentName}" in ${target.region}?`, 're-run with --yes to delete it.');
    if (refused !== undefined) return refused;
    return withAws(io, target, async (clients) => {
      const result = await deleteDeployment(cliDeps(io, clients), deploymentName, serviceNamePrefix !== undefined ? { serviceNamePrefix } : {});
      if (flag(args, 'json')) io.stdout(`${JSON.stringify(result)}\n`);
      else if (result.removed.length === 0) io.stdout(`Nothing to delete: no deployment "${deploymentName}" in ${target.region}.\n`);
      else io.stdout(`Deleted ${deploymentName}: ${result.removed.join(', ')}\n`);
      return EXIT_OK;
    });
  },
};
