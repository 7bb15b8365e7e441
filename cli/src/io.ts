// What a CLI command may touch, passed in so tests and a future `plan` command can replace it.
import { readFileSync } from 'node:fs';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): string;
}

export const nodeIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path, 'utf8'),
};

/** Exit codes of every command: 0 fine, 1 problems found, 2 the command could not do its job. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

/** A usage mistake: printed with a hint to `--help`, exit code 2. */
export class UsageError extends Error {}
