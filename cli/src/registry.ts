// Every command of `zenml-apprunner`, in the order `--help` lists them.
import type { CliCommand } from './command';
import { validateCommand } from './commands/validate';

export const COMMANDS: readonly CliCommand[] = [validateCommand];

export function findCommand(name: string): CliCommand | undefined {
  return COMMANDS.find((command) => command.name === name);
}
