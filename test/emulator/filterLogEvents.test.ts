// FilterLogEvents and StartLiveTail with filter patterns through the real SDK client and the real
// AWS CLI: the same matcher for both, CloudWatch's InvalidParameterException for a pattern it
// cannot read, and paging that stays linear on a large group (fewer events, even none, with a
// nextToken when a call has looked at enough events, as AWS answers).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  FilterLogEventsCommand,
  paginateFilterLogEvents,
  PutLogEventsCommand,
  StartLiveTailCommand,
  type LiveTailSessionLogEvent,
} from '@aws-sdk/client-cloudwatch-logs';
import { FILTER_SCAN_BUDGET } from '../../emulator/src/logs/queries';
import { ControlClient } from '../../emulator/src/controlClient';
import { AwsCli, findAwsCliV2 } from '../support/awsCli';
import { ACCOUNT, errorOf, REGION, useEmulator } from '../support/emulatorHarness';
import { spawnEmulator, type EmulatorProcess } from '../support/emulatorProcess';

const LINES = [
  '{"level":"INFO","logger":"zenml.deployers.server","message":"invocation served","duration_ms":120}',
  '{"level":"ERROR","logger":"zenml.steps","message":"step train failed","duration_ms":4100}',
  'INFO:     10.0.0.7:40000 - "POST /invoke HTTP/1.1" 200 OK',
  'ERROR:    Exception in ASGI application',
  '{"level":"WARNING","logger":"zenml.steps","message":"retrying step","attempt":2}',
];

void describe('FilterLogEvents and Live Tail with filter patterns (SDK)', () => {
  const t = useEmulator();
  const group = '/aws/apprunner/search-service/0123456789abcdef0123456789abcdef/application';

  before(async () => {
    await t.logs.send(new CreateLogGroupCommand({ logGroupName: group }));
    const base = Date.now() - 60_000;
    for (const [i, stream] of ['instance/a', 'instance/b'].entries()) {
      await t.logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: stream }));
      // Interleaved: a holds lines 0, 2, 4 and b lines 1, 3, one millisecond apart.
      const mine = LINES.flatMap((message, n) => (n % 2 === i ? [{ timestamp: base + n, message }] : []));
      await t.logs.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: stream, logEvents: mine }));
    }
  });

  async function filtered(filterPattern: string): Promise<string[]> {
    const answer = await t.logs.send(new FilterLogEventsCommand({ logGroupName: group, filterPattern }));
    return (answer.events ?? []).map((event) => event.message ?? '');
  }

  void it('applies JSON selectors, terms and space-delimited patterns across streams in time order', async () => {
    assert.deepEqual(await filtered('{ $.level = "ERROR" }'), [LINES[1]]);
    assert.deepEqual(await filtered('{ $.logger = "zenml.steps" && $.duration_ms > 1000 }'), [LINES[1]]);
    assert.deepEqual(await filtered('{ $.attempt NOT EXISTS && $.level = *O }'), [LINES[0]]);
    assert.deepEqual(await filtered('ERROR'), [LINES[1], LINES[3]]);
    assert.deepEqual(await filtered('"POST /invoke"'), [LINES[2]]);
    assert.deepEqual(await filtered('?Exception ?retrying'), [LINES[3], LINES[4]]);
    assert.deepEqual(await filtered('[level, client, dash, request, status = 2*, reason]'), [LINES[2]]);
    assert.deepEqual(await filtered('%^ERROR:%'), [LINES[3]]);
  });

  void it('answers InvalidParameterException with CloudWatch\'s message for a pattern it cannot read', async () => {
    const unquoted = await errorOf(() => t.logs.send(new FilterLogEventsCommand({ logGroupName: group, filterPattern: 'POST /invoke' })));
    assert.equal(unquoted.name, 'InvalidParameterException');
    assert.equal(unquoted.message, "Invalid filter pattern: Invalid character(s) in term '/invoke'");
    const braces = await errorOf(() => t.logs.send(new FilterLogEventsCommand({ logGroupName: group, filterPattern: '{ $.level = "ERROR"' })));
    assert.equal(braces.name, 'InvalidParameterException');
    assert.equal(braces.message, "If a filter pattern starts with '{' it must end with '}'");
    const tail = await errorOf(() => t.logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [`arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${group}`], logEventFilterPattern: '{ $.a == 1 }' })));
    assert.equal(tail.name, 'InvalidParameterException');
  });

  void it('Live Tail delivers only the new events that match a JSON selector', async () => {
    const abort = new AbortController();
    const response = await t.logs.send(
      new StartLiveTailCommand({ logGroupIdentifiers: [`arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${group}`], logEventFilterPattern: '{ $.level = "ERROR" || $.level = "WARNING" }' }),
      { abortSignal: abort.signal },
    );
    const received: LiveTailSessionLogEvent[] = [];
    try {
      for await (const event of response.responseStream!) {
        if (event.sessionStart) {
          await t.emulator.control.appendLogs({ logGroupName: group, logStreamName: 'instance/a', messages: [...LINES, '{"level":"ERROR","message":"late"}'] });
        }
        received.push(...(event.sessionUpdate?.sessionResults ?? []));
        if (received.length >= 3) break;
      }
    } finally {
      abort.abort();
    }
    assert.deepEqual(received.map((event) => event.message), [LINES[1], LINES[4], '{"level":"ERROR","message":"late"}']);
  });

  void it('pages a large group linearly: every match once, in order, with pages that may hold none', async () => {
    const big = '/test/filter-budget';
    const count = FILTER_SCAN_BUDGET * 2 + 500;
    const start = Date.now() - 3_600_000;
    // 100,500 events in two streams; one in 1,000 is an error.
    for (const [i, stream] of ['instance/x', 'instance/y'].entries()) {
      await t.emulator.control.appendLogs({ logGroupName: big, logStreamName: stream, count: count / 2, template: 'request {n} served', startTime: start + i, stepMs: 2 });
    }
    await t.emulator.control.appendLogs({ logGroupName: big, logStreamName: 'instance/x', count: 100, template: 'request {n} ERROR', startTime: start + 1000, stepMs: 2000 });
    const pages: number[] = [];
    const messages: string[] = [];
    for await (const page of paginateFilterLogEvents({ client: t.logs }, { logGroupName: big, filterPattern: 'ERROR' })) {
      pages.push(page.events?.length ?? 0);
      messages.push(...(page.events ?? []).map((event) => event.message ?? ''));
    }
    assert.deepEqual(messages, Array.from({ length: 100 }, (_, i) => `request ${i + 1} ERROR`));
    assert.ok(pages.length >= 3, `a search over ${count + 100} events takes several calls: ${JSON.stringify(pages)}`);
    const limited = await t.logs.send(new FilterLogEventsCommand({ logGroupName: big, limit: 3 }));
    assert.equal(limited.events?.length, 3);
    assert.ok(limited.nextToken);
  });
});

