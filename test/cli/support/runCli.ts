// Runs the bundled CLI (`dist/cli.js`) as users and CI do, with a clean AWS environment: no
// credentials or profiles from the machine, no instance-metadata probing.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/emulatorProcess';

export const CLI = join(REPO_ROOT, 'dist', 'cli.js');
/** Preloaded into every CLI run: no lookup of a name beyond loopback leaves the machine. */
const LOOPBACK_ONLY = join(__dirname, '..', '..', 'support', 'loopbackOnly.js');
export const CLI_FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'cli');
export const TOKEN = 'tok-cli-0f1e2d3c4b5a';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

const emptyHome = mkdtempSync(join(tmpdir(), 'zenml-cli-home-'));

/** The environment of a CI job with test credentials for the emulator (or none, with `credentials: false`). */
export function cliEnv(extra: Record<string, string> = {}, credentials = true): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('AWS_') && key !== 'NODE_TEST_CONTEXT' && key !== 'NODE_OPTIONS') env[key] = value;
  Object.assign(env, { HOME: emptyHome, AWS_EC2_METADATA_DISABLED: 'true', ZENML_STORE_API_TOKEN: TOKEN, ...(credentials ? { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' } : {}), ...extra });
  return env;
}

/**
 * Runs the CLI; `onStderr` sees stderr as it arrives and may signal the child (Ctrl+C tests).
 */
export function runCli(
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number; onStderr?: (soFar: string, child: ChildProcess) => void } = {},
): Promise<CliRun> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', LOOPBACK_ONLY, CLI, ...args], { cwd: options.cwd ?? CLI_FIXTURES, env: options.env ?? cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      options.onStderr?.(stderr, child);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
