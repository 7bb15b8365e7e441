// StartLiveTail: the unmodified SDK client parses the emulator's chunked event stream; denied
// identities get AccessDeniedException so the extension's fallback to polling can be tested.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
  StartLiveTailCommand,
  type LiveTailSessionLogEvent,
} from '@aws-sdk/client-cloudwatch-logs';
import { startEmulator } from '../../emulator/src/server';
import { ACCOUNT, clientConfig, errorOf, makeClients, REGION, useEmulator } from '../support/emulatorHarness';

const GROUP = '/aws/apprunner/tail-service/0123456789abcdef0123456789abcdef/application';
const GROUP_ARN = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${GROUP}`;

void describe('CloudWatch Logs Live Tail', () => {
  const t = useEmulator({
    credentials: [
      { accessKeyId: 'test', secretAccessKey: 'test' },
      { accessKeyId: 'AKIDPOLLINGONLY', secretAccessKey: 'polling-secret' },
    ],
    liveTailDenied: ['AKIDPOLLINGONLY'],
  });

  async function prepare(): Promise<void> {
    await t.logs.send(new CreateLogGroupCommand({ logGroupName: GROUP })).catch((error: Error) => {
      if (error.name !== 'ResourceAlreadyExistsException') throw error;
    });
    for (const stream of ['instance/a', 'instance/b']) {
      await t.logs.send(new CreateLogStreamCommand({ logGroupName: GROUP, logStreamName: stream })).catch((error: Error) => {
        if (error.name !== 'ResourceAlreadyExistsException') throw error;
      });
    }
  }

  void it('streams sessionStart, then sessionUpdate events with the matching new events', async () => {
    await prepare();
    const abort = new AbortController();
    const response = await t.logs.send(
      new StartLiveTailCommand({ logGroupIdentifiers: [GROUP_ARN], logStreamNamePrefixes: ['instance/'], logEventFilterPattern: 'INFO' }),
      { abortSignal: abort.signal },
    );
    const received: LiveTailSessionLogEvent[] = [];
    let sessionStarted = false;
    try {
      for await (const event of response.responseStream!) {
        if (event.sessionStart) {
          sessionStarted = true;
          assert.deepEqual(event.sessionStart.logGroupIdentifiers, [GROUP_ARN]);
          assert.equal(event.sessionStart.logEventFilterPattern, 'INFO');
          assert.ok(event.sessionStart.sessionId);
          await t.logs.send(
            new PutLogEventsCommand({
              logGroupName: GROUP,
              logStreamName: 'instance/a',
              logEvents: [{ timestamp: Date.now(), message: 'INFO first' }, { timestamp: Date.now(), message: 'DEBUG hidden' }],
            }),
          );
          await t.emulator.control.appendLogs({ logGroupName: GROUP, logStreamName: 'instance/b', messages: ['INFO second'] });
        }
        if (event.sessionUpdate) {
          assert.equal(event.sessionUpdate.sessionMetadata?.sampled, false);
          received.push(...(event.sessionUpdate.sessionResults ?? []));
          if (received.length >= 2) break;
        }
      }
    } finally {
      abort.abort();
    }
    assert.ok(sessionStarted);
    assert.deepEqual(received.map((e) => `${e.logStreamName}:${e.message}`).sort(), ['instance/a:INFO first', 'instance/b:INFO second']);
    assert.ok(received.every((e) => e.logGroupIdentifier === GROUP_ARN && typeof e.timestamp === 'number' && typeof e.ingestionTime === 'number'));
  });

  void it('refuses identities without logs:StartLiveTail, while polling keeps working for them', async () => {
    await prepare();
    const denied = new CloudWatchLogsClient({ ...clientConfig(t.emulator, { credentials: { accessKeyId: 'AKIDPOLLINGONLY', secretAccessKey: 'polling-secret' } }), disableHostPrefix: true });
    try {
      const error = await errorOf(() => denied.send(new StartLiveTailCommand({ logGroupIdentifiers: [GROUP_ARN] })));
      assert.equal(error.name, 'AccessDeniedException');
      assert.match(error.message, /not authorized to perform: logs:StartLiveTail/);
      await denied.send(new PutLogEventsCommand({ logGroupName: GROUP, logStreamName: 'instance/a', logEvents: [{ timestamp: Date.now(), message: 'polled' }] }));
    } finally {
      denied.destroy();
    }
  });

  void it('validates the session request', async () => {
    await prepare();
    const byName = await errorOf(() => t.logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [GROUP] })));
    assert.equal(byName.name, 'InvalidParameterException');
    const missing = await errorOf(() => t.logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [`${GROUP_ARN}-missing`] })));
    assert.equal(missing.name, 'ResourceNotFoundException');
    const both = await errorOf(() => t.logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [GROUP_ARN], logStreamNames: ['instance/a'], logStreamNamePrefixes: ['instance/'] })));
    assert.equal(both.name, 'InvalidParameterException');
    const tooMany = await errorOf(() => t.logs.send(new StartLiveTailCommand({ logGroupIdentifiers: Array.from({ length: 11 }, () => GROUP_ARN) })));
    assert.equal(tooMany.name, 'InvalidParameterException');
  });

  void it('ends a session after its time limit with SessionTimeoutException (configurable; AWS: 3 hours)', async () => {
    await prepare();
    await t.emulator.control.configure({ liveTailSessionMs: 100 });
    try {
      const response = await t.logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [GROUP_ARN] }));
      const seen: string[] = [];
      const error = await errorOf(async () => {
        for await (const event of response.responseStream!) if (event.sessionStart) seen.push('sessionStart');
      });
      assert.deepEqual(seen, ['sessionStart']);
      assert.equal(error.name, 'SessionTimeoutException');
    } finally {
      await t.emulator.control.configure({ liveTailSessionMs: 3 * 60 * 60 * 1000 });
    }
  });

  void it('drops open sessions mid-stream on request, as a network failure would', async () => {
    await prepare();
    const response = await t.logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [GROUP_ARN] }));
    let started = false;
    const error = await errorOf(async () => {
      for await (const event of response.responseStream!) {
        if (event.sessionStart) {
          started = true;
          assert.equal(await t.emulator.control.dropLiveTailSessions(), 1);
        }
      }
    });
    assert.ok(started);
    assert.notEqual(error.name, 'SessionTimeoutException');
    assert.equal(await t.emulator.control.dropLiveTailSessions(), 0, 'the dropped session is no longer open');
  });

  void it('ends open sessions when the emulator stops', async () => {
    const emulator = await startEmulator({ port: 0, liveTailFlushMs: 20, appLogIntervalMs: 0 });
    const { logs } = makeClients(emulator);
    try {
      await logs.send(new CreateLogGroupCommand({ logGroupName: '/stop/test' }));
      const response = await logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [`arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/stop/test`] }));
      const events: string[] = [];
      const consumed = (async () => {
        for await (const event of response.responseStream!) events.push(Object.keys(event).find((key) => key !== '$unknown') ?? '');
      })();
      await emulator.stop();
      await consumed.catch(() => undefined);
      assert.equal(events[0], 'sessionStart');
    } finally {
      logs.destroy();
      await emulator.stop();
    }
  });
});
