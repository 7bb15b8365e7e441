// `validate FILE... [--json]`: the same findings the editor shows, for CI and the terminal, for
// zenml.deployer.yaml files, ZenML run configurations and Python modules (see sourceOfFile.ts).
import { validateSource } from '../../../common/src/language/validate';
import type { CliCommand } from '../command';
import { flag } from '../command';
import { summary, toHuman, toJson, type FileFinding } from '../findingsOutput';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError } from '../io';
import { readErrorReason } from '../readFile';
import { sourceOfFile } from '../sourceOfFile';

export const validateCommand: CliCommand = {
  name: 'validate',
  usage: 'validate FILE... [--json]',
  summary: 'Check zenml.deployer.yaml files, ZenML run configs and Python pipelines; exit 1 when any has an error.',
  details: [
    'Prints `file:line:col: severity code message` per problem (1-based), with the fixes on offer.',
    'FILE: a zenml.deployer.yaml, a ZenML run configuration (.yaml, recognised by its content) or a',
    'Python module using ZenML (.py). Other YAML (Kubernetes, CI, ...) and modules without zenml are',
    'skipped with a note on stderr and do not change the exit code.',
    '--json   print one JSON array of {file, range, severity, code, message, fixes} (0-based positions)',
  ],
  options: { json: { type: 'boolean' } },
  run(args, io) {
    if (args.positionals.length === 0) throw new UsageError('validate: no files given');
    const findings: FileFinding[] = [];
    let unreadable = 0;
    let skipped = 0;
    for (const file of args.positionals) {
      let text: string;
      try {
        text = io.readFile(file);
      } catch (error) {
        unreadable++;
        io.stderr(`zenml-apprunner: cannot read ${file}: ${readErrorReason(error)}\n`);
        continue;
      }
      const source = sourceOfFile(file, text);
      if ('skipped' in source) {
        skipped++;
        io.stderr(`zenml-apprunner: skipped ${file}: ${source.skipped}\n`);
        continue;
      }
      findings.push(...validateSource(source.file).map((finding) => ({ file, ...finding })));
    }
    if (flag(args, 'json')) {
      io.stdout(toJson(findings));
    } else {
      io.stdout(toHuman(findings));
      const checked = args.positionals.length - unreadable - skipped;
      if (checked > 0) io.stdout(summary(findings, checked));
      else if (skipped > 0) io.stdout(`no file checked: ${skipped} skipped\n`);
    }
    if (unreadable > 0) return EXIT_USAGE;
    return findings.some((finding) => finding.severity === 'error') ? EXIT_FAILED : EXIT_OK;
  },
};
