// Every process the real-VS-Code harness starts is registered here and stopped by its id: on
// success, on failure, on a timeout and on Ctrl+C (SIGINT/SIGTERM reach the test process too).
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

export interface Stoppable {
  /** What it is, for error messages: `code-server (pid 123)`. */
  readonly label: string;
  stop(): Promise<void>;
}

const live = new Set<Stoppable>();
let signalHandlersInstalled = false;
let stopRequested = false;
let signalledAt: number | undefined;
const afterSignalStop: (() => void)[] = [];

/** True once stopAll() has begun: an exit after that is the expected one. */
export function stopping(): boolean {
  return stopRequested;
}

/** Registers something to stop; returns a function that unregisters it. */
export function track(stoppable: Stoppable): () => void {
  installSignalHandlers();
  live.add(stoppable);
  return () => live.delete(stoppable);
}

/** Stops everything still registered, newest first; never throws. */
export async function stopAll(): Promise<void> {
  stopRequested = true;
  for (const stoppable of [...live].reverse()) {
    live.delete(stoppable);
    await stoppable.stop().catch((error: unknown) => console.error(`could not stop ${stoppable.label}: ${String(error)}`));
  }
}

/** Runs `report` once a SIGINT/SIGTERM has stopped everything, just before the process exits. */
export function afterStopBySignal(report: () => void): void {
  installSignalHandlers();
  afterSignalStop.push(report);
}

function installSignalHandlers(): void {
  if (signalHandlersInstalled) return;
  signalHandlersInstalled = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      const code = signal === 'SIGINT' ? 130 : 143;
      // The same Ctrl+C can arrive twice (the terminal signals the whole process group and a
      // wrapper passes it on): a repeat within a second does not cut the clean-up short; a later
      // one is the user insisting, and exits at once.
      if (signalledAt !== undefined) {
        if (Date.now() - signalledAt > 1000) process.exit(code);
        return;
      }
      signalledAt = Date.now();
      void stopAll().finally(() => {
        for (const report of afterSignalStop) report();
        process.exit(code);
      });
    });
  }
}

export interface TrackedProcess extends Stoppable {
  readonly child: ChildProcess;
  readonly pid: number;
  /** Resolves with `code N` or the signal once the process has exited. */
  readonly exited: Promise<string>;
  output(): string;
}

/**
 * Spawns `command` in a process group of its own (code-server starts helpers of its own: the
 * extension host, our language server), so stopping it stops the whole group by the group's id.
 */
export function spawnTracked(label: string, command: string, args: readonly string[], options: SpawnOptions = {}): TrackedProcess {
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`${label}: ${command} did not start`);
  const pid = child.pid;
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-64 * 1024);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('error', (error) => keep(Buffer.from(`spawn error: ${error.message}\n`)));
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? `code ${String(code)}`)));
  let untrack = (): void => undefined;
  const tracked: TrackedProcess = {
    label: `${label} (pid ${pid})`,
    child,
    pid,
    exited,
    output: () => output,
    async stop() {
      untrack();
      await stopGroup(pid, exited);
    },
  };
  untrack = track(tracked);
  return tracked;
}

/** SIGTERM to the group, SIGKILL after `graceMs`; resolves when the leader has exited. */
async function stopGroup(pid: number, exited: Promise<string>, graceMs = 5000): Promise<void> {
  if (!signalGroup(pid, 'SIGTERM')) return;
  const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  // Helpers that ignored SIGTERM (or outlived the leader) go with the group.
  signalGroup(pid, 'SIGKILL');
}

function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // the group is gone already
  }
}
