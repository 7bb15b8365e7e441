// The two .vsix files the harness installs: the product (`npm run package`'s zenml-apprunner.vsix,
// rebuilt only when its inputs are newer) and the test-only companion extension (never shipped).
// Test files run in parallel, so packaging holds a lock directory while it writes.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { REPO_ROOT } from './paths';
import { waitFor } from './waits';

export const EXTENSION_VSIX = join(REPO_ROOT, 'zenml-apprunner.vsix');
const COMPANION_SOURCE = join(REPO_ROOT, 'test', 'e2e', 'companion');
const COMPANION_STAGING = join(REPO_ROOT, 'test-output', 'companion-build');
export const COMPANION_VSIX = join(REPO_ROOT, 'test-output', 'zenml-apprunner-companion.vsix');
const VSCE = join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');

/** Newest modification time under `paths` (files or folders), 0 when none exist. */
function newest(paths: readonly string[]): number {
  let latest = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    if (stat.isDirectory()) latest = Math.max(latest, newest(readdirSync(path).map((name) => join(path, name))));
    else latest = Math.max(latest, stat.mtimeMs);
  }
  return latest;
}

function isFresh(output: string, inputs: readonly string[]): boolean {
  return existsSync(output) && statSync(output).mtimeMs >= newest(inputs);
}

async function withLock<T>(name: string, work: () => T | Promise<T>): Promise<T> {
  const lock = join(REPO_ROOT, 'test-output', `${name}.lock`);
  mkdirSync(join(REPO_ROOT, 'test-output'), { recursive: true });
  await waitFor(`the packaging lock ${lock} (delete it if no test run is packaging)`, () => {
    try {
      mkdirSync(lock);
      return true;
    } catch {
      return undefined;
    }
  }, 180_000, 250);
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** zenml-apprunner.vsix for the current build (`npm run package` when the bundles are newer). */
export async function ensureExtensionVsix(): Promise<string> {
  const inputs = ['dist', 'package.json', 'README.md', 'CHANGELOG.md', 'schemas', 'media', '.vscodeignore'].map((path) => join(REPO_ROOT, path));
  if (!existsSync(join(REPO_ROOT, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run `npm run build` first');
  if (isFresh(EXTENSION_VSIX, inputs)) return EXTENSION_VSIX;
  return withLock('package', () => {
    if (!isFresh(EXTENSION_VSIX, inputs)) execFileSync('npm', ['run', '--silent', 'package'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    return EXTENSION_VSIX;
  });
}

/** The companion extension bundled with esbuild and packaged with vsce (when its sources changed). */
export async function ensureCompanionVsix(): Promise<string> {
  const inputs = [COMPANION_SOURCE];
  if (isFresh(COMPANION_VSIX, inputs)) return COMPANION_VSIX;
  return withLock('companion', async () => {
    if (isFresh(COMPANION_VSIX, inputs)) return COMPANION_VSIX;
    rmSync(COMPANION_STAGING, { recursive: true, force: true });
    mkdirSync(COMPANION_STAGING, { recursive: true });
    cpSync(join(COMPANION_SOURCE, 'package.json'), join(COMPANION_STAGING, 'package.json'));
    cpSync(join(COMPANION_SOURCE, 'README.md'), join(COMPANION_STAGING, 'README.md'));
    await esbuild.build({
      entryPoints: [join(COMPANION_SOURCE, 'src', 'extension.ts')],
      outfile: join(COMPANION_STAGING, 'dist', 'extension.js'),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['vscode'],
      logLevel: 'warning',
    });
    execFileSync(process.execPath, [VSCE, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', COMPANION_VSIX], {
      cwd: COMPANION_STAGING,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    return COMPANION_VSIX;
  });
}
