// Every command of `zenml-apprunner`, in the order `--help` lists them.
import type { CliCommand } from './command';
import { logsCommand } from './commands/logs';
import { validateCommand } from './commands/validate';

export const COMMANDS: readonly CliCommand[] = [validateCommand, logsCommand];

export function findCommand(name: string): CliCommand | undefined {
  return COMMANDS.find((command) => command.name === name);
}
