// Runs the bundled emulator (`node dist/emulator.js`) as a child process, as users and CI do.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { reapOnExit } from './childReaper';
import { REPO_ROOT } from './repoRoot';

export { REPO_ROOT };
export const EMULATOR_BUNDLE = join(REPO_ROOT, 'dist', 'emulator.js');

export interface EmulatorProcess {
  child: ChildProcess;
  url: string;
  /** The first line the process printed. */
  banner: string;
  stderr: () => string;
  /** SIGTERM, then the exit code (or the signal if it died of one). */
  stop(): Promise<number | NodeJS.Signals | null>;
}

/** An environment for child processes without the test runner's markers. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, AWS_EC2_METADATA_DISABLED: 'true', ...extra };
  delete env.NODE_TEST_CONTEXT;
  return env;
}

export async function spawnEmulator(args: readonly string[] = []): Promise<EmulatorProcess> {
  if (!existsSync(EMULATOR_BUNDLE)) throw new Error(`${EMULATOR_BUNDLE} is missing: run \`npm run build\` first`);
  const child = reapOnExit(spawn(process.execPath, [EMULATOR_BUNDLE, ...args], { env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] }));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | NodeJS.Signals | null>((resolveExit) => child.once('exit', (code, signal) => resolveExit(code ?? signal)));
  const banner = await new Promise<string>((resolveLine, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      lines.close();
      resolveLine(line);
    });
    void exited.then((code) => reject(new Error(`emulator exited (${String(code)}) before it was ready: ${stderr}`)));
  });
  const match = /^emulator listening on (http:\/\/[^\s]+)$/.exec(banner);
  return {
    child,
    url: match ? match[1] : '',
    banner,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
