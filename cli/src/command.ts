// The shape of one CLI command. Adding a command is one module in commands/ exporting a
// `CliCommand` plus one line in registry.ts.
import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from './io';

export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/** What `util.parseArgs` gave the command: option values by name, and the positionals. */
export interface ParsedCommandArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export interface CliCommand {
  name: string;
  /** `plan FILE [--json] ...`, after the program name. */
  usage: string;
  summary: string;
  /** Extra help lines: what it prints, its options, its exit codes. */
  details: string[];
  options: OptionSpecs;
  /** Returns the exit code; throws `UsageError` for a mistake in the arguments. */
  run(args: ParsedCommandArgs, io: CliIo): number | Promise<number>;
}

export function stringOption(args: ParsedCommandArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function flag(args: ParsedCommandArgs, name: string): boolean {
  return args.values[name] === true;
}
