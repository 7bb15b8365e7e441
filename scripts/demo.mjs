// `npm run demo`: the extension in a real VS Code (code-server) on the sample workspace examples/,
// with its Local Sandbox started with it. This script keeps the terminal short: it checks the
// prerequisites (silent when they are there), builds and packages the extension once (vsce's
// prepublish is the build) while it compiles the launcher, and shows a step's output only when
// that step fails. Then the launcher (test/e2e/demo/main.ts) prints the URL and reports what the
// sandbox does until Ctrl+C.
//
//   node scripts/demo.mjs [--port N] [--profile DIR] [--workspace DIR]   (options go to the launcher)
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureE2ePrerequisites, MissingPrerequisite, REPO_ROOT } from './e2e-prerequisites.mjs';

const LAUNCHER = join(REPO_ROOT, 'out', 'test', 'e2e', 'demo', 'main.js');
const TSC = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function say(message) {
  process.stderr.write(`demo: ${message}\n`);
}

class StepFailed extends Error {}

/** Runs one step with its output captured; resolves when it succeeds, else shows its output and rejects. */
function quietly(what, command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', (error) => reject(new StepFailed(`${what} could not start: ${error.message}`)));
    child.once('exit', (code, signal) => {
      if (code === 0) return resolve();
      reject(new StepFailed(`${what} failed (${signal ?? `exit code ${code}`}):\n${output.trim()}`));
    });
  });
}

async function prepare() {
  try {
    ensureE2ePrerequisites();
  } catch (error) {
    // The prerequisites script's own one line says what is missing and how to install it.
    if (error instanceof MissingPrerequisite) throw new StepFailed(error.message);
    throw error;
  }
  say('building the extension, packaging it and compiling the launcher (about half a minute)');
  // `npm run package` is vsce, whose prepublish step is the one build (node esbuild.mjs).
  const results = await Promise.allSettled([
    quietly('packaging the extension (npm run package)', npm, ['run', '--silent', 'package']),
    quietly('compiling the launcher (tsc -p .)', process.execPath, [TSC, '-p', '.']),
  ]);
  const failures = results.filter((result) => result.status === 'rejected').map((result) => result.reason);
  if (failures.length > 0) throw failures[0];
}

async function launch() {
  const launcher = spawn(process.execPath, [LAUNCHER, ...process.argv.slice(2)], { cwd: REPO_ROOT, stdio: 'inherit' });
  // Ctrl+C reaches the launcher too (same process group): it stops VS Code and the sandbox, says
  // "demo: stopped" and exits 130. A signal sent to this script alone is passed on (the launcher
  // ignores a repeat); either way this script waits for the launcher and leaves with its code.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => launcher.kill(signal));
  const [code, signal] = await new Promise((resolve) => launcher.once('exit', (...how) => resolve(how)));
  process.exit(code ?? (signal === 'SIGINT' ? 130 : 1));
}

try {
  await prepare();
} catch (error) {
  say(error instanceof StepFailed ? error.message : String(error instanceof Error ? error.stack : error));
  process.exit(1);
}
await launch();
