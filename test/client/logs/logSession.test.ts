// A deployment's channel fed by the shared follower, against the emulator with the real SDK
// clients: found by ZenML's tags, service and application lines with headers, new lines while
// following, Stop Logs said in the channel, and a deploy's stream waiting for its service.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createAwsClients, type AwsClients } from '../../../common/src/aws/clientFactory';
import { serviceLogGroups } from '../../../common/src/logs';
import { resolveDeployment } from '../../../client/src/logs/resolveDeployment';
import { LogSession } from '../../../client/src/logs/logSession';
import { REGION, TEST_CREDENTIALS, useEmulator } from '../../support/emulatorHarness';
import { RecordingWriter } from './support';

const FAST = { minPollMs: 50, maxPollMs: 200, streamRefreshMs: 100, baseBackoffMs: 20, maxBackoffMs: 200 };

function zenmlTags(name: string): Record<string, string> {
  return { 'managed-by': 'zenml', 'zenml-deployment-name': name, 'zenml-deployment-id': '1a2b3c4d-0000-4000-8000-000000000000' };
}

void describe('log channel session', () => {
  const aws = useEmulator();
  const made: AwsClients[] = [];
  const clients = (): AwsClients => {
    const created = createAwsClients({ region: REGION, endpoint: aws.emulator.url }, { credentials: TEST_CREDENTIALS });
    made.push(created);
    return created;
  };
  after(() => made.forEach((created) => created.destroy()));

  void it('shows a seeded deployment\'s service and application lines, new lines while following, and says when Stop Logs stopped it', async () => {
    await aws.emulator.control.seedServices({ services: [{ name: 'zenml-weather-agent-1a2b3c4d', tags: zenmlTags('weather-agent') }] });
    const aws1 = clients();
    const resolution = await resolveDeployment(aws1, { region: REGION, deploymentName: 'weather-agent' });
    assert.ok('found' in resolution, JSON.stringify(resolution));
    const deployment = resolution.found;
    assert.equal(deployment.serviceName, 'zenml-weather-agent-1a2b3c4d');
    const writer = new RecordingWriter();
    const session = new LogSession(deployment, 'all', { client: aws1.logs, writer, scope: 'all', startTime: Date.now() - 60_000, timing: FAST });
    try {
      await writer.until(/\[svc\] \[AppRunner\] Service status is set to RUNNING\./);
      await writer.until(/\[app [0-9a-f]{4}\] INFO: +Application startup complete\./);
      await writer.until(/--- live \(Live Tail\) ---/);
      assert.match(writer.entries[0].message, /^--- weather-agent: service and application logs of zenml-weather-agent-1a2b3c4d in us-east-1, from \d{4}-/);
      const application = serviceLogGroups(deployment.serviceName, deployment.serviceId)[1].name;
      await aws.emulator.control.appendLogs({ logGroupName: application, logStreamName: 'instance/new', messages: ['INFO: GET /invoke 200'] });
      await writer.until(/\[app\] INFO: GET \/invoke 200/);
      assert.equal(session.running, true);
      const end = await session.stop('Stop Logs');
      assert.equal(end.cause, 'aborted');
      assert.equal(session.running, false);
      assert.equal(writer.entries.at(-1)?.message, '--- stopped: Stop Logs ---');
      assert.equal(writer.text().match(/INFO: GET \/invoke 200/g)?.length, 1, 'the appended line once');
    } finally {
      await session.stop('test over');
    }
  });

  void it('names a deployment it cannot find', async () => {
    const resolution = await resolveDeployment(clients(), { region: REGION, deploymentName: 'no-such-deployment' });
    assert.deepEqual(resolution, { missing: "no deployment named 'no-such-deployment' in region us-east-1 (no App Runner service tagged managed-by=zenml, zenml-deployment-name=no-such-deployment)" });
  });

  void it('a deploy\'s stream waits for the service to exist, then follows only App Runner\'s service log', async () => {
    const aws2 = clients();
    const abort = new AbortController();
    const waiting = resolveDeployment(aws2, { region: REGION, deploymentName: 'churn-model' }, { waitForService: true, retryMs: 50, signal: abort.signal });
    const startTime = Date.now() - 5000;
    await aws.emulator.control.seedServices({ services: [{ name: 'zenml-churn-model-2b3c4d5e', tags: zenmlTags('churn-model') }] });
    const resolution = await waiting;
    assert.ok('found' in resolution);
    const writer = new RecordingWriter();
    const session = new LogSession(resolution.found, 'service', { client: aws2.logs, writer, scope: 'service', startTime, timing: FAST });
    try {
      await writer.until(/\[svc\] \[AppRunner\] Service status is set to RUNNING\./);
      await writer.until(/--- live \(Live Tail\) ---/);
      assert.doesNotMatch(writer.text(), /\[app[ \]]/);
      assert.match(writer.entries[0].message, /churn-model: service log of zenml-churn-model-2b3c4d5e/);
    } finally {
      abort.abort();
      await session.stop('the deploy finished');
    }
    assert.equal(writer.entries.at(-1)?.message, '--- stopped: the deploy finished ---');
  });

  void it('a deploy that is cancelled before its service exists stops waiting', async () => {
    const abort = new AbortController();
    const waiting = resolveDeployment(clients(), { region: REGION, deploymentName: 'never-created' }, { waitForService: true, retryMs: 50, signal: abort.signal });
    abort.abort();
    assert.deepEqual(await waiting, { aborted: true });
  });
});
