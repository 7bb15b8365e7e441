// `node dist/cli.js logs NAME [--follow]` as users run it, against the emulator in a child process:
// lines in time order with their source, new lines while following, Ctrl+C ends it with code 130.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { childEnv, REPO_ROOT, spawnEmulator, type EmulatorProcess } from '../support/emulatorProcess';
import { ControlClient } from '../../emulator/src/controlClient';
import { serviceLogGroups } from '../../common/src/logs';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const NAME = 'weather-agent';

interface Running {
  child: ChildProcess;
  lines: string[];
  stderr: () => string;
  exit: Promise<number | NodeJS.Signals | null>;
  /** Resolves once `count` stdout lines arrived; fails after 15 s with what was seen. */
  waitForLines(count: number): Promise<void>;
}

function runCli(args: string[]): Running {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: childEnv({ AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const waiters: (() => void)[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    for (const wake of waiters.splice(0)) wake();
  });
  const exit = new Promise<number | NodeJS.Signals | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  return {
    child,
    lines,
    stderr: () => stderr,
    exit,
    waitForLines: (count) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${count} lines; got ${JSON.stringify(lines)}; stderr: ${stderr}`)), 15_000);
        const check = (): void => {
          if (lines.length >= count) {
            clearTimeout(timer);
            resolve();
          } else waiters.push(check);
        };
        check();
        void exit.then(() => {
          if (lines.length < count) {
            clearTimeout(timer);
            reject(new Error(`the CLI exited with ${lines.length} of ${count} lines; stderr: ${stderr}`));
          }
        });
      }),
  };
}

void describe('CLI: logs', () => {
  let emulator: EmulatorProcess;
  let control: ControlClient;
  let groups: ReturnType<typeof serviceLogGroups>;
  before(async () => {
    emulator = await spawnEmulator(['--provisioning-ms', '0', '--app-log-interval-ms', '0']);
    control = new ControlClient(emulator.url);
    const [service] = await control.seedServices({
      services: [{ name: 'zenml-weather-agent-1a2b3c4d', tags: { 'managed-by': 'zenml', 'zenml-deployment-name': NAME, 'zenml-deployment-id': '1a2b3c4d-0000-4000-8000-000000000000' } }],
    });
    groups = serviceLogGroups(service.name, service.id);
  });
  after(async () => {
    await emulator?.stop();
  });

  void it('prints both groups in time order and exits 0 without --follow', async () => {
    const run = runCli(['logs', NAME, '--endpoint', emulator.url, '--since', '1h']);
    assert.equal(await run.exit, 0, run.stderr());
    assert.ok(run.lines.length >= 3, run.lines.join('\n'));
    assert.match(run.lines[0], /^\d{4}-\d\d-\d\dT[\d:.]+Z \[service events\] \[AppRunner\] Service creation started\.$/);
    assert.ok(run.lines.some((line) => / \[application instance\/[0-9a-f]{32}\] INFO: {5}Application startup complete\.$/.test(line)));
    const times = run.lines.map((line) => line.slice(0, 24));
    assert.deepEqual(times, [...times].sort());
  });

  void it('--follow prints new lines as they arrive and ends with code 130 on Ctrl+C', async () => {
    const run = runCli(['logs', NAME, '--follow', '--endpoint', emulator.url, '--since', '1h']);
    try {
      await run.waitForLines(3);
      const before = run.lines.length;
      for (let i = 1; i <= 3; i++) {
        await control.appendLogs({ logGroupName: groups[1].name, logStreamName: 'instance/new', messages: [`INFO request ${i}`] });
        await run.waitForLines(before + i);
        assert.match(run.lines.at(-1)!, new RegExp(`\\[application instance/new\\] INFO request ${i}$`));
      }
      run.child.kill('SIGINT');
      assert.equal(await run.exit, 130);
      assert.match(run.stderr(), /logs weather-agent: live \(Live Tail\)/);
      assert.match(run.stderr(), /logs weather-agent: stopped: stopped on request/);
    } finally {
      if (run.child.exitCode === null) run.child.kill('SIGKILL');
    }
  });

  void it('names the deployment it cannot find and exits 1', async () => {
    const run = runCli(['logs', 'no-such-deployment', '--endpoint', emulator.url]);
    assert.equal(await run.exit, 1);
    assert.match(run.stderr(), /no deployment named 'no-such-deployment' in region us-east-1/);
  });
});
