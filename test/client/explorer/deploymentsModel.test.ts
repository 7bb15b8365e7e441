// The Deployments view's data against the emulator with the real client factory and SDK clients:
// what the top level lists, in which order, with which icons, and how many calls it costs.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { createAwsClients, type AwsClients, type AwsServiceName } from '../../../common/src/aws/clientFactory';
import { pauseService } from '../../../common/src/aws/appRunner';
import { loadRegion, type DeploymentNames } from '../../../client/src/explorer/deploymentsModel';
import { anyBusy, explorerStateOf, labelOf, looksZenmlManaged, type RegionListing } from '../../../client/src/explorer/explorerState';
import { PendingOperations } from '../../../client/src/explorer/pendingOperations';
import { detailRows, tooltipMarkdown } from '../../../client/src/explorer/serviceDetails';
import { timeOf } from '../../../client/src/logs/channelFormat';
import { loadServiceDetails } from '../../../client/src/explorer/serviceDetailsLoader';
import { REGION, TEST_CREDENTIALS, useEmulator, waitFor } from '../../support/emulatorHarness';

const ZENML_TAGS = (name: string, id: string) => ({ 'managed-by': 'zenml', 'zenml-deployment-name': name, 'zenml-deployment-id': id });

void describe('Deployments view model against the emulator', () => {
  const env = useEmulator({ provisioningMs: 200 });
  let calls: string[];
  let clients: AwsClients;

  beforeEach(async () => {
    await env.emulator.control.reset();
    calls = [];
    clients?.destroy();
    clients = createAwsClients(
      { region: REGION, endpoint: env.emulator.url },
      { credentials: TEST_CREDENTIALS, onCall: (service: AwsServiceName, operation: string) => calls.push(`${service}:${operation}`) },
    );
  });

  void it('lists ZenML services first, labelled with their deployment, with status icons; hides the others under the zenml filter', async () => {
    await env.emulator.control.seedServices({
      services: [
        { name: 'legacy-api', status: 'RUNNING' },
        { name: 'zenml-weather-agent-1b6f7f0e', status: 'RUNNING', tags: ZENML_TAGS('weather-agent', '1b6f7f0e-0000-5000-8000-000000000000') },
        { name: 'zenml-fraud-3c9d2e1a', status: 'PAUSED' },
        { name: 'zenml-broken-0a1b2c3d', status: 'CREATE_FAILED' },
      ],
    });
    const names: DeploymentNames = new Map();
    const all = await loadRegion(clients, 'all', names);
    assert.ok('services' in all, 'the region loads');
    assert.deepEqual(
      all.services.map((s) => [labelOf(s), s.name, s.presentation.icon, s.presentation.description, s.contextValue]),
      [
        ['weather-agent', 'zenml-weather-agent-1b6f7f0e', 'pass-filled', 'Running', 'zenmlAppRunner.service.running.zenml'],
        ['zenml-broken-0a1b2c3d', 'zenml-broken-0a1b2c3d', 'error', 'Create failed', 'zenmlAppRunner.service.failed.zenml'],
        ['zenml-fraud-3c9d2e1a', 'zenml-fraud-3c9d2e1a', 'debug-pause', 'Paused', 'zenmlAppRunner.service.paused.zenml'],
        ['legacy-api', 'legacy-api', 'pass-filled', 'Running', 'zenmlAppRunner.service.running'],
      ],
    );
    assert.deepEqual(calls.filter((call) => call !== 'apprunner:ListTagsForResource'), ['apprunner:ListServices']);
    assert.equal(calls.filter((call) => call === 'apprunner:ListTagsForResource').length, 3, 'the tags of each ZenML-named service, once');
    calls.length = 0;
    await loadRegion(clients, 'all', names);
    assert.deepEqual(calls, ['apprunner:ListServices'], 'the next load reads no tag again, and nothing per settled service');
    const zenml = await loadRegion(clients, 'zenml', names);
    assert.ok('services' in zenml);
    assert.equal(zenml.services.length, 3);
    assert.equal(zenml.hidden, 1);
  });

  void it('names the running operation of a busy service with a spinner, and says when all are settled', async () => {
    const [seeded] = await env.emulator.control.seedServices({ services: [{ name: 'zenml-weather-agent-1b6f7f0e' }] });
    await pauseService(clients, seeded.arn);
    const busy = await loadRegion(clients, 'zenml');
    assert.ok('services' in busy);
    assert.equal(busy.services[0].presentation.icon, 'loading~spin');
    assert.equal(busy.services[0].presentation.description, 'Pausing…');
    assert.equal(busy.services[0].contextValue, 'zenmlAppRunner.service.busy.zenml');
    assert.equal(anyBusy([busy]), true);
    const settled = await waitFor(async () => {
      const listing = await loadRegion(clients, 'zenml');
      return anyBusy([listing]) ? undefined : listing;
    }, 'the pause to finish');
    assert.ok('services' in settled);
    assert.equal(settled.services[0].presentation.description, 'Paused');
  });

  void it('follows every page: 45 services in 3 ListServices calls', async () => {
    await env.emulator.control.seedServices({ count: 45, namePrefix: 'svc-' });
    const listing = await loadRegion(clients, 'all');
    assert.ok('services' in listing);
    assert.equal(listing.services.length, 45);
    assert.deepEqual(calls, ['apprunner:ListServices', 'apprunner:ListServices', 'apprunner:ListServices']);
  });

  void it('expanding a service reads its details and the deployment it belongs to', async () => {
    const [seeded] = await env.emulator.control.seedServices({
      services: [{ name: 'zenml-weather-agent-1b6f7f0e', healthCheckPath: '/health', cpu: '2 vCPU', memory: '4 GB', tags: ZENML_TAGS('weather-agent', '1b6f7f0e-aaaa') }],
    });
    const details = await loadServiceDetails(clients, seeded.arn);
    assert.deepEqual(details.deployment, { name: 'weather-agent', id: '1b6f7f0e-aaaa' });
    const rows = detailRows(details, `https://${seeded.url}`);
    assert.deepEqual(
      rows.map((row) => [row.kind, row.description]),
      [
        ['url', `https://${seeded.url}`],
        ['image', `123456789012.dkr.ecr.us-east-1.amazonaws.com/zenml:zenml-weather-agent-1b6f7f0e`],
        ['size', '2 vCPU, 4 GB'],
        ['scaling', rows[3].description],
        ['health', 'HTTP /health'],
        ['operations', 'last 1'],
      ],
    );
    assert.match(rows[3].description ?? '', /^\d+–\d+ instances, \d+ requests each$/);
    assert.equal(rows[5].children?.[0].label, 'CREATE_SERVICE');
    const tooltip = tooltipMarkdown(details, 'Running', `https://${seeded.url}`, 'Last hour: no requests');
    assert.match(tooltip, /^\*\*weather\\-agent\*\* · Running/);
    assert.match(tooltip, /Deployment id: `1b6f7f0e-aaaa`/);
    assert.match(tooltip, /Health: Last hour: no requests/);
    assert.match(tooltip, new RegExp(`\\(https://${seeded.url.replace(/\./g, '\\.')}\\)`));
  });

  void it('reads tags five at a time, taking the next service as soon as one read ends, and names every deployment', async () => {
    const count = 23;
    await env.emulator.control.seedServices({
      services: Array.from({ length: count }, (_, index) => {
        const id = (0x10000000 + index).toString(16);
        return { name: `zenml-agent-${String(index)}-${id}`, tags: ZENML_TAGS(`agent-${String(index)}`, `${id}-0000`) };
      }),
    });
    // One slow answer: in batches of five it would hold up the four reads beside it.
    await env.emulator.control.addFault({ operation: 'ListTagsForResource', kind: 'latency', latencyMs: 400, count: 1 });
    let inFlight = 0;
    let most = 0;
    let slowDone = false;
    let startedWhileSlow = 0;
    clients.appRunner.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName !== 'ListTagsForResourceCommand') return next(args);
        inFlight++;
        most = Math.max(most, inFlight);
        if (!slowDone) startedWhileSlow++;
        const started = Date.now();
        try {
          return await next(args);
        } finally {
          inFlight--;
          if (Date.now() - started >= 350) slowDone = true;
        }
      },
      { step: 'initialize', name: 'countTagReadsInFlight' },
    );
    const names: DeploymentNames = new Map();
    const listing = await loadRegion(clients, 'zenml', names);
    assert.ok('services' in listing);
    assert.equal(most, 5, 'five reads at once, never more');
    assert.deepEqual(listing.services.map(labelOf).sort(), Array.from({ length: count }, (_, index) => `agent-${String(index)}`).sort());
    // The first read was the slow one; the other four readers went through the rest meanwhile.
    assert.ok(startedWhileSlow >= count - 5, `${String(startedWhileSlow)} reads started while the slow one ran`);
  });

  void it('a failed service says why in its details, with Show Logs one click away', async () => {
    const [seeded] = await env.emulator.control.seedServices({ services: [{ name: 'zenml-churn-report-c05b7d9e', status: 'CREATE_FAILED', healthCheckPath: '/health', tags: ZENML_TAGS('churn-report', 'c05b7d9e-0000') }] });
    const details = await loadServiceDetails(clients, seeded.arn);
    assert.ok(details.failure, 'the failure is explained');
    const [first] = detailRows(details, undefined);
    assert.equal(first.kind, 'failure');
    assert.match(first.description ?? '', /Health check failed/);
    assert.equal(first.command, 'zenmlAppRunner.showLogs');
    assert.deepEqual(first.children?.filter((row) => row.kind === 'action').map((row) => row.command), ['zenmlAppRunner.showLogs', 'zenmlAppRunner.searchLogs']);
    const logRows = (first.children ?? []).filter((row) => row.kind === 'logLine' && row.tooltip !== undefined);
    const lines = logRows.map((row) => row.label);
    assert.ok(lines.length > 0, 'the application\'s last lines');
    // Each line's time reads as in the log channel (the machine's time zone, to the millisecond),
    // so a line found here is found there; the tooltip keeps the full ISO time.
    for (const row of logRows) assert.equal(row.description, timeOf(Date.parse(/^\S+/.exec(row.tooltip ?? '')?.[0] ?? '')), row.tooltip);
    // A row reads like the log channel: a JSON event as LEVEL logger: message, no leading indent.
    for (const line of lines) assert.doesNotMatch(line, /^\s|^\{/, line);
    assert.match(tooltipMarkdown(details, 'Create failed', undefined), /Why it failed:\*\* .*Health check failed/);
  });

  void it('an operation the user started shows at once, and a deployment being created has a row before AWS lists it', async () => {
    const [seeded] = await env.emulator.control.seedServices({ services: [{ name: 'zenml-weather-agent-1b6f7f0e', tags: ZENML_TAGS('weather-agent', '1b6f7f0e-0000') }] });
    const listing = await loadRegion(clients, 'zenml');
    const pending = new PendingOperations();
    const endPause = pending.start({ region: REGION, name: 'weather-agent', arn: seeded.arn, description: 'Pausing…' });
    const endCreate = pending.start({ region: REGION, name: 'hello-pipeline', description: 'Creating…' });
    const shown = pending.apply(listing);
    assert.ok('services' in shown);
    assert.deepEqual(shown.services.map((s) => [labelOf(s), s.presentation.description, s.presentation.icon, s.contextValue]), [
      ['hello-pipeline', 'Creating…', 'loading~spin', 'zenmlAppRunner.service.busy.zenml'],
      ['weather-agent', 'Pausing…', 'loading~spin', 'zenmlAppRunner.service.busy.zenml'],
    ]);
    assert.equal(anyBusy([shown]), true);
    endPause();
    endCreate();
    assert.equal(pending.active, false);
    assert.deepEqual(pending.apply(listing), listing);
  });

  void it('tells the welcome views apart: empty region, unreachable endpoint, refused credentials', async () => {
    const empty = await loadRegion(clients, 'zenml');
    assert.equal(explorerStateOf([empty]), 'empty');
    const dead = createAwsClients({ region: REGION, endpoint: 'http://127.0.0.1:9' }, { credentials: TEST_CREDENTIALS, maxAttempts: 1 });
    const refused = createAwsClients({ region: REGION, endpoint: env.emulator.url }, { credentials: { accessKeyId: 'nobody', secretAccessKey: 'x' }, maxAttempts: 1 });
    try {
      const unreachable: RegionListing = await loadRegion(dead, 'zenml');
      assert.ok('error' in unreachable);
      assert.equal(explorerStateOf([unreachable]), 'unreachable');
      assert.match(unreachable.error.message, /cannot reach http:\/\/127\.0\.0\.1:9/);
      const denied = await loadRegion(refused, 'zenml');
      assert.equal(explorerStateOf([denied]), 'noCredentials');
    } finally {
      dead.destroy();
      refused.destroy();
    }
  });

  void it('recognises ZenML service names by the deployment id suffix', () => {
    assert.equal(looksZenmlManaged('zenml-weather_agent-0a1b2c3d'), true);
    assert.equal(looksZenmlManaged('my-api'), false);
    assert.equal(looksZenmlManaged('api-ABCDEF12'), false);
  });
});
