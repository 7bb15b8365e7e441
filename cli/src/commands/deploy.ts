// `deploy FILE`: validate, plan, confirm, apply, wait; a no-op redeploy changes nothing.
import { applyPlan } from '../../../common/src/deploy/engine';
import { prepareDeploy } from '../../../common/src/deploy/prepare';
import { AWS_OPTION_HELP, AWS_OPTIONS, cliDeps, reportError, withAws } from '../awsContext';
import { flag, type CliCommand } from '../command';
import { confirmOrExit } from '../confirm';
import { readDeployTarget } from '../deployTarget';
import { EXIT_NEEDS_CONFIRMATION, EXIT_OK } from '../io';
import { planText } from '../planOutput';

export const deployCommand: CliCommand = {
  name: 'deploy',
  usage: 'deploy FILE [--yes] [--replace] [--json] [--deployment NAME] [--endpoint URL] [--region R] [--profile P]',
  summary: 'Create or update the App Runner service of a deployer file and wait until it runs.',
  details: [
    'Prints the plan on stderr, asks on a terminal (or needs --yes), applies it with progress and service log',
    'lines on stderr, and prints the result on stdout. A file with errors is not deployed (exit 1).',
    '--yes            apply without asking',
    '--replace        allow a change App Runner cannot make in place (a new KMS key: delete and create again)',
    '--json           print the result as JSON {deploymentName, action, serviceName, serviceArn, url, status, warnings}',
    '--deployment N   which deployment of a file holding several',
    ...AWS_OPTION_HELP,
    'Exit codes: 0 deployed (or nothing to change), 1 failed (the message says what was undone and what runs), 2 usage, 3 needs --yes/--replace, 130 cancelled.',
  ],
  options: { yes: { type: 'boolean' }, replace: { type: 'boolean' }, json: { type: 'boolean' }, deployment: { type: 'string' }, ...AWS_OPTIONS },
  async run(args, io) {
    let target;
    try {
      target = await readDeployTarget('deploy', args, io);
    } catch (error) {
      return reportError(io, error);
    }
    const { settings } = target;
    return withAws(io, target.target, async (clients) => {
      const deps = cliDeps(io, clients);
      const plan = await prepareDeploy(settings, deps);
      io.stderr(planText(plan));
      if (plan.action === 'none') {
        io.stdout(flag(args, 'json') ? `${JSON.stringify({ deploymentName: plan.deploymentName, action: 'none', serviceName: plan.serviceName, serviceArn: plan.existing?.found.serviceArn, url: plan.existing?.found.serviceUrl ? `https://${plan.existing.found.serviceUrl}` : undefined, status: plan.existing?.found.status, warnings: [] })}\n` : `${plan.deploymentName} is up to date (${plan.serviceName}, ${plan.existing?.found.status ?? ''}).\n`);
        return EXIT_OK;
      }
      if (plan.action === 'replace' && !flag(args, 'replace')) {
        io.stderr('zenml-apprunner: this change replaces the service (new URL, downtime): re-run with --replace --yes to go ahead.\n');
        return EXIT_NEEDS_CONFIRMATION;
      }
      const refused = await confirmOrExit(io, flag(args, 'yes'), `Apply this plan to ${plan.region}?`, 're-run with --yes to apply the plan above.');
      if (refused !== undefined) return refused;
      const result = await applyPlan(plan, deps);
      for (const warning of result.warnings) io.stderr(`zenml-apprunner: warning: ${warning}\n`);
      if (flag(args, 'json')) io.stdout(`${JSON.stringify({ deploymentName: plan.deploymentName, ...result })}\n`);
      else io.stdout(`${plan.deploymentName}: ${result.status} at ${result.url ?? '(no URL)'} (service ${result.serviceName})\n`);
      return EXIT_OK;
    });
  },
};
