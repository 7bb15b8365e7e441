// The Local Sandbox: the bundled emulator (dist/emulator.js) as a child process on loopback,
// seeded with a few sample deployments, so every feature can be tried without an AWS account.
// No `vscode` import: tests start and stop it like the extension does.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** The emulator's default credentials (design.md); they open nothing outside the sandbox. */
export const SANDBOX_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };
export const SANDBOX_REGION = 'us-east-1';

export interface RunningSandbox {
  url: string;
  pid: number;
  stop(): Promise<void>;
  /** Resolves when the process ends (on its own or stopped). */
  exited: Promise<number | null>;
}

export interface SandboxOptions {
  /** Node binary: the extension host's own (`process.execPath`, run as Node under Electron). */
  execPath?: string;
  /** How long deploy/pause/resume take in the sandbox. */
  provisioningMs?: number;
  startTimeoutMs?: number;
}

const READY = /^emulator listening on (http:\/\/\S+)$/m;

function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  child.kill('SIGTERM');
  const escalate = setTimeout(() => child.kill('SIGKILL'), 3000);
  return exited.then(() => clearTimeout(escalate));
}

export async function startSandbox(emulatorScript: string, options: SandboxOptions = {}): Promise<RunningSandbox> {
  const args = [emulatorScript, '--port', '0', '--host', '127.0.0.1', '--provisioning-ms', String(options.provisioningMs ?? 3000)];
  // Under node:test the emulator's entry point stays idle (it is compiled among the tests): a
  // sandbox is never a test file, whoever starts it.
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  const child = spawn(options.execPath ?? process.execPath, args, {
    env: { ...env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  let output = '';
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2000)));
  const timeoutMs = options.startTimeoutMs ?? 15_000;
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the sandbox emulator did not start within ${timeoutMs} ms${errors ? `: ${errors.trim()}` : ''}`)), timeoutMs);
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const ready = READY.exec(output);
        if (ready) {
          clearTimeout(timer);
          resolve(ready[1]);
        }
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(new Error(`cannot start the sandbox emulator (${emulatorScript}): ${error.message}`));
      });
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`the sandbox emulator exited with code ${code}${errors ? `: ${errors.trim()}` : ''}`));
      });
    });
    return { url, pid: child.pid ?? -1, exited, stop: () => stopChild(child, exited) };
  } catch (error) {
    await stopChild(child, exited);
    throw error;
  }
}
