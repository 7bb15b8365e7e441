// Reading the FILE argument of `plan` and `deploy`: validated settings of one deployment, and
// the AWS target its region gives.
import type { AwsTarget } from '../../common/src/aws/clientFactory';
import { readDeployerFile } from '../../common/src/deploy/engine';
import type { DeployerFile } from '../../common/src/domain/settingsModel';
import { awsTarget } from './awsContext';
import { stringOption, type ParsedCommandArgs } from './command';
import { UsageError, type CliIo } from './io';
import { readErrorReason } from './readFile';

export interface DeployTarget {
  fileLabel: string;
  text: string;
  settings: DeployerFile;
  target: AwsTarget;
}

/** Throws DeployInputError for a file with errors (the caller lists them). */
export async function readDeployTarget(command: string, args: ParsedCommandArgs, io: CliIo): Promise<DeployTarget> {
  if (args.positionals.length !== 1) throw new UsageError(`${command}: give exactly one FILE`);
  const fileLabel = args.positionals[0];
  let text: string;
  try {
    text = io.readFile(fileLabel);
  } catch (error) {
    throw new UsageError(`${command}: cannot read ${fileLabel}: ${readErrorReason(error)}`);
  }
  const settings = readDeployerFile(text, fileLabel, stringOption(args, 'deployment'));
  return { fileLabel, text, settings, target: await awsTarget(args, settings.deployer.region) };
}