void describe('filter patterns through the AWS CLI', () => {
  let emulator: EmulatorProcess;
  let aws: AwsCli;
  const group = '/aws/apprunner/cli-search/0123456789abcdef0123456789abcdef/application';

  before(async () => {
    const binary = await findAwsCliV2();
    emulator = await spawnEmulator(['--port', '0', '--app-log-interval-ms', '0']);
    aws = new AwsCli(binary, emulator.url);
    await new ControlClient(emulator.url).appendLogs({ logGroupName: group, logStreamName: 'instance/cli', messages: LINES });
  });
  after(async () => {
    aws?.dispose();
    await emulator?.stop();
  });

  void it('filter-log-events with a JSON selector, and the CLI shows CloudWatch\'s message for a bad pattern', async () => {
    const matched = await aws.json<{ events: { message: string }[] }>(['logs', 'filter-log-events', '--log-group-name', group, '--filter-pattern', '{ $.level = "ERROR" }']);
    assert.deepEqual(matched.events.map((event) => event.message), [LINES[1]]);
    const delimited = await aws.json<{ events: { message: string }[] }>(['logs', 'filter-log-events', '--log-group-name', group, '--filter-pattern', '[level = ERROR*, ...]']);
    assert.deepEqual(delimited.events.map((event) => event.message), [LINES[3]]);
    const bad = await aws.run(['logs', 'filter-log-events', '--log-group-name', group, '--filter-pattern', 'POST /invoke']);
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /\(InvalidParameterException\).*Invalid filter pattern: Invalid character\(s\) in term '\/invoke'/);
  });
});
