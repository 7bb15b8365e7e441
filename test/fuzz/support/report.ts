// Failure reports that reproduce: the run seed, the case, the mutations, and the document
// written to a temp file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FuzzFailure {
  layer: string;
  index: number;
  seedName: string;
  applied: string[];
  text: string;
  problems: string[];
}

/** Writes each failing document to a temp file; returns a message that says how to replay it. */
export function describeFailures(runSeed: number, replay: string, failures: readonly FuzzFailure[]): string {
  const dir = join(tmpdir(), `zenml-fuzz-${runSeed}`);
  mkdirSync(dir, { recursive: true });
  const parts = failures.map((failure) => {
    const file = join(dir, `${failure.layer}-case-${failure.index}.zenml.deployer.yaml`);
    writeFileSync(file, failure.text);
    const shown = failure.text.length <= 600 ? JSON.stringify(failure.text) : `${JSON.stringify(failure.text.slice(0, 600))}... (${failure.text.length} chars)`;
    return [
      `- ${failure.layer} case ${failure.index} from ${failure.seedName}, mutations [${failure.applied.join(', ')}]`,
      `  document: ${file}`,
      `  text: ${shown}`,
      ...failure.problems.slice(0, 8).map((problem) => `  ${problem}`),
      ...(failure.problems.length > 8 ? [`  ... and ${failure.problems.length - 8} more`] : []),
    ].join('\n');
  });
  return [`fuzz failures (${replay}):`, ...parts].join('\n');
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return (error.stack ?? `${error.name}: ${error.message}`).split('\n').slice(0, 8).join('\n    ');
  return String(error);
}
