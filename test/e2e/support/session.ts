// One real VS Code for one test file: a fresh profile with our .vsix (and optionally the companion
// extension), optionally the AWS emulator, code-server on a free loopback port, Chromium driven by
// playwright-core, and the workbench open on a copy of a workspace folder. `stop()` ends all of it.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ControlClient } from '../../../emulator/src/controlClient';
import { spawnEmulator, type EmulatorProcess } from '../../support/emulatorProcess';
import { assertPrerequisites, createProfile, exthostLog, outputChannelFile, startCodeServer, type Profile, type RunningCodeServer } from './codeServer';
import { ensureCompanionVsix, ensureExtensionVsix } from './packaging';
import { CHROMIUM, EXAMPLES_DIR, PRODUCT_CHANNEL, RUNS_DIR } from './paths';
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
  /** Start the extension's Local Sandbox (its own emulator, with the sample account) once the workbench is up. */
  sandbox?: boolean;
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
    /** The folder the workspace is a copy of. */
    readonly sourceWorkspace: string,
    /** The endpoint of the Local Sandbox the extension started (with `sandbox: true`). */
    readonly sandboxUrl: string | undefined,
  ) {}

  /** The control API of the emulator the extension talks to: the Local Sandbox's, else the session's own. */
  control(): ControlClient {
    const url = this.sandboxUrl ?? this.emulator?.url;
    if (!url) throw new Error('this journey needs the emulator or the Local Sandbox (session option emulator or sandbox)');
    return new ControlClient(url);
  }

  /** Puts the workspace's files back as they were copied (a journey may have saved a change). */
  restoreWorkspace(): void {
    cpSync(this.sourceWorkspace, this.workspace, { recursive: true });
  }

  static async start(name: string, options: SessionOptions = {}): Promise<Session> {
    assertPrerequisites();
    const runDir = join(RUNS_DIR, `${name}-${process.pid}`);
    rmSync(runDir, { recursive: true, force: true });
    const workspace = join(runDir, 'workspace');
    mkdirSync(runDir, { recursive: true });
    const sourceWorkspace = options.workspace ?? EXAMPLES_DIR;
    cpSync(sourceWorkspace, workspace, { recursive: true });
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
      const codeServer = await startCodeServer(profile, workspace, { trusted: options.trusted ?? true, loopbackOnly: true });
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      track({ label: 'chromium', stop: () => browser.close() });
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const workbench = new Workbench(page, profile);
      await page.goto(codeServer.url);
      await waitForLine(() => exthostLog(profile), /Eager extensions activated/, 'the extension host to report "Eager extensions activated"', 120_000);
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      const sandboxUrl = options.sandbox ? await startLocalSandbox(workbench, profile) : undefined;
      return new Session(runDir, workspace, profile, codeServer, browser, workbench, emulator, settings, sourceWorkspace, sandboxUrl);
    } catch (error) {
      await stopAll();
      throw error;
    }
  }

  async stop(): Promise<void> {
    await stopAll();
  }
}

/** Runs Start Local Sandbox as a user would and reads its endpoint from the extension's log. */
async function startLocalSandbox(workbench: Workbench, profile: Profile): Promise<string> {
  await workbench.runCommand('ZenML App Runner: Start Local Sandbox');
  const line = await waitForLine(() => outputChannelFile(profile, PRODUCT_CHANNEL), /Local Sandbox started: endpoint (http:\/\/\S+),/, 'the Local Sandbox to start', 60_000);
  const url = /endpoint (http:\/\/\S+),/.exec(line)?.[1];
  if (!url) throw new Error(`no endpoint in "${line}"`);
  return url;
}
