// Log search against the emulator with the real SDK client: FilterLogEvents over both log groups,
// every page, merged in time order; a missing application group, a refused pattern, the result cap,
// a time range, cancellation and a denied read.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { AwsCallError } from '../../../common/src/aws/errors';
import { FilterPatternError, filterLogLines, SearchCancelledError, searchLogs, truncationNote, type SearchOptions, type SearchProgress } from '../../../common/src/logs';
import { serviceLogGroups } from '../../../common/src/logs';
import { FILTER_SCAN_BUDGET } from '../../../emulator/src/logs/queries';
import { useEmulator } from '../../support/emulatorHarness';
import { APPLICATION_GROUP, range, SERVICE, SERVICE_GROUP, write } from './support';

const GROUPS = serviceLogGroups(SERVICE.name, SERVICE.id);
const TARGET = { region: 'us-east-1' };

void describe('log search (FilterLogEvents over both groups)', () => {
  const t = useEmulator();
  beforeEach(() => t.emulator.control.reset());

  const options = (extra: Partial<SearchOptions & { limit: number }> = {}): SearchOptions & { limit?: number } => ({ clients: { logs: t.logs, target: { ...TARGET, endpoint: t.emulator.url } }, groups: GROUPS, startTime: Date.now() - 3_600_000, ...extra });

  void it('finds the matching lines of both groups and all their streams, in time order, each with its source', async () => {
    const start = Date.now() - 60_000;
    await write(t.emulator, SERVICE_GROUP, 'events', ['[AppRunner] Deployment with ID : x failed. Failure reason : boom', '[AppRunner] Service status is set to RUNNING.'], start, 4);
    await write(t.emulator, APPLICATION_GROUP, 'instance/a', ['{"level":"ERROR","message":"first"}', '{"level":"INFO","message":"ok"}'], start + 1, 4);
    await write(t.emulator, APPLICATION_GROUP, 'instance/b', ['plain ERROR line', '{"level":"ERROR","message":"second"}'], start + 2, 4);
    const json = await searchLogs(options({ filterPattern: '{ $.level = "ERROR" }' }));
    assert.deepEqual(json.lines.map((line) => `${line.source} ${line.logStreamName} ${line.message}`), [
      'application instance/a {"level":"ERROR","message":"first"}',
      'application instance/b {"level":"ERROR","message":"second"}',
    ]);
    assert.equal(json.truncated, false);
    assert.deepEqual(json.missingGroups, []);
    const terms = await searchLogs(options({ filterPattern: '?ERROR ?failed' }));
    assert.deepEqual(terms.lines.map((line) => line.message.slice(0, 30)), ['[AppRunner] Deployment with ID', '{"level":"ERROR","message":"fi', 'plain ERROR line', '{"level":"ERROR","message":"se']);
    const times = terms.lines.map((line) => line.timestamp);
    assert.deepEqual(times, [...times].sort((a, b) => a - b));
  });

  void it('treats a missing application group as no lines, not as an error', async () => {
    await write(t.emulator, SERVICE_GROUP, 'events', ['Service creation started.']);
    const result = await searchLogs(options({ filterPattern: 'started' }));
    assert.deepEqual(result.lines.map((line) => line.message), ['Service creation started.']);
    assert.deepEqual(result.missingGroups, [APPLICATION_GROUP]);
  });

  void it("rejects a pattern CloudWatch refuses with CloudWatch's message", async () => {
    await write(t.emulator, SERVICE_GROUP, 'events', ['x']);
    await assert.rejects(searchLogs(options({ filterPattern: 'POST /invoke' })), (error: unknown) => {
      assert.ok(error instanceof FilterPatternError);
      assert.equal(error.message, "Invalid filter pattern: Invalid character(s) in term '/invoke'");
      assert.equal(error.pattern, 'POST /invoke');
      return true;
    });
  });

  void it('stops at the cap and says there is more; exactly the cap is not "more"', async () => {
    const start = Date.now() - 60_000;
    await write(t.emulator, APPLICATION_GROUP, 'instance/a', range('match', 25), start, 2);
    await write(t.emulator, SERVICE_GROUP, 'events', range('match service', 5), start + 1, 2);
    const capped = await searchLogs(options({ filterPattern: 'match', limit: 10 }));
    assert.equal(capped.lines.length, 10);
    assert.equal(capped.truncated, true);
    assert.deepEqual(capped.lines.slice(0, 3).map((line) => line.message), ['match 0', 'match service 0', 'match 1']);
    assert.match(truncationNote(capped) ?? '', /^Showing the first 10 matches \(up to \d{4}-\d\d-\d\dT[\d:.]+Z\); more results: narrow the pattern or the time range\.$/);
    const exact = await searchLogs(options({ filterPattern: 'match', limit: 30 }));
    assert.equal(exact.lines.length, 30);
    assert.equal(exact.truncated, false);
    assert.equal(truncationNote(exact), undefined);
  });

  void it('reads only the time range asked for (both ends inclusive)', async () => {
    const start = Date.now() - 60_000;
    await write(t.emulator, APPLICATION_GROUP, 'instance/a', range('at', 10), start, 1000);
    const result = await searchLogs(options({ startTime: start + 3000, endTime: start + 6000 }));
    assert.deepEqual(result.lines.map((line) => line.message), ['at 3', 'at 4', 'at 5', 'at 6']);
    await assert.rejects(searchLogs(options({ startTime: start, endTime: start - 1 })), RangeError);
  });

  void it('follows every page, empty ones included, and merges two large groups in order', async () => {
    const start = Date.now() - 3_000_000;
    const count = FILTER_SCAN_BUDGET + 5000;
    await t.emulator.control.appendLogs({ logGroupName: APPLICATION_GROUP, logStreamName: 'instance/a', count, template: 'app {n}', startTime: start, stepMs: 2 });
    await t.emulator.control.appendLogs({ logGroupName: SERVICE_GROUP, logStreamName: 'events', count: 10, template: 'service {n}', startTime: start + 1, stepMs: 10_001 });
    const progress: SearchProgress = { pages: 0, missingGroups: [] };
    const lines = [];
    for await (const batch of filterLogLines(options({ startTime: start, filterPattern: '?service ?app' }), progress)) lines.push(...batch);
    assert.equal(lines.length, count + 10);
    const times = lines.map((line) => line.timestamp);
    assert.deepEqual(times, [...times].sort((a, b) => a - b));
    assert.ok(progress.pages >= 3, `pages: ${progress.pages}`);
  });

  void it('is cancelled by its AbortSignal, also in the middle of a call', async () => {
    await write(t.emulator, SERVICE_GROUP, 'events', ['x']);
    await t.emulator.control.addFault({ operation: 'FilterLogEvents', kind: 'latency', latencyMs: 5000 });
    const abort = new AbortController();
    const started = Date.now();
    const search = searchLogs(options({ signal: abort.signal }));
    setTimeout(() => abort.abort(), 100);
    await assert.rejects(search, SearchCancelledError);
    assert.ok(Date.now() - started < 3000, 'the call was cut short');
  });

  void it('names the missing permission when FilterLogEvents is denied', async () => {
    await write(t.emulator, SERVICE_GROUP, 'events', ['x']);
    await t.emulator.control.addFault({ operation: 'FilterLogEvents', kind: 'deny' });
    await assert.rejects(searchLogs(options()), (error: unknown) => {
      assert.ok(error instanceof AwsCallError);
      assert.equal(error.kind, 'access-denied');
      assert.match(error.message, /logs:FilterLogEvents/);
      return true;
    });
  });
});
