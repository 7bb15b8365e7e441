// What a CLI command may touch, passed in so tests can replace it.
import { readFileSync } from 'node:fs';

export interface CliIo {
  stdout(text: string): void;
  /** Progress and errors: stdout stays clean for `--json` and pipes. */
  stderr(text: string): void;
  readFile(path: string): string;
  /** Environment for `${env:NAME}` references and the AWS SDK. */
  env: NodeJS.ProcessEnv;
  /** Aborted on Ctrl+C: long operations stop waiting and report where they are. */
  signal: AbortSignal;
  /** Asks a yes/no question on a terminal; undefined when there is no terminal to ask on. */
  confirm?(question: string): Promise<boolean>;
}

export function nodeIo(signal: AbortSignal): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: (path) => readFileSync(path, 'utf8'),
    env: process.env,
    signal,
  };
}

/** Exit codes of every command. */
export const EXIT_OK = 0;
/** Problems found (validate) or the operation failed. */
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
/** The change needs `--yes` (or `--replace` for a replacement). */
export const EXIT_NEEDS_CONFIRMATION = 3;
export const EXIT_CANCELLED = 130;

/** A usage mistake: printed with a hint to `--help`, exit code 2. */
export class UsageError extends Error {}
