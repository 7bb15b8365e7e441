// Makes sure everything the real-VS-Code tests and the demo need is on this machine, and is
// fast when it already is: Debian's Chromium (the browser playwright-core drives), ripgrep (in
// place of the binary code-server would fetch from GitHub), libkrb5-dev and pkg-config (to build
// code-server's native module), and code-server itself in the ignored cache `.e2e-cache/`.
// With --aws-cli (the test suite and the benchmarks) also Debian's AWS CLI v2, which drives the
// emulator in the AWS CLI tests and is the peer of the logs benchmark.
// Only npm and Debian are contacted. Without root it names what is missing and stops.
//
//   node scripts/e2e-prerequisites.mjs [--aws-cli]          ensure everything (exit 1 with one line if it cannot)
//   node scripts/e2e-prerequisites.mjs [--aws-cli] --check  only report, never install
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CODE_SERVER_DIR = join(REPO_ROOT, '.e2e-cache', 'code-server');
export const CODE_SERVER_BIN = join(CODE_SERVER_DIR, 'node_modules', '.bin', 'code-server');
export const CHROMIUM = '/usr/bin/chromium';

// What code-server's ripgrep postinstall looks for before it downloads (see shared/e2e.md).
const RIPGREP_CACHE = join(tmpdir(), 'vscode-ripgrep-cache-1.15.11', 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');

/** Debian package -> how to tell it is installed without asking dpkg for each. */
const DEBIAN_PACKAGES = {
  chromium: () => existsSync(CHROMIUM),
  ripgrep: () => existsSync('/usr/bin/rg'),
  'libkrb5-dev': () => existsSync('/usr/include/krb5.h') || existsSync('/usr/include/krb5/krb5.h'),
  'pkg-config': () => existsSync('/usr/bin/pkg-config'),
  // Debian's own binary: an `aws` earlier on PATH may be v1, which has no `aws logs tail`.
  awscli: () => /^aws-cli\/2/.test(spawnSync('/usr/bin/aws', ['--version'], { encoding: 'utf8' }).stdout ?? ''),
};

function log(message) {
  process.stderr.write(`e2e prerequisites: ${message}\n`);
}

export class MissingPrerequisite extends Error {}

export function codeServerInstalled() {
  const manifest = join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'package.json');
  if (!existsSync(CODE_SERVER_BIN) || !existsSync(manifest)) return false;
  return JSON.parse(readFileSync(manifest, 'utf8')).version === CODE_SERVER_VERSION;
}

const installCommand = (names) => `apt-get update && apt-get install -y --no-install-recommends ${names.join(' ')}`;

function missingDebianPackages({ needBuildTools, needAwsCli }) {
  return Object.entries(DEBIAN_PACKAGES)
    .filter(([name]) => (name === 'awscli' ? needAwsCli : needBuildTools || name === 'chromium' || name === 'ripgrep'))
    .filter(([, present]) => !present())
    .map(([name]) => name);
}

function ensureDebianPackages({ needBuildTools, needAwsCli, checkOnly }) {
  const missing = missingDebianPackages({ needBuildTools, needAwsCli });
  const install = installCommand(missing);
  if (missing.length === 0) return;
  const isRoot = process.getuid?.() === 0;
  if (checkOnly || !isRoot || !existsSync('/usr/bin/apt-get')) {
    const prefix = isRoot ? '' : 'sudo sh -c ';
    throw new MissingPrerequisite(`missing Debian package(s) ${missing.join(', ')}; install with: ${prefix}${isRoot ? install : `'${install}'`}`);
  }
  log(`installing ${missing.join(', ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: ['ignore', 'ignore', 'inherit'], env });
  const still = missingDebianPackages({ needBuildTools, needAwsCli });
  if (still.length > 0) throw new MissingPrerequisite(`apt-get did not install ${still.join(', ')}; try: ${install}`);
}

/** A gzipped tar holding one file named `rg`, Debian's ripgrep, where code-server looks first. */
function seedRipgrepCache() {
  if (existsSync(RIPGREP_CACHE)) return;
  mkdirSync(dirname(RIPGREP_CACHE), { recursive: true });
  const staging = mkdtempSync(join(tmpdir(), 'rg-seed-'));
  try {
    copyFileSync('/usr/bin/rg', join(staging, 'rg'));
    const partial = `${RIPGREP_CACHE}.${process.pid}.partial`;
    execFileSync('tar', ['-czf', partial, '-C', staging, 'rg']);
    renameSync(partial, RIPGREP_CACHE);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function installCodeServer() {
  log(`installing code-server@${CODE_SERVER_VERSION} into ${CODE_SERVER_DIR} (about a minute, once)`);
  mkdirSync(CODE_SERVER_DIR, { recursive: true });
  writeFileSync(join(CODE_SERVER_DIR, 'package.json'), `${JSON.stringify({ name: 'e2e-code-server', private: true, description: 'Cache for the real-VS-Code tests; not part of the project.' }, null, 2)}\n`);
  // As root the postinstall refuses to run without unsafe_perm; without `yes` an inner `npx node-gyp` is cancelled.
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: CODE_SERVER_DIR,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, npm_config_yes: 'true', npm_config_unsafe_perm: 'true' },
  });
  if (result.status !== 0 || !codeServerInstalled()) {
    throw new MissingPrerequisite(`npm could not install code-server@${CODE_SERVER_VERSION} into ${CODE_SERVER_DIR}; delete that folder and run \`node scripts/e2e-prerequisites.mjs\` again`);
  }
}

/** Ensures (or with checkOnly: checks) every prerequisite; throws MissingPrerequisite with one line. */
export function ensureE2ePrerequisites({ checkOnly = false, awsCli = false } = {}) {
  const haveCodeServer = codeServerInstalled();
  ensureDebianPackages({ needBuildTools: !haveCodeServer, needAwsCli: awsCli, checkOnly });
  if (haveCodeServer) return;
  if (checkOnly) throw new MissingPrerequisite(`code-server@${CODE_SERVER_VERSION} is not in ${CODE_SERVER_DIR}; install with: node scripts/e2e-prerequisites.mjs`);
  seedRipgrepCache();
  installCodeServer();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    ensureE2ePrerequisites({ checkOnly: process.argv.includes('--check'), awsCli: process.argv.includes('--aws-cli') });
  } catch (error) {
    if (!(error instanceof MissingPrerequisite)) throw error;
    log(error.message);
    process.exit(1);
  }
}
