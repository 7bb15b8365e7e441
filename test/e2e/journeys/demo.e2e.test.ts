// The one-command demo's launcher: it prints one URL, that URL serves a workbench in which our
// extension checks the sample workspace, the emulator holds the seeded services, and Ctrl+C
// (SIGINT) leaves no process behind.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, test } from 'node:test';
import { chromium } from 'playwright-core';
import { ControlClient } from '../../../emulator/src/controlClient';
import { childEnv } from '../../support/emulatorProcess';
import { ensureExtensionVsix } from '../support/packaging';
import { CHROMIUM, JOURNEYS_DIR, REPO_ROOT, RUNS_DIR } from '../support/paths';
import { stopAll, track } from '../support/processes';
import { CHROMIUM_ARGS } from '../support/session';
import { waitFor } from '../support/waits';

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

void test('npm run demo: one URL, a working workbench, nothing left after Ctrl+C', { timeout: 240_000 }, async () => {
  await ensureExtensionVsix();
  mkdirSync(RUNS_DIR, { recursive: true });
  const scratch = mkdtempSync(join(RUNS_DIR, 'demo-'));
  const demo = spawn(process.execPath, [join(REPO_ROOT, 'out', 'test', 'e2e', 'demo', 'main.js'), '--port', '0', '--state', join(scratch, 'state.json'), '--profile', join(scratch, 'profile')], {
    env: childEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | string>((resolve) => demo.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  // If this test fails midway, the demo is still stopped (SIGINT: its own clean-up path).
  const untrack = track({ label: `demo (pid ${String(demo.pid)})`, stop: async () => void (demo.kill('SIGINT'), await exited) });
  let stderr = '';
  demo.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const stdoutLines: string[] = [];
  createInterface({ input: demo.stdout }).on('line', (line) => stdoutLines.push(line));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const url = await waitFor('the demo to print its URL', () => stdoutLines[0], 180_000, 200).catch((error: Error) => {
      throw new Error(`${error.message}\n--- demo stderr ---\n${stderr}`);
    });
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/\?folder=/);
    const pids = /code-server pid (\d+), emulator pid (\d+)/.exec(stderr);
    assert.ok(pids, `the demo names its processes: ${stderr}`);
    const [codeServerPid, emulatorPid] = [Number(pids[1]), Number(pids[2])];
    const endpoint = /emulator on (http:\/\/\S+)/.exec(stderr)?.[1];
    assert.ok(endpoint);
    const services = Object.values((await new ControlClient(endpoint).state()).regions).flatMap((region) => region.services);
    assert.deepEqual(services.map((service) => service.status).sort(), ['CREATE_FAILED', 'PAUSED', 'RUNNING', 'RUNNING', 'RUNNING']);

    assert.equal((await fetch(url)).status, 200);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'problems.zenml.deployer.yaml' }).waitFor({ timeout: 60_000 });
    mkdirSync(join(JOURNEYS_DIR, 'demo'), { recursive: true });
    await page.screenshot({ path: join(JOURNEYS_DIR, 'demo', '01-workbench.png') });

    demo.kill('SIGINT');
    assert.equal(await exited, 130);
    untrack();
    assert.equal(stdoutLines.length, 1, `exactly one line on stdout: ${JSON.stringify(stdoutLines)}`);
    await waitFor('code-server and its helpers to be gone', () => (alive(codeServerPid, true) ? undefined : true), 10_000);
    assert.equal(alive(emulatorPid), false, 'the emulator is still running');
  } finally {
    await browser.close();
    rmSync(scratch, { recursive: true, force: true });
  }
});
