// Whether a change may go ahead: `--yes`, or a "y" on a terminal; otherwise exit 3.
import { EXIT_NEEDS_CONFIRMATION, type CliIo } from './io';

/** Undefined when confirmed, else the exit code to return. */
export async function confirmOrExit(io: CliIo, yes: boolean, question: string, hint: string): Promise<number | undefined> {
  if (yes) return undefined;
  if (io.confirm && (await io.confirm(question))) return undefined;
  io.stderr(`zenml-apprunner: not confirmed: ${hint}\n`);
  return EXIT_NEEDS_CONFIRMATION;
}
