// A small argv parser for commands of the form `cmd [--flag] [--option value] FILE...`.
import { UsageError } from './io';

export interface ArgSpec {
  /** Flags without a value, e.g. `json`. */
  flags?: readonly string[];
  /** Options that take a value, e.g. `region`. */
  options?: readonly string[];
}

export interface ParsedArgs {
  flags: Set<string>;
  options: Map<string, string>;
  positionals: string[];
}

/** Accepts `--name`, `--name value`, `--name=value`, and `--` before names that start with `-`. */
export function parseArgs(command: string, argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const parsed: ParsedArgs = { flags: new Set(), options: new Map(), positionals: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      parsed.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      parsed.positionals.push(arg);
      continue;
    }
    const [name, inlineValue] = splitOption(arg);
    if (spec.flags?.includes(name)) {
      if (inlineValue !== undefined) throw new UsageError(`${command}: --${name} takes no value`);
      parsed.flags.add(name);
    } else if (spec.options?.includes(name)) {
      const value = inlineValue ?? argv[++i];
      if (value === undefined || (inlineValue === undefined && value.startsWith('--'))) throw new UsageError(`${command}: --${name} needs a value`);
      parsed.options.set(name, value);
    } else {
      throw new UsageError(`${command}: unknown option ${arg}`);
    }
  }
  return parsed;
}

function splitOption(arg: string): [string, string | undefined] {
  const body = arg.replace(/^--?/, '');
  const equals = body.indexOf('=');
  return equals === -1 ? [body, undefined] : [body.slice(0, equals), body.slice(equals + 1)];
}
