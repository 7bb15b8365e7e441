// Children a test process starts must not outlive it, nor hold it open: under `node --test` the
// ones still running when a file's tests have ended are killed (a suite whose cleanup never ran
// cannot keep the run waiting), and any left at exit are killed too.
import type { ChildProcess } from 'node:child_process';
import { after } from 'node:test';

const live = new Set<ChildProcess>();

function killAll(): void {
  for (const child of live) child.kill('SIGKILL');
}

process.once('exit', killAll);
// Only under the test runner: the benchmarks use the same spawners outside it.
if (process.env.NODE_TEST_CONTEXT !== undefined) after(killAll);

/** Kills `child` when this file's tests end or this process exits, unless it has exited by then. */
export function reapOnExit<T extends ChildProcess>(child: T): T {
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}
