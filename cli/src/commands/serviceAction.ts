// `pause NAME` and `resume NAME` (and the same shape for `redeploy`): one call, then wait.
import { changeDeployment } from '../../../common/src/deploy/engine';
import { AWS_OPTION_HELP, AWS_OPTIONS, cliDeps, reportError, withAws } from '../awsContext';
import { flag, type CliCommand } from '../command';
import { EXIT_OK } from '../io';
import { readNameTarget } from '../nameTarget';

function serviceAction(action: 'pause' | 'resume' | 'redeploy', summary: string): CliCommand {
  return {
    name: action,
    usage: `${action} NAME [--json] [--endpoint URL] [--region R] [--profile P]`,
    summary,
    details: ['Waits until App Runner has finished; progress and service log lines on stderr.', '--json           print {deploymentName, status, url}', ...AWS_OPTION_HELP],
    options: { json: { type: 'boolean' }, ...AWS_OPTIONS },
    async run(args, io) {
      let named;
      try {
        named = await readNameTarget(action, args, io, false);
      } catch (error) {
        return reportError(io, error);
      }
      return withAws(io, named.target, async (clients) => {
        const service = await changeDeployment(cliDeps(io, clients), named.deploymentName, action);
        const result = { deploymentName: named.deploymentName, status: service.Status ?? '', url: service.ServiceUrl ? `https://${service.ServiceUrl}` : '' };
        io.stdout(flag(args, 'json') ? `${JSON.stringify(result)}\n` : `${result.deploymentName}: ${result.status}\n`);
        return EXIT_OK;
      });
    },
  };
}

export const pauseCommand = serviceAction('pause', 'Pause a deployment\'s service (no instances, no charge for compute).');
export const resumeCommand = serviceAction('resume', 'Resume a paused deployment\'s service.');
export const redeployCommand = serviceAction('redeploy', 'Deploy the same image tag again (App Runner pulls it anew).');
