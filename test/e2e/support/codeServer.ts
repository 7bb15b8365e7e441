// code-server (VS Code 1.100.3 from npm) with a fresh profile: its own user-data and extensions
// folders, our .vsix installed the way users install it, settings written to User/settings.json.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CODE_SERVER_BIN, LOOPBACK_ONLY, PREREQUISITES_SCRIPT } from './paths';
import { spawnTracked, type TrackedProcess } from './processes';
import { waitFor } from './waits';

/** Fails at once, with the prerequisites script's one line, when code-server or Chromium is missing. */
export function assertPrerequisites(): void {
  const check = spawnSync(process.execPath, [PREREQUISITES_SCRIPT, '--check'], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(check.stderr.trim() || `${PREREQUISITES_SCRIPT} --check failed`);
}

export interface Profile {
  userDataDir: string;
  extensionsDir: string;
}

/** Settings every run gets: no welcome page, no network chatter, inlay hints always on. */
const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'editor.inlayHints.enabled': 'on',
  'chat.disableAIFeatures': true,
};

export function createProfile(runDir: string, vsixFiles: readonly string[], settings: Record<string, unknown>): Profile {
  const profile = { userDataDir: join(runDir, 'user-data'), extensionsDir: join(runDir, 'extensions') };
  mkdirSync(join(profile.userDataDir, 'User'), { recursive: true });
  mkdirSync(profile.extensionsDir, { recursive: true });
  writeSettings(profile, settings);
  const installs = vsixFiles.flatMap((vsix) => ['--install-extension', vsix]);
  execFileSync(CODE_SERVER_BIN, ['--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir, ...installs], {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 120_000,
  });
  return profile;
}

/** Writes User/settings.json before code-server starts (a running workbench: Workbench.updateSettings). */
export function writeSettings(profile: Profile, settings: Record<string, unknown>): void {
  writeFileSync(join(profile.userDataDir, 'User', 'settings.json'), settingsText(settings));
}

export function settingsText(settings: Record<string, unknown>): string {
  return `${JSON.stringify({ ...BASE_SETTINGS, ...settings }, null, 2)}\n`;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface RunningCodeServer {
  process: TrackedProcess;
  url: string;
  port: number;
}

export interface CodeServerOptions {
  /** false: leave workspace trust on, so the folder opens in restricted mode. */
  trusted: boolean;
  /** Default (or 0): a free port. */
  port?: number;
  env?: NodeJS.ProcessEnv;
  /** Preload the tests' guard into code-server's processes (the extension host included): no name beyond loopback is looked up. */
  loopbackOnly?: boolean;
}

export async function startCodeServer(profile: Profile, folder: string, options: CodeServerOptions): Promise<RunningCodeServer> {
  const port = options.port || (await freePort()); // 0: any free port, known before code-server starts
  const args = [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    ...(options.trusted ? ['--disable-workspace-trust'] : []),
    '--config', join(profile.userDataDir, 'code-server.yaml'),
    '--user-data-dir', profile.userDataDir,
    '--extensions-dir', profile.extensionsDir,
    folder,
  ];
  const env = { ...process.env, ...options.env };
  delete env.NODE_TEST_CONTEXT;
  delete env.NODE_OPTIONS;
  if (options.loopbackOnly) env.NODE_OPTIONS = `--require ${JSON.stringify(LOOPBACK_ONLY)}`;
  const server = spawnTracked('code-server', CODE_SERVER_BIN, args, { env });
  await Promise.race([
    waitFor(`code-server to listen on 127.0.0.1:${port}`, () => (/HTTP server listening on/.test(server.output()) ? true : undefined), 60_000),
    server.exited.then((how) => {
      throw new Error(`code-server exited (${how}) before it listened on port ${port}:\n${server.output().slice(-2000)}`);
    }),
  ]);
  return { process: server, url: `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`, port };
}

/** The newest extension-host log of a profile (VS Code starts a new logs/<timestamp>/ per window). */
export function exthostLog(profile: Profile): string | undefined {
  const exthostDir = newestExthostDir(profile);
  return exthostDir ? join(exthostDir, 'remoteexthost.log') : undefined;
}

export function newestExthostDir(profile: Profile): string | undefined {
  const logs = join(profile.userDataDir, 'logs');
  if (!existsSync(logs)) return undefined;
  const sessions = readdirSync(logs)
    .map((name) => join(logs, name))
    .filter((path) => existsSync(join(path, 'exthost1')))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return sessions.length > 0 ? join(sessions[0], 'exthost1') : undefined;
}

/**
 * The file an extension's output channel is written to: log channels (`{log: true}`, as
 * vscode-languageclient makes) under `exthost1/<extension id>/<name>.log`, plain ones under
 * `exthost1/output_logging_<time>/<n>-<name>.log`.
 */
export function outputChannelFile(profile: Profile, channel: string): string | undefined {
  const exthostDir = newestExthostDir(profile);
  if (!exthostDir) return undefined;
  for (const folder of readdirSync(exthostDir, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    const match = readdirSync(join(exthostDir, folder.name)).find((name) => name === `${channel}.log` || name.endsWith(`-${channel}.log`));
    if (match) return join(exthostDir, folder.name, match);
  }
  return undefined;
}
