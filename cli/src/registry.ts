// Every command of `zenml-apprunner`, in the order `--help` lists them.
import type { CliCommand } from './command';
import { deleteCommand } from './commands/delete';
import { deployCommand } from './commands/deploy';
import { listCommand } from './commands/list';
import { logsCommand } from './commands/logs';
import { metricsCommand } from './commands/metrics';
import { planCommand } from './commands/plan';
import { pauseCommand, redeployCommand, resumeCommand } from './commands/serviceAction';
import { statusCommand } from './commands/status';
import { validateCommand } from './commands/validate';

export const COMMANDS: readonly CliCommand[] = [
  validateCommand,
  planCommand,
  deployCommand,
  deleteCommand,
  listCommand,
  statusCommand,
  logsCommand,
  metricsCommand,
  pauseCommand,
  resumeCommand,
  redeployCommand,
];

export function findCommand(name: string): CliCommand | undefined {
  return COMMANDS.find((command) => command.name === name);
}
