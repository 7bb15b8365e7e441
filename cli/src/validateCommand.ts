// `validate FILE... [--json]`: the same findings the editor shows, for CI and the terminal.
import { validateText } from '../../common/src/language/validate';
import { parseArgs } from './args';
import { type CliIo, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError } from './io';
import { summary, toHuman, toJson, type FileFinding } from './findingsOutput';
import type { Command } from './commands';

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

function run(argv: readonly string[], io: CliIo): number {
  const args = parseArgs('validate', argv, { flags: ['json'] });
  if (args.positionals.length === 0) throw new UsageError('validate: no files given');
  const findings: FileFinding[] = [];
  let unreadable = 0;
  for (const file of args.positionals) {
    let text: string;
    try {
      text = io.readFile(file);
    } catch (error) {
      unreadable++;
      io.stderr(`zenml-deployer: cannot read ${file}: ${reasonOf(error)}\n`);
      continue;
    }
    findings.push(...validateText(text).map((finding) => ({ file, ...finding })));
  }
  if (args.flags.has('json')) {
    io.stdout(toJson(findings));
  } else {
    io.stdout(toHuman(findings));
    const readable = args.positionals.length - unreadable;
    if (readable > 0) io.stdout(summary(findings, readable));
  }
  if (unreadable > 0) return EXIT_USAGE;
  return findings.some((finding) => finding.severity === 'error') ? EXIT_PROBLEMS : EXIT_OK;
}

export const validateCommand: Command = {
  name: 'validate',
  usage: 'validate FILE... [--json]',
  summary: 'Check zenml.deployer.yaml files; exit 1 when any has an error.',
  details: [
    'Prints `file:line:col: severity code message` per problem (1-based), with the fixes on offer.',
    '--json   print one JSON array of {file, range, severity, code, message, fixes} (0-based positions)',
  ],
  run,
};
