// The NAME argument of delete/status/pause/resume (or a deployer FILE standing for its deployment).
import type { AwsTarget } from '../../common/src/aws/clientFactory';
import { readDeployerFile } from '../../common/src/deploy/engine';
import { awsTarget } from './awsContext';
import { stringOption, type ParsedCommandArgs } from './command';
import { UsageError, type CliIo } from './io';

export interface NameTarget {
  deploymentName: string;
  serviceNamePrefix?: string;
  target: AwsTarget;
}

/** `NAME`, or `FILE` when it ends in .yaml/.yml (its deployment name, region and prefix). */
export async function readNameTarget(command: string, args: ParsedCommandArgs, io: CliIo, allowFile: boolean): Promise<NameTarget> {
  if (args.positionals.length !== 1) throw new UsageError(`${command}: give exactly one ${allowFile ? 'NAME or FILE' : 'NAME'}`);
  const arg = args.positionals[0];
  if (allowFile && /\.ya?ml$/i.test(arg)) {
    let text: string;
    try {
      text = io.readFile(arg);
    } catch {
      throw new UsageError(`${command}: cannot read ${arg}`);
    }
    const settings = readDeployerFile(text, arg, stringOption(args, 'deployment'));
    return { deploymentName: settings.deployment.name ?? '', serviceNamePrefix: settings.deployer.service_name_prefix, target: await awsTarget(args, settings.deployer.region) };
  }
  if (arg.trim() === '') throw new UsageError(`${command}: the deployment name is empty`);
  return { deploymentName: arg, target: await awsTarget(args) };
}
