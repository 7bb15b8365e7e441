// `npm run demo`, run as a user runs it (scripts/demo.mjs: prerequisites, one build, package,
// compile, launch) in a copy of the repository, so its build and package never race the other
// tests' files. It prints one URL; the workbench opens on zenml.deployer.yaml with the extension's
// own Local Sandbox running (status bar, Deployments view); the terminal says only short `demo:`
// lines: the sandbox started, its emulator died, it was stopped and started again from VS Code;
// and Ctrl+C (SIGINT to the whole process group, as a terminal sends it) exits 130 leaving no
// process behind, the sandbox's emulator included.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, test } from 'node:test';
import { chromium } from 'playwright-core';
import { childEnv } from '../../support/emulatorProcess';
import { outputChannelFile, type Profile } from '../support/codeServer';
import { DeploymentsView } from '../support/deploymentsView';
import { CHROMIUM, PRODUCT_CHANNEL, REPO_ROOT, RUNS_DIR } from '../support/paths';
import { stopAll, track } from '../support/processes';
import { CHROMIUM_ARGS } from '../support/session';
import { waitFor } from '../support/waits';
import { UI_TIMEOUT, Workbench } from '../support/workbench';

// A test that times out is cancelled, not unwound: this still stops the demo.
after(stopAll);

function alive(pid: number, group = false): boolean {
  try {
    process.kill(group ? -pid : pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The repository's own files (no build output, no caches) with node_modules and the e2e cache linked. */
function copyRepository(target: string): void {
  const skipped = new Set(['node_modules', '.e2e-cache', '.git', 'out', 'dist', 'test-output']);
  // Entry by entry: the copy lives under test-output/, inside the repository.
  for (const name of readdirSync(REPO_ROOT).filter((entry) => !skipped.has(entry) && !entry.endsWith('.vsix'))) {
    cpSync(join(REPO_ROOT, name), join(target, name), { recursive: true });
  }
  for (const link of ['node_modules', '.e2e-cache']) symlinkSync(realpathSync(join(REPO_ROOT, link)), join(target, link));
}

/** Pids of the sandbox's emulator in the order the extension's log says they started. */
function sandboxPids(profile: Profile): number[] {
  const file = outputChannelFile(profile, PRODUCT_CHANNEL);
  const text = file ? readFileSync(file, 'utf8') : '';
  return [...text.matchAll(/Local Sandbox started: endpoint \S+, pid (\d+),/g)].map((match) => Number(match[1]));
}

void test('npm run demo: one URL, the extension\'s own Local Sandbox, short terminal output, nothing left after Ctrl+C', { timeout: 420_000 }, async () => {
  mkdirSync(RUNS_DIR, { recursive: true });
  const scratch = join(RUNS_DIR, `demo-${process.pid}`);
  rmSync(scratch, { recursive: true, force: true });
  const repo = join(scratch, 'repo');
  copyRepository(repo);
  const profileDir = join(scratch, 'profile');
  const profile: Profile = { userDataDir: join(profileDir, 'user-data'), extensionsDir: join(profileDir, 'extensions') };
  // Its own process group, as in a terminal, so Ctrl+C can go to all of it at once.
  const demo = spawn(process.execPath, [join(repo, 'scripts', 'demo.mjs'), '--port', '0', '--profile', profileDir], { cwd: repo, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const demoPid = demo.pid ?? -1;
  const exited = new Promise<number | string>((resolve) => demo.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  const ctrlC = (): boolean => {
    try {
      process.kill(-demoPid, 'SIGINT');
      return true;
    } catch {
      return false;
    }
  };
  // If this test fails midway, the demo is still stopped (Ctrl+C: its own clean-up path).
  const untrack = track({ label: `demo (pid ${demoPid})`, stop: async () => void (ctrlC() && (await exited)) });
  let stderr = '';
  demo.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const stdoutLines: string[] = [];
  createInterface({ input: demo.stdout }).on('line', (line) => stdoutLines.push(line));
  const said = (what: string, pattern: RegExp, timeoutMs = 60_000): Promise<RegExpExecArray> =>
    waitFor(`the demo to say ${what}`, () => pattern.exec(stderr) ?? undefined, timeoutMs, 200).catch((error: Error) => {
      throw new Error(`${error.message}\n--- demo stderr ---\n${stderr}`);
    });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const url = await waitFor('the demo to print its URL', () => stdoutLines[0], 360_000, 200).catch((error: Error) => {
      throw new Error(`${error.message}\n--- demo stderr ---\n${stderr}`);
    });
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/\?folder=[^&]+&payload=/);
    const codeServerPid = Number((await said('code-server\'s pid', /code-server, pid (\d+)/))[1]);

    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const workbench = new Workbench(page, profile);
    workbench.beginJourney('demo');
    await page.goto(url);
    // The URL opens the sample deployer file, which activates the extension, which starts the sandbox.
    await page.locator('.tabs-container .tab.active', { hasText: 'zenml.deployer.yaml' }).waitFor({ timeout: 120_000 });
    await page.locator('.statusbar', { hasText: 'Local Sandbox' }).waitFor({ timeout: 90_000 });
    await workbench.screenshot('opened');
    const first = await said('the Local Sandbox started', /demo: Local Sandbox started \(pid (\d+), http:\/\/127\.0\.0\.1:\d+, sample deployments in eu-west-1, us-east-1\)/);
    assert.deepEqual(sandboxPids(profile), [Number(first[1])], 'the demo names the pid of the extension\'s log line');

    const view = new DeploymentsView(workbench);
    await view.open();
    await view.waitForRow('the sample weather-agent running', (row) => row.label === 'weather-agent, Running');
    const labels = (await view.rows()).map((row) => row.label);
    for (const expected of ['fraud-scoring, Paused', 'churn-report, Create failed']) assert.ok(labels.includes(expected), `${expected} in ${JSON.stringify(labels)}`);
    await workbench.screenshot('deployments');

    // The sandbox's emulator dies: the demo says so, and Start/Stop Local Sandbox act on the one the user sees.
    process.kill(Number(first[1]), 'SIGKILL');
    await said('the emulator exited', new RegExp(`demo: the Local Sandbox's emulator \\(pid ${first[1]}\\) exited on its own`));
    await page.locator('.statusbar', { hasText: 'Local Sandbox' }).waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    await workbench.screenshot('sandbox-died');
    await workbench.runCommand('ZenML App Runner: Start Local Sandbox');
    await waitFor('a second sandbox in the extension\'s log', () => (sandboxPids(profile).length === 2 ? true : undefined), 60_000);
    await workbench.runCommand('ZenML App Runner: Stop Local Sandbox');
    await said('the sandbox was stopped from VS Code', new RegExp(`demo: Local Sandbox stopped from VS Code \\(pid ${sandboxPids(profile)[1]}\\)`));
    await workbench.runCommand('ZenML App Runner: Start Local Sandbox');
    await waitFor('a third sandbox in the extension\'s log', () => (sandboxPids(profile).length === 3 ? true : undefined), 60_000);
    const sandboxPid = sandboxPids(profile)[2];
    await said('the sandbox started again', new RegExp(`demo: Local Sandbox started \\(pid ${sandboxPid},`));
    await page.locator('.statusbar', { hasText: 'Local Sandbox' }).waitFor({ timeout: UI_TIMEOUT });
    await workbench.screenshot('sandbox-restarted');

    assert.ok(ctrlC());
    assert.equal(await exited, 130);
    untrack();
    assert.deepEqual(stdoutLines, [url], 'exactly one line on stdout');
    // Short: only the demo's own lines, in this order; no npm, vsce or esbuild output.
    const lines = stderr.trimEnd().split('\n');
    const expected = [
      /^demo: building the extension, packaging it and compiling the launcher/,
      /^demo: VS Code \(code-server, pid \d+\) is ready: open the URL below; the Local Sandbox starts with it\. Ctrl\+C stops the demo\.$/,
      /^demo: Local Sandbox started \(pid \d+,/,
      /^demo: the Local Sandbox's emulator \(pid \d+\) exited on its own; "ZenML App Runner: Start Local Sandbox" starts it again$/,
      /^demo: Local Sandbox started \(pid \d+,/,
      /^demo: Local Sandbox stopped from VS Code \(pid \d+\)/,
      /^demo: Local Sandbox started \(pid \d+,/,
      /^demo: stopped$/,
    ];
    assert.equal(lines.length, expected.length, stderr);
    lines.forEach((line, index) => assert.match(line, expected[index]));
    assert.doesNotMatch(stderr, /Files included|├─|\.vsix|npm (ERR|error|warn)/);
    await waitFor('code-server and its helpers to be gone', () => (alive(codeServerPid, true) ? undefined : true), 10_000);
    await waitFor('the sandbox\'s emulator to be gone', () => (alive(sandboxPid) ? undefined : true), 10_000);
  } finally {
    await browser.close();
    rmSync(scratch, { recursive: true, force: true });
  }
});
