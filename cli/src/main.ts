// Entry point of `dist/cli.js`: `node dist/cli.js <command> ...`, see `--help`.
import { COMMANDS, findCommand, type Command } from './commands';
import { type CliIo, EXIT_OK, EXIT_USAGE, nodeIo, UsageError } from './io';

const PROGRAM = 'zenml-deployer';

function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.usage.length));
  const lines = COMMANDS.map((command) => `  ${command.usage.padEnd(width)}  ${command.summary}`);
  return [`Usage: ${PROGRAM} <command> [options]`, '', 'Commands:', ...lines, '', `Run \`${PROGRAM} <command> --help\` for details. Exit codes: 0 ok, 1 problems found, 2 usage error.`, ''].join('\n');
}

function commandHelp(command: Command): string {
  return [`Usage: ${PROGRAM} ${command.usage}`, '', command.summary, ...command.details.map((line) => `  ${line}`), ''].join('\n');
}

const isHelp = (arg: string): boolean => arg === '--help' || arg === '-h';

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
    return await command.run(rest, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`${PROGRAM} ${error.message}\nUsage: ${PROGRAM} ${command.usage} (see --help)\n`);
    return EXIT_USAGE;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), nodeIo).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${PROGRAM}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}
