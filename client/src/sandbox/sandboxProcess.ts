// The Local Sandbox: the bundled emulator (dist/emulator.js) as a child process on loopback,
// holding the sample account, so every feature can be tried without an AWS account. The child
// tells us over its IPC channel where it listens and where its services' URLs answer; nothing
// here knows the emulator's routes. No `vscode` import: tests start and stop it like the extension.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** The emulator's default credentials; they open nothing outside the sandbox. */
export const SANDBOX_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

export interface RunningSandbox {
  /** The endpoint for the AWS clients. */
  url: string;
  /** Prepended to a ServiceUrl (instead of `https://`) to reach that service on loopback. */
  serviceUrlBase: string;
  /** Regions that held services when it started (the sample account's). */
  regions: string[];
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
  /** Keep the sandbox's resources in this file across restarts. */
  stateFile?: string;
  startTimeoutMs?: number;
}

interface ReadyMessage {
  type: 'ready';
  endpoint: string;
  serviceUrlBase: string;
  regions: string[];
}

function isReady(message: unknown): message is ReadyMessage {
  const candidate = message as Partial<ReadyMessage> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    candidate.type === 'ready' &&
    typeof candidate.endpoint === 'string' &&
    typeof candidate.serviceUrlBase === 'string' &&
    Array.isArray(candidate.regions) &&
    candidate.regions.every((region) => typeof region === 'string')
  );
}

function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  child.kill('SIGTERM');
  const escalate = setTimeout(() => child.kill('SIGKILL'), 3000);
  return exited.then(() => clearTimeout(escalate));
}

export async function startSandbox(emulatorScript: string, options: SandboxOptions = {}): Promise<RunningSandbox> {
  const args = [emulatorScript, '--port', '0', '--host', '127.0.0.1', '--seed', 'samples', '--provisioning-ms', String(options.provisioningMs ?? 3000)];
  if (options.stateFile !== undefined) args.push('--state', options.stateFile);
  const child = spawn(options.execPath ?? process.execPath, args, {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2000)));
  const timeoutMs = options.startTimeoutMs ?? 15_000;
  try {
    const ready = await new Promise<ReadyMessage>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the sandbox emulator did not start within ${timeoutMs} ms${errors ? `: ${errors.trim()}` : ''}`)), timeoutMs);
      child.on('message', (message: unknown) => {
        if (!isReady(message)) return;
        clearTimeout(timer);
        resolve(message);
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
    return { url: ready.endpoint, serviceUrlBase: ready.serviceUrlBase, regions: ready.regions, pid: child.pid ?? -1, exited, stop: () => stopChild(child, exited) };
  } catch (error) {
    await stopChild(child, exited);
    throw error;
  }
}
