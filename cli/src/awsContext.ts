// What every AWS-facing command shares: the --endpoint/--region/--profile options, the client
// target they give, progress on stderr, and engine errors turned into exit codes.
import { createAwsClients, defaultRegion, type AwsClients, type AwsTarget } from '../../common/src/aws/clientFactory';
import { AwsCallError } from '../../common/src/aws/errors';
import { DeployCancelledError, DeployFailedError, DeployInputError, engineDeps, type EngineDeps, type ProgressEvent } from '../../common/src/deploy/engine';
import { stringOption, type OptionSpecs, type ParsedCommandArgs } from './command';
import { EXIT_CANCELLED, EXIT_FAILED, UsageError, type CliIo } from './io';

export const AWS_OPTIONS: OptionSpecs = {
  endpoint: { type: 'string' },
  region: { type: 'string' },
  profile: { type: 'string' },
};

export const AWS_OPTION_HELP = [
  '--endpoint URL   send AWS calls to URL (the emulator, LocalStack) instead of AWS',
  '--region R       the region (default: the file\'s settings.deployer.region, AWS_REGION, the profile\'s)',
  '--profile P      a profile of ~/.aws/config (SSO profiles included); default: the SDK\'s credential chain',
];

/** The target for this run: the file's region wins; `--region` must agree with it. */
export async function awsTarget(args: ParsedCommandArgs, fileRegion?: string | null): Promise<AwsTarget> {
  const endpoint = stringOption(args, 'endpoint');
  const profile = stringOption(args, 'profile');
  const given = stringOption(args, 'region');
  if (endpoint !== undefined && !/^https?:\/\/[^\s]+$/.test(endpoint)) throw new UsageError(`--endpoint must be an http(s) URL, not "${endpoint}"`);
  if (fileRegion && given !== undefined && given !== fileRegion) throw new UsageError(`--region ${given} contradicts the file's region ${fileRegion}`);
  const region = fileRegion ?? given ?? (await defaultRegion(profile));
  if (region === undefined) throw new UsageError('no region: set settings.deployer.region in the file, pass --region, or set AWS_REGION');
  return { region, ...(profile !== undefined ? { profile } : {}), ...(endpoint !== undefined ? { endpoint } : {}) };
}

function printProgress(io: CliIo, event: ProgressEvent): void {
  if (event.kind === 'log') io.stderr(`  | ${event.message}\n`);
  else if (event.kind === 'status') io.stderr(`  status ${event.status}\n`);
  else io.stderr(`- ${event.message}\n`);
}

export function cliDeps(io: CliIo, clients: AwsClients, quiet = false): EngineDeps {
  return engineDeps(clients, { env: io.env, signal: io.signal, ...(quiet ? {} : { onProgress: (event: ProgressEvent) => printProgress(io, event) }) });
}

/** Runs `action` with clients for `target`, mapping the engine's errors to messages and exit codes. */
export async function withAws(io: CliIo, target: AwsTarget, action: (clients: AwsClients) => Promise<number>): Promise<number> {
  const clients = createAwsClients(target);
  try {
    return await action(clients);
  } catch (error) {
    return reportError(io, error);
  } finally {
    clients.destroy();
  }
}

export function reportError(io: CliIo, error: unknown): number {
  if (error instanceof DeployCancelledError) {
    io.stderr(`zenml-apprunner: ${error.message}\n${error.state === 'unchanged' ? '' : 'See where it stands with `zenml-apprunner status`.\n'}`);
    return EXIT_CANCELLED;
  }
  if (error instanceof DeployInputError) {
    io.stderr(`zenml-apprunner: ${error.message}\n${error.problems.map((line) => `  ${line}\n`).join('')}`);
    return EXIT_FAILED;
  }
  if (error instanceof DeployFailedError) {
    const log = error.logLines.length > 0 ? `Last lines of the service log:\n${error.logLines.map((line) => `  | ${line}\n`).join('')}` : '';
    const app = error.applicationLines.length > 0 ? `Last lines of the application before it failed:\n${error.applicationLines.map((line) => `  | ${line}\n`).join('')}` : '';
    io.stderr(`zenml-apprunner: ${error.message}\n${log}${app}`);
    return EXIT_FAILED;
  }
  if (error instanceof AwsCallError) {
    io.stderr(`zenml-apprunner: ${error.message}\n`);
    return EXIT_FAILED;
  }
  throw error;
}
