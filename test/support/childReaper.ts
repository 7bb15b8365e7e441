// Children a test process starts must not outlive it: when a suite fails before its cleanup runs
// (or the runner force-exits after a timeout), the 'exit' hook still kills what is left, so a
// failed prerequisite can never leave a server holding the run open.
import type { ChildProcess } from 'node:child_process';

const live = new Set<ChildProcess>();

process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** Kills `child` when this process exits, unless it has exited by then. */
export function reapOnExit<T extends ChildProcess>(child: T): T {
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}
