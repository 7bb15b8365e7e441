// Search Logs without VS Code: the search against the emulator with the real client factory, the
// results document's text (times, sources, JSON pretty-printed under its time, the header), the
// custom time range and the recent patterns.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createAwsClients, type AwsClients } from '../../../common/src/aws/clientFactory';
import { FilterPatternError, serviceLogGroups, type LogLine } from '../../../common/src/logs';
import { MAX_RECENT_PATTERNS, parseCustomRange, RANGE_CHOICES, recentPatterns, rememberPattern, RECENT_PATTERNS_KEY, type PatternStore } from '../../../client/src/logs/searchInputs';
import { formatSearchLine, noMatchMessage, runSearch, searchDocumentText, type SearchRequest } from '../../../client/src/logs/searchResults';
import { REGION, TEST_CREDENTIALS, useEmulator } from '../../support/emulatorHarness';

const line = (message: string, timestamp = Date.UTC(2026, 11, 1, 9, 30)): LogLine => ({ timestamp, source: 'application', logGroupName: 'g', logStreamName: 'instance/a', message });

void describe('Search Logs: results document', () => {
  void it('prints each line with its time and source; JSON events pretty-printed, indented under their time', () => {
    assert.equal(formatSearchLine(line('INFO:     started\n')), '2026-12-01T09:30:00.000Z [application instance/a] INFO:     started');
    assert.equal(
      formatSearchLine(line('{"level":"ERROR","message":"step failed","ctx":{"run":7}}')),
      ['2026-12-01T09:30:00.000Z [application instance/a]', '    {', '      "level": "ERROR",', '      "message": "step failed",', '      "ctx": {', '        "run": 7', '      }', '    }'].join('\n'),
    );
    assert.equal(formatSearchLine(line('{not json}')), '2026-12-01T09:30:00.000Z [application instance/a] {not json}');
    assert.equal(formatSearchLine(line('Traceback:\n  File "x"')), '2026-12-01T09:30:00.000Z [application instance/a] Traceback:\n      File "x"');
  });

  const request: SearchRequest = {
    deployment: { region: 'us-east-1', displayName: 'weather-agent', serviceName: 'zenml-weather-agent-3f2a9c1e', serviceId: 'x' },
    filterPattern: '{ $.level = "ERROR" }',
    startTime: Date.UTC(2026, 11, 1, 9),
    endTime: Date.UTC(2026, 11, 1, 10),
  };

  void it('heads the document with the deployment, the pattern, the range and the count; says when there is more', () => {
    const text = searchDocumentText(request, { lines: [line('ERROR one')], truncated: false, pages: 2, missingGroups: [] });
    assert.equal(
      text,
      [
        '# weather-agent: zenml-weather-agent-3f2a9c1e in us-east-1',
        '# pattern: { $.level = "ERROR" }',
        '# from 2026-12-01T09:00:00.000Z to 2026-12-01T10:00:00.000Z: 1 match in the service and application logs',
        '',
        '2026-12-01T09:30:00.000Z [application instance/a] ERROR one',
        '',
      ].join('\n'),
    );
    const capped = searchDocumentText({ ...request, filterPattern: '' }, { lines: [line('a'), line('b')], truncated: true, pages: 9, missingGroups: ['app'] });
    assert.match(capped, /^# pattern: \(none: every line\)$/m);
    assert.match(capped, /2 matches in the service log \(the application has written no log yet\)$/m);
    assert.match(capped, /^# Showing the first 2 matches \(up to 2026-12-01T09:30:00\.000Z\); more results: narrow the pattern or the time range\.$/m);
    assert.equal(noMatchMessage(request), 'No log lines match { $.level = "ERROR" } for weather-agent (us-east-1) from 2026-12-01T09:00:00.000Z to 2026-12-01T10:00:00.000Z.');
  });
});

void describe('Search Logs: inputs', () => {
  void it('offers the documented ranges and reads a custom one', () => {
    assert.deepEqual(RANGE_CHOICES.map((choice) => choice.label), ['Last 15 minutes', 'Last hour', 'Last 3 hours', 'Last 12 hours', 'Last day', 'Last week', 'Custom range…']);
    const now = Date.UTC(2026, 11, 1, 12);
    assert.deepEqual(parseCustomRange('2026-12-01T09:00:00Z 2026-12-01T10:00:00Z', now), { startTime: Date.UTC(2026, 11, 1, 9), endTime: Date.UTC(2026, 11, 1, 10) });
    assert.deepEqual(parseCustomRange('2026-12-01T09:00:00Z', now), { startTime: Date.UTC(2026, 11, 1, 9), endTime: now });
    assert.deepEqual(parseCustomRange('3h to 1h', now), { startTime: now - 3 * 3_600_000, endTime: now - 3_600_000 });
    assert.deepEqual(parseCustomRange('2h..30m', now), { startTime: now - 7_200_000, endTime: now - 1_800_000 });
    assert.match((parseCustomRange('yesterday', now) as { error: string }).error, /'yesterday' is neither an ISO time/);
    assert.match((parseCustomRange('1h 3h', now) as { error: string }).error, /ends .* before it starts/);
    assert.match((parseCustomRange('', now) as { error: string }).error, /Type a start/);
  });

  void it('keeps a few recent patterns, newest first, once each', async () => {
    const values = new Map<string, unknown>();
    const store: PatternStore = { get: <T>(key: string) => values.get(key) as T | undefined, update: (key, value) => Promise.resolve(void values.set(key, value)) };
    assert.deepEqual(recentPatterns(store), []);
    await rememberPattern(store, 'ERROR');
    await rememberPattern(store, '{ $.level = "ERROR" }');
    await rememberPattern(store, 'ERROR');
    await rememberPattern(store, '   ');
    assert.deepEqual(recentPatterns(store), ['ERROR', '{ $.level = "ERROR" }']);
    for (let i = 0; i < 20; i++) await rememberPattern(store, `p${i}`);
    assert.equal(recentPatterns(store).length, MAX_RECENT_PATTERNS);
    assert.equal(recentPatterns(store)[0], 'p19');
    values.set(RECENT_PATTERNS_KEY, 'corrupt');
    assert.deepEqual(recentPatterns(store), []);
  });
});

void describe('Search Logs: against the emulator', () => {
  const t = useEmulator();
  let clients: AwsClients;
  before(() => {
    clients = createAwsClients({ region: REGION, endpoint: t.emulator.url }, { credentials: TEST_CREDENTIALS });
  });
  after(() => clients?.destroy());

  void it('finds only the matching lines of a deployment and makes the document of them', async () => {
    const [service] = await t.emulator.control.seedServices({ services: [{ name: 'zenml-search-7a7a7a7a', tags: { 'managed-by': 'zenml', 'zenml-deployment-name': 'search' } }] });
    const application = serviceLogGroups(service.name, service.id)[1].name;
    const start = Date.now() - 60_000;
    await t.emulator.control.appendLogs({ logGroupName: application, logStreamName: 'instance/s', startTime: start, stepMs: 1000, messages: ['{"level":"INFO","message":"ok"}', '{"level":"ERROR","message":"bad","code":500}', 'ERROR plain'] });
    const request: SearchRequest = { deployment: { region: REGION, displayName: 'search', serviceName: service.name, serviceId: service.id }, filterPattern: '{ $.level = "ERROR" }', startTime: start - 1000, endTime: Date.now() };
    const progress: number[] = [];
    const result = await runSearch(clients, request, new AbortController().signal, undefined, (matches) => progress.push(matches));
    assert.deepEqual(result.lines.map((found) => found.message), ['{"level":"ERROR","message":"bad","code":500}']);
    assert.deepEqual(progress, [1]);
    const text = searchDocumentText(request, result);
    assert.match(text, /\n\d{4}-\d\d-\d\dT[\d:.]+Z \[application instance\/s\]\n {4}\{\n {6}"level": "ERROR",\n {6}"message": "bad",\n {6}"code": 500\n {4}\}\n$/);
    assert.doesNotMatch(text, /ERROR plain|"ok"/);
    await assert.rejects(runSearch(clients, { ...request, filterPattern: '{ $.level = ERROR' }, new AbortController().signal), FilterPatternError);
  });
});
