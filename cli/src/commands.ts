// The command table: each command's name, help text and entry point. Adding `plan` means one
// more module and one more line in COMMANDS.
import type { CliIo } from './io';
import { validateCommand } from './validateCommand';

export interface Command {
  name: string;
  usage: string;
  summary: string;
  /** Extra help lines: what it prints, its options. */
  details: string[];
  /** Returns the exit code; throws `UsageError` for a mistake in the arguments. */
  run(argv: readonly string[], io: CliIo): number | Promise<number>;
}

export const COMMANDS: readonly Command[] = [validateCommand];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((command) => command.name === name);
}
