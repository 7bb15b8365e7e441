// One real VS Code for one test file: a fresh profile with our .vsix (and optionally the companion
// extension), optionally the AWS emulator, code-server on a free loopback port, Chromium driven by
// playwright-core, and the workbench open on a copy of a workspace folder. `stop()` ends all of it.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { spawnEmulator, type EmulatorProcess } from '../../aws/support/emulatorProcess';
import { assertPrerequisites, createProfile, exthostLog, startCodeServer, type Profile, type RunningCodeServer } from './codeServer';
import { ensureCompanionVsix, ensureExtensionVsix } from './packaging';
import { CHROMIUM, EXAMPLES_DIR, RUNS_DIR } from './paths';
import { stopAll, track } from './processes';
import { waitForLine } from './waits';
import { Workbench } from './workbench';

export interface SessionOptions {
  /** Extension settings for User/settings.json (the emulator endpoint is added when it runs). */
  settings?: Record<string, unknown>;
  /** false opens the folder in restricted mode (workspace trust on). Default true. */
  trusted?: boolean;
  /** Start the AWS emulator and point `zenmlAppRunner.endpoint` at it. */
  emulator?: boolean;
  /** Install the companion extension, which runs its suite and writes results here. */
  companionResults?: string;
  /** Folder copied as the workspace (default: the sample workspace `examples/`). */
  workspace?: string;
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export class Session {
  private constructor(
    readonly runDir: string,
    readonly workspace: string,
    readonly profile: Profile,
    readonly codeServer: RunningCodeServer,
    readonly browser: Browser,
    readonly workbench: Workbench,
    readonly emulator: EmulatorProcess | undefined,
    /** The extension settings this session started with (journeys add theirs on top). */
    readonly settings: Record<string, unknown>,
  ) {}

  static async start(name: string, options: SessionOptions = {}): Promise<Session> {
    assertPrerequisites();
    const runDir = join(RUNS_DIR, `${name}-${process.pid}`);
    rmSync(runDir, { recursive: true, force: true });
    const workspace = join(runDir, 'workspace');
    mkdirSync(runDir, { recursive: true });
    cpSync(options.workspace ?? EXAMPLES_DIR, workspace, { recursive: true });
    try {
      const vsixFiles = [await ensureExtensionVsix()];
      if (options.companionResults) vsixFiles.push(await ensureCompanionVsix());
      let emulator: EmulatorProcess | undefined;
      const settings: Record<string, unknown> = { ...options.settings };
      if (options.emulator) {
        const started = await spawnEmulator(['--provisioning-ms', '500']);
        emulator = started;
        track({ label: `emulator (pid ${String(started.child.pid)})`, stop: async () => void (await started.stop()) });
        settings['zenmlAppRunner.endpoint'] = started.url;
      }
      if (options.companionResults) settings['zenmlAppRunnerCompanion.resultsFile'] = options.companionResults;
      const profile = createProfile(runDir, vsixFiles, settings);
      const codeServer = await startCodeServer(profile, workspace, { trusted: options.trusted ?? true });
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      track({ label: 'chromium', stop: () => browser.close() });
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const workbench = new Workbench(page, profile);
      await page.goto(codeServer.url);
      await waitForLine(() => exthostLog(profile), /Eager extensions activated/, 'the extension host to report "Eager extensions activated"', 120_000);
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      return new Session(runDir, workspace, profile, codeServer, browser, workbench, emulator, settings);
    } catch (error) {
      await stopAll();
      throw error;
    }
  }

  async stop(): Promise<void> {
    await stopAll();
  }
}
