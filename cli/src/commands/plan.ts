// `plan FILE`: the AWS calls a deploy would make, in order, without changing anything.
import { createAwsClients } from '../../../common/src/aws/clientFactory';
import { planToJson } from '../../../common/src/deploy/engine';
import { prepareDeploy } from '../../../common/src/deploy/prepare';
import { AWS_OPTION_HELP, AWS_OPTIONS, cliDeps, reportError } from '../awsContext';
import { flag, type CliCommand } from '../command';
import { readDeployTarget } from '../deployTarget';
import { EXIT_OK } from '../io';
import { planText } from '../planOutput';

export const planCommand: CliCommand = {
  name: 'plan',
  usage: 'plan FILE [--json] [--deployment NAME] [--endpoint URL] [--region R] [--profile P]',
  summary: 'Show the AWS calls a deploy would make, in order; changes nothing.',
  details: [
    'Reads what exists (only read calls). Without --endpoint and without credentials it plans the create path.',
    '--json           print {"calls":[{service, operation, input}]}: exact SDK inputs, secret values "<redacted>",',
    '                 values known only after an earlier call as "<Operation.Output.Path>"',
    '--deployment N   which deployment of a file holding several',
    ...AWS_OPTION_HELP,
  ],
  options: { json: { type: 'boolean' }, deployment: { type: 'string' }, ...AWS_OPTIONS },
  async run(args, io) {
    try {
      const { settings, target } = await readDeployTarget('plan', args, io);
      const clients = createAwsClients(target);
      try {
        let offline = false;
        if (target.endpoint === undefined) {
          offline = !(await clients.appRunner.config.credentials().then(() => true, () => false));
          if (offline) io.stderr('zenml-apprunner: no AWS credentials found: planning as if nothing exists yet.\n');
        }
        const plan = await prepareDeploy(settings, cliDeps(io, clients, true), { offline });
        io.stdout(flag(args, 'json') ? `${JSON.stringify(planToJson(plan), null, 2)}\n` : planText(plan));
        return EXIT_OK;
      } finally {
        clients.destroy();
      }
    } catch (error) {
      return reportError(io, error);
    }
  },
};
