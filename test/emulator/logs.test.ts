// CloudWatch Logs through the real SDK client: groups, streams, events and their tokens, and the
// logs App Runner writes for a service.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CreateServiceCommand, DescribeServiceCommand, ListOperationsCommand } from '@aws-sdk/client-apprunner';
import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DeleteLogGroupCommand,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  paginateDescribeLogGroups,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { ACCOUNT, errorOf, REGION, serviceInput, useEmulator, waitFor } from '../support/emulatorHarness';

void describe('CloudWatch Logs', () => {
  const t = useEmulator();

  async function stream(group: string, name: string, messages: string[], start = Date.now() - 60_000): Promise<void> {
    await t.logs.send(new CreateLogGroupCommand({ logGroupName: group })).catch((error: Error) => {
      if (error.name !== 'ResourceAlreadyExistsException') throw error;
    });
    await t.logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: name }));
    if (messages.length > 0) {
      await t.logs.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: name, logEvents: messages.map((message, i) => ({ timestamp: start + i, message })) }));
    }
  }

  void it('creates groups and streams, refusing duplicates and unknown parents', async () => {
    await t.logs.send(new CreateLogGroupCommand({ logGroupName: '/test/groups' }));
    assert.equal((await errorOf(() => t.logs.send(new CreateLogGroupCommand({ logGroupName: '/test/groups' })))).name, 'ResourceAlreadyExistsException');
    await t.logs.send(new CreateLogStreamCommand({ logGroupName: '/test/groups', logStreamName: 'one' }));
    assert.equal((await errorOf(() => t.logs.send(new CreateLogStreamCommand({ logGroupName: '/test/groups', logStreamName: 'one' })))).name, 'ResourceAlreadyExistsException');
    assert.equal((await errorOf(() => t.logs.send(new CreateLogStreamCommand({ logGroupName: '/test/none', logStreamName: 'one' })))).name, 'ResourceNotFoundException');
    const badName = await errorOf(() => t.logs.send(new CreateLogGroupCommand({ logGroupName: 'spaces are bad' })));
    assert.equal(badName.name, 'InvalidParameterException');
    assert.match(badName.message, /at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern/);
    const colon = await errorOf(() => t.logs.send(new CreateLogStreamCommand({ logGroupName: '/test/groups', logStreamName: 'a:b' })));
    assert.equal(colon.name, 'InvalidParameterException');
    const described = await t.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/test/groups' }));
    assert.equal(described.logGroups?.[0].arn, `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/test/groups:*`);
    assert.equal(described.logGroups?.[0].logGroupArn, `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/test/groups`);
    await t.logs.send(new DeleteLogGroupCommand({ logGroupName: '/test/groups' }));
    assert.deepEqual((await t.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/test/groups' }))).logGroups, []);
  });

  void it('pages DescribeLogGroups by name and DescribeLogStreams by last event time', async () => {
    for (let i = 0; i < 7; i++) await t.logs.send(new CreateLogGroupCommand({ logGroupName: `/test/paged/${i}` }));
    const names: string[] = [];
    for await (const page of paginateDescribeLogGroups({ client: t.logs, pageSize: 3 }, { logGroupNamePrefix: '/test/paged/' })) {
      names.push(...page.logGroups!.map((group) => group.logGroupName!));
    }
    assert.deepEqual(names, [0, 1, 2, 3, 4, 5, 6].map((i) => `/test/paged/${i}`));
    const now = Date.now();
    await stream('/test/streams', 'old', ['a'], now - 5000);
    await stream('/test/streams', 'new', ['b'], now - 1000);
    await stream('/test/streams', 'empty', []);
    const byTime = await t.logs.send(new DescribeLogStreamsCommand({ logGroupName: '/test/streams', orderBy: 'LastEventTime', descending: true }));
    assert.deepEqual(byTime.logStreams?.map((s) => s.logStreamName), ['new', 'old', 'empty']);
    assert.equal(byTime.logStreams?.[0].lastEventTimestamp, now - 1000);
    const invalid = await errorOf(() => t.logs.send(new DescribeLogStreamsCommand({ logGroupName: '/test/streams', orderBy: 'LastEventTime', logStreamNamePrefix: 'o' })));
    assert.equal(invalid.name, 'InvalidParameterException');
    const missing = await errorOf(() => t.logs.send(new DescribeLogStreamsCommand({ logGroupName: '/test/none' })));
    assert.equal(missing.name, 'ResourceNotFoundException');
  });

  void it('pages GetLogEvents with tokens as AWS does: the same forward token when nothing is new', async () => {
    const messages = Array.from({ length: 25 }, (_, i) => `line ${i}`);
    await stream('/test/get', 'main', messages);
    const head = await t.logs.send(new GetLogEventsCommand({ logGroupName: '/test/get', logStreamName: 'main', startFromHead: true, limit: 10 }));
    assert.deepEqual(head.events?.map((e) => e.message), messages.slice(0, 10));
    assert.match(head.nextForwardToken!, /^f\/\d+\/s$/);
    assert.match(head.nextBackwardToken!, /^b\/\d+\/s$/);
    const second = await t.logs.send(new GetLogEventsCommand({ logGroupName: '/test/get', logStreamName: 'main', startFromHead: true, limit: 10, nextToken: head.nextForwardToken }));
    assert.deepEqual(second.events?.map((e) => e.message), messages.slice(10, 20));
    const third = await t.logs.send(new GetLogEventsCommand({ logGroupName: '/test/get', logStreamName: 'main', startFromHead: true, nextToken: second.nextForwardToken }));
    assert.deepEqual(third.events?.map((e) => e.message), messages.slice(20));
    const idle = await t.logs.send(new GetLogEventsCommand({ logGroupName: '/test/get', logStreamName: 'main', startFromHead: true, nextToken: third.nextForwardToken }));
    assert.deepEqual(idle.events, []);
    assert.equal(idle.nextForwardToken, third.nextForwardToken, 'no new events: the same token');
    await t.logs.send(new PutLogEventsCommand({ logGroupName: '/test/get', logStreamName: 'main', logEvents: [{ timestamp: Date.now(), message: 'fresh' }] }));
    const fresh = await t.logs.send(new GetLogEventsCommand({ logGroupName: '/test/get', logStreamName: 'main', startFromHead: true, nextToken: idle.nextForwardToken }));
    assert.deepEqual(fresh.events?.map((e) => e.message), ['fresh']);
    assert.notEqual(fresh.nextForwardToken, idle.nextForwardToken);
    // Without startFromHead the newest page comes first; backward tokens walk to older events.
    const tail = await t.logs.send(new GetLogEventsCommand({ logGroupName: '/test/get', logStreamName: 'main', limit: 5 }));
    assert.deepEqual(tail.events?.map((e) => e.message), ['line 21', 'line 22', 'line 23', 'line 24', 'fresh']);
    const older = await t.logs.send(new GetLogEventsCommand({ logGroupName: '/test/get', logStreamName: 'main', limit: 5, nextToken: tail.nextBackwardToken }));
    assert.deepEqual(older.events?.map((e) => e.message), messages.slice(16, 21));
    const bad = await errorOf(() => t.logs.send(new GetLogEventsCommand({ logGroupName: '/test/get', logStreamName: 'main', nextToken: 'x' })));
    assert.equal(bad.name, 'InvalidParameterException');
    const both = await errorOf(() =>
      t.logs.send(new GetLogEventsCommand({ logGroupName: '/test/get', logGroupIdentifier: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/test/get`, logStreamName: 'main' })),
    );
    assert.equal(both.name, 'InvalidParameterException');
    const byArn = await t.logs.send(new GetLogEventsCommand({ logGroupIdentifier: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/test/get`, logStreamName: 'main', limit: 1 }));
    assert.deepEqual(byArn.events?.map((e) => e.message), ['fresh']);
    const tooBig = await errorOf(() => t.logs.send(new GetLogEventsCommand({ logGroupName: '/test/get', logStreamName: 'main', limit: 10_001 })));
    assert.equal(tooBig.name, 'InvalidParameterException');
  });

  void it('orders events by timestamp, honours time ranges and rejects out-of-order batches', async () => {
    const base = Date.now() - 10_000;
    await stream('/test/order', 'main', []);
    await t.logs.send(new PutLogEventsCommand({ logGroupName: '/test/order', logStreamName: 'main', logEvents: [{ timestamp: base + 100, message: 'late' }] }));
    await t.logs.send(new PutLogEventsCommand({ logGroupName: '/test/order', logStreamName: 'main', logEvents: [{ timestamp: base, message: 'early' }] }));
    const all = await t.logs.send(new GetLogEventsCommand({ logGroupName: '/test/order', logStreamName: 'main', startFromHead: true }));
    assert.deepEqual(all.events?.map((e) => e.message), ['early', 'late']);
    const ranged = await t.logs.send(new GetLogEventsCommand({ logGroupName: '/test/order', logStreamName: 'main', startTime: base + 1, endTime: base + 101 }));
    assert.deepEqual(ranged.events?.map((e) => e.message), ['late']);
    const unordered = await errorOf(() =>
      t.logs.send(new PutLogEventsCommand({ logGroupName: '/test/order', logStreamName: 'main', logEvents: [{ timestamp: base + 5, message: 'b' }, { timestamp: base, message: 'a' }] })),
    );
    assert.equal(unordered.name, 'InvalidParameterException');
    const ancient = Date.now() - 15 * 86_400_000;
    const old = await t.logs.send(
      new PutLogEventsCommand({ logGroupName: '/test/order', logStreamName: 'main', logEvents: [{ timestamp: ancient, message: 'ancient' }, { timestamp: ancient + 60_000, message: 'ancient too' }] }),
    );
    assert.deepEqual(old.rejectedLogEventsInfo, { tooOldLogEventEndIndex: 2 });
    const future = await t.logs.send(
      new PutLogEventsCommand({ logGroupName: '/test/order', logStreamName: 'main', logEvents: [{ timestamp: Date.now(), message: 'now' }, { timestamp: Date.now() + 3 * 3_600_000, message: 'future' }] }),
    );
    assert.deepEqual(future.rejectedLogEventsInfo, { tooNewLogEventStartIndex: 1 });
    const stored = await t.logs.send(new GetLogEventsCommand({ logGroupName: '/test/order', logStreamName: 'main', startFromHead: true }));
    assert.deepEqual(stored.events?.map((e) => e.message), ['early', 'late', 'now']);
    const missing = await errorOf(() => t.logs.send(new PutLogEventsCommand({ logGroupName: '/test/order', logStreamName: 'none', logEvents: [{ timestamp: Date.now(), message: 'x' }] })));
    assert.equal(missing.name, 'ResourceNotFoundException');
  });

  void it('filters events across streams by pattern, time and token', async () => {
    const base = Date.now() - 60_000;
    await stream('/test/filter', 'a', ['INFO start', 'ERROR disk full', '{"level":"error","code":500}'], base);
    await stream('/test/filter', 'b', ['INFO other', 'ERROR timeout', 'WARN slow'], base);
    const errors = await t.logs.send(new FilterLogEventsCommand({ logGroupName: '/test/filter', filterPattern: 'ERROR' }));
    assert.deepEqual(errors.events?.map((e) => `${e.logStreamName}:${e.message}`), ['a:ERROR disk full', 'b:ERROR timeout']);
    assert.ok(errors.events?.every((e) => /^\d+$/.test(e.eventId!)));
    const either = await t.logs.send(new FilterLogEventsCommand({ logGroupName: '/test/filter', filterPattern: '?WARN ?timeout' }));
    assert.deepEqual(either.events?.map((e) => e.message), ['ERROR timeout', 'WARN slow']);
    const excluded = await t.logs.send(new FilterLogEventsCommand({ logGroupName: '/test/filter', filterPattern: 'ERROR -disk' }));
    assert.deepEqual(excluded.events?.map((e) => e.message), ['ERROR timeout']);
    const json = await t.logs.send(new FilterLogEventsCommand({ logGroupName: '/test/filter', filterPattern: '{ $.code >= 500 && $.level = "err*" }' }));
    assert.deepEqual(json.events?.map((e) => e.message), ['{"level":"error","code":500}']);
    const phrase = await t.logs.send(new FilterLogEventsCommand({ logGroupName: '/test/filter', filterPattern: '"disk full"', logStreamNames: ['a'] }));
    assert.equal(phrase.events?.length, 1);
    const paged = await t.logs.send(new FilterLogEventsCommand({ logGroupName: '/test/filter', limit: 4 }));
    assert.equal(paged.events?.length, 4);
    const rest = await t.logs.send(new FilterLogEventsCommand({ logGroupName: '/test/filter', limit: 4, nextToken: paged.nextToken }));
    assert.equal(rest.events?.length, 2);
    assert.equal(rest.nextToken, undefined);
    const late = await t.logs.send(new FilterLogEventsCommand({ logGroupName: '/test/filter', startTime: base + 2 }));
    assert.equal(late.events?.length, 2);
    const both = await errorOf(() => t.logs.send(new FilterLogEventsCommand({ logGroupName: '/test/filter', logStreamNames: ['a'], logStreamNamePrefix: 'a' })));
    assert.equal(both.name, 'InvalidParameterException');
    const unreadable = await errorOf(() => t.logs.send(new FilterLogEventsCommand({ logGroupName: '/test/filter', filterPattern: '[ip, user' })));
    assert.equal(unreadable.name, 'InvalidParameterException');
  });

  void it("holds App Runner's service and application logs for a deployed service", async () => {
    const { Service: created } = await t.appRunner.send(new CreateServiceCommand(serviceInput('logging-service')));
    await waitFor(async () => ((await t.appRunner.send(new DescribeServiceCommand({ ServiceArn: created!.ServiceArn }))).Service?.Status === 'RUNNING' ? true : undefined), 'RUNNING');
    const prefix = `/aws/apprunner/logging-service/${created!.ServiceId}`;
    const groups = await t.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: prefix }));
    assert.deepEqual(groups.logGroups?.map((g) => g.logGroupName), [`${prefix}/application`, `${prefix}/service`]);
    const serviceStreams = await t.logs.send(new DescribeLogStreamsCommand({ logGroupName: `${prefix}/service` }));
    const streamNames = serviceStreams.logStreams!.map((s) => s.logStreamName!);
    assert.ok(streamNames.includes('events'));
    assert.ok(streamNames.some((name) => name.startsWith('deployment/')));
    const events = await t.logs.send(new GetLogEventsCommand({ logGroupName: `${prefix}/service`, logStreamName: 'events', startFromHead: true }));
    assert.deepEqual(events.events?.map((e) => e.message)[0], '[AppRunner] Service creation started.');
    assert.ok(events.events?.some((e) => e.message === '[AppRunner] Service status is set to RUNNING.'));
    const app = await t.logs.send(new FilterLogEventsCommand({ logGroupName: `${prefix}/application`, logStreamNamePrefix: 'instance/' }));
    assert.ok(app.events?.some((e) => e.message!.includes('Application startup complete.')));
  });
  void it('leaves what App Runner leaves for a failed deployment: the failure reason and the crashing instance\'s output', async () => {
    const { Service: created } = await t.appRunner.send(new CreateServiceCommand(serviceInput('failing-service', {}, 'v1-fail-deploy')));
    await waitFor(async () => ((await t.appRunner.send(new DescribeServiceCommand({ ServiceArn: created!.ServiceArn }))).Service?.Status === 'CREATE_FAILED' ? true : undefined), 'CREATE_FAILED');
    const { OperationSummaryList: [operation] = [] } = await t.appRunner.send(new ListOperationsCommand({ ServiceArn: created!.ServiceArn }));
    const prefix = `/aws/apprunner/failing-service/${created!.ServiceId}`;
    const events = await t.logs.send(new GetLogEventsCommand({ logGroupName: `${prefix}/service`, logStreamName: 'events', startFromHead: true }));
    const failure = `[AppRunner] Deployment with ID : ${operation.Id} failed. Failure reason : Health check failed on protocol \`HTTP\` [Path: '/health'], [Port: '8000']: the application exited during startup.`;
    assert.ok(events.events?.some((e) => e.message === failure), JSON.stringify(events.events?.map((e) => e.message)));
    const deployment = await t.logs.send(new GetLogEventsCommand({ logGroupName: `${prefix}/service`, logStreamName: `deployment/${operation.Id}`, startFromHead: true }));
    assert.match(deployment.events?.map((e) => e.message).join('\n') ?? '', /Pulling image[\s\S]*Container exit code: 1[\s\S]*exited during startup/);
    const app = await t.logs.send(new FilterLogEventsCommand({ logGroupName: `${prefix}/application` }));
    const output = app.events?.map((e) => e.message ?? '') ?? [];
    assert.match(output.join('\n'), /Traceback[\s\S]*RuntimeError[\s\S]*Application startup failed\. Exiting\./);
    const failedAt = events.events?.find((e) => e.message === failure)?.timestamp ?? 0;
    assert.ok(app.events?.every((e) => (e.timestamp ?? 0) < failedAt), 'the instance printed before App Runner reported the failure');

    const [seeded] = await t.emulator.control.seedServices({ services: [{ name: 'seeded-failure', status: 'CREATE_FAILED', healthCheckPath: '/health' }] });
    const seededEvents = await t.logs.send(new FilterLogEventsCommand({ logGroupName: `/aws/apprunner/seeded-failure/${seeded.id}/service`, filterPattern: '"Failure reason"' }));
    assert.match(seededEvents.events?.[0]?.message ?? '', /Deployment with ID : [0-9a-f-]{36} failed\. Failure reason : Health check failed on protocol `HTTP` \[Path: '\/health'\], \[Port: '8000'\]: the application exited during startup\./);
    const seededApp = await t.logs.send(new FilterLogEventsCommand({ logGroupName: `/aws/apprunner/seeded-failure/${seeded.id}/application`, filterPattern: '{ $.level = "ERROR" }' }));
    assert.equal(seededApp.events?.length, 1);
  });
});
