#!/usr/bin/env node
// Entry point of `dist/cli.js` (the `zenml-apprunner` bin): `zenml-apprunner <command> ...`.
import { parseArgs } from 'node:util';
import { CLI_NAME } from '../../common/src/product';
import type { CliCommand } from './command';
import { COMMANDS, findCommand } from './registry';
import { type CliIo, EXIT_CANCELLED, EXIT_FAILED, EXIT_OK, EXIT_USAGE, nodeIo, UsageError } from './io';
import { askOnTerminal } from './terminal';

export const PROGRAM = CLI_NAME;

// The SDK versions in package-lock.json run on Node 20; the SDK's notice that later versions will
// not would only add noise to every command's stderr.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const EXIT_CODES = 'Exit codes: 0 done, 1 failed (or problems found), 2 usage error, 3 needs confirmation, 130 cancelled.';

function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.usage.length));
  const lines = COMMANDS.map((command) => `  ${command.usage.padEnd(width)}  ${command.summary}`);
  return [`Usage: ${PROGRAM} <command> [options]`, '', 'Commands:', ...lines, '', `Run \`${PROGRAM} <command> --help\` for details. ${EXIT_CODES}`, ''].join('\n');
}

function commandHelp(command: CliCommand): string {
  return [`Usage: ${PROGRAM} ${command.usage}`, '', command.summary, ...command.details.map((line) => `  ${line}`), ''].join('\n');
}

const isHelp = (arg: string): boolean => arg === '--help' || arg === '-h';

function parseCommandArgs(command: CliCommand, argv: readonly string[]) {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: command.options, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (error) {
    // util.parseArgs words its errors for people already ("Unknown option '--fix'").
    throw new UsageError(`${command.name}: ${(error as Error).message.replace(/\. To specify a positional argument.*$/s, '')}`);
  }
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || isHelp(name) || name === 'help') {
    const target = name === 'help' && rest[0] !== undefined ? findCommand(rest[0]) : undefined;
    const text = target ? commandHelp(target) : generalHelp();
    if (name === undefined) io.stderr(text);
    else io.stdout(text);
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = findCommand(name);
  if (!command) {
    io.stderr(`${PROGRAM}: unknown command '${name}'\n\n${generalHelp()}`);
    return EXIT_USAGE;
  }
  if (rest.some(isHelp)) {
    io.stdout(commandHelp(command));
    return EXIT_OK;
  }
  try {
    return await command.run(parseCommandArgs(command, rest), io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`${PROGRAM} ${error.message}\nUsage: ${PROGRAM} ${command.usage} (see --help)\n`);
    return EXIT_USAGE;
  }
}

if (require.main === module) {
  const controller = new AbortController();
  // First Ctrl+C: stop waiting and say where things are; a second one ends the process at once.
  process.once('SIGINT', () => {
    controller.abort();
    process.once('SIGINT', () => process.exit(EXIT_CANCELLED));
  });
  const io = { ...nodeIo(controller.signal), ...(process.stdin.isTTY && process.stderr.isTTY ? { confirm: askOnTerminal } : {}) };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // A bug of ours, not a usage error: exit 1 (failed), with the stack for the report.
      process.stderr.write(`${PROGRAM}: internal error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = EXIT_FAILED;
    },
  );
}
