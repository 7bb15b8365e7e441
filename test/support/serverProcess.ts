// A language server as a child process on stdio, for the LSP clients of the tests and the
// benchmarks: its JSON-RPC connection, the tail of its stderr, its exit, waits that fail as soon
// as it dies, and a clean stop. What a client says over the connection is the caller's business.
import { spawn, type ChildProcess } from 'node:child_process';
import { reapOnExit } from './childReaper';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

const STDERR_KEEP = 64 * 1024;

export class ServerProcess {
  readonly pid: number;
  readonly connection: MessageConnection;
  /** Why the process ended (`exited with code 1`), once it has. */
  exitReason: string | undefined;
  readonly exited: Promise<void>;
  private readonly child: ChildProcess;
  private stderrTail = '';
  private readonly exitListeners = new Set<(reason: string) => void>();
  private stopping = false;

  /** Runs `node ...execArgv script --stdio ...args` with this Node.js, so the child's pid is the server's. */
  constructor(
    script: string,
    args: readonly string[] = [],
    cwd?: string,
    /** Names the server in error messages, e.g. `ours: while waiting for ...`. */
    private readonly label = '',
    /** Node.js flags, before the script. */
    execArgv: readonly string[] = [],
  ) {
    const child = reapOnExit(spawn(process.execPath, [...execArgv, script, '--stdio', ...args], { cwd, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } }));
    // A missing script or a crash at startup surfaces as a failed wait, with the stderr attached.
    child.on('error', () => undefined);
    child.stdin?.on('error', () => undefined);
    if (child.pid === undefined) throw new Error(`${this.prefix()}the server process did not start`);
    this.pid = child.pid;
    this.child = child;
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-STDERR_KEEP);
    });
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exitReason = `exited with ${signal ?? `code ${String(code)}`}`;
        for (const listener of this.exitListeners) listener(this.exitReason);
        resolve();
      });
    });
    this.connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  }

  /** Everything the server wrote to stderr (the last 64 kB). */
  get stderr(): string {
    return this.stderrTail;
  }

  /** True once `stop()` was called: an exit after that is expected. */
  get stopRequested(): boolean {
    return this.stopping;
  }

  /** `promise`, rejected with a message naming `what` on timeout or as soon as the server exits. */
  guard<T>(promise: Promise<T>, what: string, timeoutMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const fail = (why: string): void => {
        cleanup();
        const tail = this.stderrTail.trim().split('\n').slice(-20).join('\n');
        reject(new Error(`${this.prefix()}while waiting for ${what}: ${why}${tail ? `\n--- server stderr (tail) ---\n${tail}` : ''}`));
      };
      const onExit = (reason: string): void => fail(`the server ${reason}`);
      const timer = setTimeout(() => fail(`timed out after ${timeoutMs} ms`), timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.exitListeners.delete(onExit);
      };
      if (this.exitReason !== undefined) return onExit(this.exitReason);
      this.exitListeners.add(onExit);
      promise.then(
        (value) => {
          cleanup();
          resolve(value);
        },
        (error: unknown) => {
          cleanup();
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  /** shutdown + exit, then SIGKILL if the process is still there after `graceMs`; safe to call twice. */
  async stop(graceMs = 3_000): Promise<void> {
    if (this.stopping) return this.exited;
    this.stopping = true;
    if (this.exitReason === undefined) {
      const kill = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
      try {
        await this.guard(this.connection.sendRequest('shutdown'), 'the answer to shutdown', graceMs);
        await this.connection.sendNotification('exit');
      } catch {
        this.child.kill('SIGKILL');
      }
      await this.exited;
      clearTimeout(kill);
    }
    this.connection.dispose();
  }

  private prefix(): string {
    return this.label ? `${this.label}: ` : '';
  }
}

/** `section` of client settings: an exact key first, then a dotted path inside; null when absent. */
export function lookupSection(settings: Record<string, unknown>, section: string | undefined): unknown {
  if (section === undefined || section === '') return settings;
  if (Object.prototype.hasOwnProperty.call(settings, section)) return settings[section];
  let current: unknown = settings;
  for (const part of section.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, part)) return null;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}
