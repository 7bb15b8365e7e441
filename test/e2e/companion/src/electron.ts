// Entry point for @vscode/test-electron (`npm run test:electron`): the same suite, run in a
// downloaded VS Code with the extension under development; a failed check fails the run.
import { runSuite } from './suite';

export async function run(): Promise<void> {
  const { results } = await runSuite();
  for (const result of results) console.log(`${result.passed ? 'ok' : 'not ok'} - ${result.name} (${result.durationMs} ms)${result.passed ? '' : `\n${result.message}`}`);
  const failed = results.filter((result) => !result.passed);
  if (failed.length > 0) throw new Error(`${failed.length} of ${results.length} extension-host checks failed`);
}
