// `validate FILE... [--json]`: the same findings the editor shows, for CI and the terminal.
import { validateText } from '../../../common/src/language/validate';
import type { CliCommand } from '../command';
import { flag } from '../command';
import { summary, toHuman, toJson, type FileFinding } from '../findingsOutput';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError } from '../io';
import { readErrorReason } from '../readFile';

export const validateCommand: CliCommand = {
  name: 'validate',
  usage: 'validate FILE... [--json]',
  summary: 'Check zenml.deployer.yaml files; exit 1 when any has an error.',
  details: [
    'Prints `file:line:col: severity code message` per problem (1-based), with the fixes on offer.',
    '--json   print one JSON array of {file, range, severity, code, message, fixes} (0-based positions)',
  ],
  options: { json: { type: 'boolean' } },
  run(args, io) {
    if (args.positionals.length === 0) throw new UsageError('validate: no files given');
    const findings: FileFinding[] = [];
    let unreadable = 0;
    for (const file of args.positionals) {
      let text: string;
      try {
        text = io.readFile(file);
      } catch (error) {
        unreadable++;
        io.stderr(`zenml-apprunner: cannot read ${file}: ${readErrorReason(error)}\n`);
        continue;
      }
      findings.push(...validateText(text).map((finding) => ({ file, ...finding })));
    }
    if (flag(args, 'json')) {
      io.stdout(toJson(findings));
    } else {
      io.stdout(toHuman(findings));
      const readable = args.positionals.length - unreadable;
      if (readable > 0) io.stdout(summary(findings, readable));
    }
    if (unreadable > 0) return EXIT_USAGE;
    return findings.some((finding) => finding.severity === 'error') ? EXIT_FAILED : EXIT_OK;
  },
};
