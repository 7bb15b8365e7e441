// `logs NAME --filter PATTERN [--since] [--until] [--json] [--follow]` and `status NAME` for a
// failed service, as users run the bundled CLI against the emulator process.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { serviceLogGroups } from '../../common/src/logs';
import { ControlClient } from '../../emulator/src/controlClient';
import { spawnEmulator, type EmulatorProcess } from '../support/emulatorProcess';
import { runCli } from './support/runCli';

const NAME = 'search-agent';
const FAILED = 'broken-agent';
const tags = (name: string, id: string): Record<string, string> => ({ 'managed-by': 'zenml', 'zenml-deployment-name': name, 'zenml-deployment-id': id });

void describe('CLI: logs --filter and the failed-service explanation', () => {
  let emulator: EmulatorProcess;
  let control: ControlClient;
  let application: string;
  const start = Date.now() - 30 * 60_000;
  const logs = (...args: string[]) => runCli(['logs', ...args, '--region', 'us-east-1', '--endpoint', emulator.url]);

  before(async () => {
    emulator = await spawnEmulator(['--provisioning-ms', '0', '--app-log-interval-ms', '0']);
    control = new ControlClient(emulator.url);
    const [service] = await control.seedServices({
      services: [
        { name: `zenml-${NAME}-1a2b3c4d`, tags: tags(NAME, '1a2b3c4d-0000-4000-8000-000000000000') },
        { name: `zenml-${FAILED}-5e6f7a8b`, status: 'CREATE_FAILED', healthCheckPath: '/health', tags: tags(FAILED, '5e6f7a8b-0000-4000-8000-000000000000') },
      ],
    });
    application = serviceLogGroups(service.name, service.id)[1].name;
    await control.appendLogs({
      logGroupName: application,
      logStreamName: 'instance/search',
      messages: ['{"level":"INFO","message":"served","duration_ms":80}', '{"level":"ERROR","message":"step failed","duration_ms":4100}', 'ERROR plain text line', '{"level":"ERROR","message":"second failure","duration_ms":12}'],
      startTime: start,
      stepMs: 60_000,
    });
  });
  after(async () => {
    await emulator?.stop();
  });

  void it('--filter with a JSON selector prints only the matching lines, in time order', async () => {
    const run = await logs(NAME, '--since', '1h', '--filter', '{ $.level = "ERROR" }');
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 2, run.stdout);
    assert.match(lines[0], /^\d{4}-\d\d-\d\dT[\d:.]+Z \[application instance\/search\] \{"level":"ERROR","message":"step failed","duration_ms":4100\}$/);
    assert.match(lines[1], /second failure/);
    const slow = await logs(NAME, '--since', '1h', '--filter', '{ $.level = "ERROR" && $.duration_ms > 1000 }');
    assert.deepEqual(slow.stdout.trimEnd().split('\n').map((line) => line.replace(/^\S+ /, '')), ['[application instance/search] {"level":"ERROR","message":"step failed","duration_ms":4100}']);
  });

  void it('--filter with terms searches both log groups; no match says so on stderr', async () => {
    const run = await logs(NAME, '--since', '1h', '--filter', '?"plain text" ?"Service status"');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /\[service events\] \[AppRunner\] Service status is set to RUNNING\./);
    assert.match(run.stdout, /\[application instance\/search\] ERROR plain text line/);
    const none = await logs(NAME, '--since', '1h', '--filter', 'nothing_matches_this');
    assert.equal(none.code, 0);
    assert.equal(none.stdout, '');
    assert.match(none.stderr, /no lines match nothing_matches_this from \S+ to \S+/);
  });

  void it('--until ends the range; --json prints the contract shape', async () => {
    const run = await logs(NAME, '--since', new Date(start).toISOString(), '--until', new Date(start + 90_000).toISOString(), '--json');
    assert.equal(run.code, 0, run.stderr);
    const events = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.deepEqual(events.map((event) => event.message), ['{"level":"INFO","message":"served","duration_ms":80}', '{"level":"ERROR","message":"step failed","duration_ms":4100}']);
    assert.deepEqual(Object.keys(events[0]), ['time', 'timestamp', 'source', 'logGroup', 'logStream', 'message']);
    assert.deepEqual(events[0], { time: new Date(start).toISOString(), timestamp: start, source: 'application', logGroup: application, logStream: 'instance/search', message: events[0].message });
  });

  void it('usage errors exit 2 with a clear message', async () => {
    const cases: [string[], RegExp][] = [
      [['--since', 'yesterday'], /--since 'yesterday' is neither a duration \(30s, 10m, 2h, 1d, 1w\) nor an ISO time/],
      [['--until', 'soon'], /--until 'soon' is neither a duration/],
      [['--since', '10m', '--until', '1h'], /--until \S+ is before --since \S+/],
      [['--follow', '--until', '5m'], /--until cannot be used with --follow/],
    ];
    for (const [args, message] of cases) {
      const run = await logs(NAME, ...args);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message);
      assert.match(run.stderr, /Usage: zenml-apprunner logs NAME/);
    }
    const refused = await logs(NAME, '--filter', 'POST /invoke');
    assert.equal(refused.code, 2);
    assert.equal(refused.stderr, "zenml-apprunner logs: CloudWatch Logs refused the filter pattern 'POST /invoke': Invalid filter pattern: Invalid character(s) in term '/invoke'\n");
    const refusedFollow = await logs(NAME, '--follow', '--filter', '{ $.level = ERROR');
    assert.equal(refusedFollow.code, 2);
    assert.match(refusedFollow.stderr, /If a filter pattern starts with '\{' it must end with '\}'/);
  });

  void it('--follow --filter streams only the matching new lines', async () => {
    let sawLive = false;
    const done = runCli(['logs', NAME, '--follow', '--filter', '{ $.level = "ERROR" }', '--since', '1s', '--region', 'us-east-1', '--endpoint', emulator.url], {
      onStderr: (stderr, child) => {
        if (!sawLive && /live \(Live Tail\)/.test(stderr)) {
          sawLive = true;
          void control
            .appendLogs({ logGroupName: application, logStreamName: 'instance/live', messages: ['{"level":"INFO","message":"fine"}', 'ERROR not json', '{"level":"ERROR","message":"live failure"}'] })
            .then(() => setTimeout(() => child.kill('SIGINT'), 2500));
        }
      },
    });
    const run = await done;
    assert.equal(run.code, 130, run.stderr);
    assert.deepEqual(run.stdout.trimEnd().split('\n').map((line) => line.replace(/^\S+ /, '')), ['[application instance/live] {"level":"ERROR","message":"live failure"}']);
  });

  void it("status of a failed deployment shows App Runner's reason and the application's last lines", async () => {
    const run = await runCli(['status', FAILED, '--region', 'us-east-1', '--endpoint', emulator.url]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^broken-agent: CREATE_FAILED$/m);
    assert.match(run.stdout, /^ {2}failure\n {4}CREATE_SERVICE FAILED at \S+: Health check failed on protocol `HTTP` \[Path: '\/health'\], \[Port: '8000'\]: the application exited during startup\.$/m);
    assert.match(run.stdout, /^ {4}last application lines before it:$/m);
    assert.match(run.stdout, /^ {6}\S+ \[application instance\/[0-9a-f]{32}\] ERROR: {4}Application startup failed\. Exiting\.$/m);
    assert.match(run.stdout, /^ {2}more {7}zenml-apprunner logs broken-agent --since \S+ --until \S+$/m);
    const json = await runCli(['status', FAILED, '--json', '--region', 'us-east-1', '--endpoint', emulator.url]);
    const info = JSON.parse(json.stdout) as { failure: { reason: string; operation: { type: string }; applicationLines: { message: string }[]; notes: string[] } };
    assert.equal(info.failure.operation.type, 'CREATE_SERVICE');
    assert.match(info.failure.reason, /exited during startup/);
    assert.ok(info.failure.applicationLines.some((line) => line.message.startsWith('RuntimeError:')));
    const healthy = JSON.parse((await runCli(['status', NAME, '--json', '--region', 'us-east-1', '--endpoint', emulator.url])).stdout) as { failure: unknown };
    assert.equal(healthy.failure, null);
  });
});
