// Live logs in the real VS Code against the emulator: Show Logs on a seeded running deployment
// (picked from the list of the configured region) shows its service and application lines within
// seconds, with the mode in a header and the status bar; a line written to the emulator while
// following appears; Stop Logs stops it and says so. Show Logs on the open zenml.deployer.yaml
// follows that file's deployment. The channel's text is read from the file VS Code writes it to.
import assert from 'node:assert/strict';
import { serviceLogGroups } from '../../../common/src/logs';
import { journeys } from '../support/journey';
import { logChannelText, waitForLogChannel } from '../support/logChannel';
import type { Session } from '../support/session';
import { waitFor } from '../support/waits';
import { UI_TIMEOUT, type Workbench } from '../support/workbench';

// code-server passes its environment to the extension host: the emulator's credentials, as a
// user's shell would hold real ones. Nothing may look for instance credentials on the network.
process.env.AWS_ACCESS_KEY_ID = 'test';
process.env.AWS_SECRET_ACCESS_KEY = 'test';
process.env.AWS_EC2_METADATA_DISABLED = 'true';

const NAME = 'weather-agent';
const CHANNEL = `App Runner: ${NAME}`;
const journey = journeys('logs', { emulator: true, settings: { 'zenmlAppRunner.regions': ['us-east-1'] } });

function zenmlTags(name: string): Record<string, string> {
  return { 'managed-by': 'zenml', 'zenml-deployment-name': name, 'zenml-deployment-id': '1a2b3c4d-0000-4000-8000-000000000000' };
}

const channelText = (session: Session): string => logChannelText(session, CHANNEL);
const waitForChannel = (session: Session, what: string, pattern: RegExp, timeoutMs?: number): Promise<string> => waitForLogChannel(session, CHANNEL, what, pattern, timeoutMs);

async function statusBarText(workbench: Workbench): Promise<string> {
  return (await workbench.page.locator('.statusbar-item', { hasText: NAME }).allInnerTexts()).join(' | ');
}

async function seed(session: Session, name: string): Promise<{ name: string; id: string }> {
  const control = session.control();
  const [service] = await control.seedServices({ services: [{ name: `zenml-${name}-1a2b3c4d`, tags: zenmlTags(name) }] });
  return service;
}

void journey('Show Logs follows a running deployment, shows new lines, and Stop Logs says it stopped', async (workbench, session) => {
  const service = await seed(session, NAME);
  const started = Date.now();
  await workbench.runCommand('ZenML App Runner: Show Logs');
  const row = workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: NAME }).first();
  await row.waitFor({ timeout: UI_TIMEOUT });
  await workbench.screenshot('deployment-picker');
  await row.click();

  await waitForChannel(session, 'service and application lines', /\[svc\] \[AppRunner\] Service status is set to RUNNING\.[\s\S]*\[app [0-9a-f]{4}\] INFO: +Application startup complete\./s);
  const shownAfterMs = Date.now() - started;
  const live = await waitForChannel(session, 'that it is live', /--- live \((Live Tail|polling[^)]*)\) ---/);
  assert.match(live, /--- weather-agent: service and application logs of zenml-weather-agent-1a2b3c4d in us-east-1, from /);
  await waitFor('the status bar to show the deployment and its mode', async () => (/weather-agent: (Live Tail|polling)/.test(await statusBarText(workbench)) ? true : undefined), UI_TIMEOUT);
  await workbench.page.locator('.monaco-editor', { hasText: 'Application startup complete' }).first().waitFor({ timeout: UI_TIMEOUT });
  await workbench.screenshot('following');
  process.stderr.write(`# Show Logs: first service and application lines in the channel ${shownAfterMs} ms after the command\n`);

  const application = serviceLogGroups(service.name, service.id)[1].name;
  await session.control().appendLogs({ logGroupName: application, logStreamName: 'instance/e2e', messages: ['INFO: written while following', JSON.stringify({ level: 'error', logger: 'zenml.serving', message: 'snapshot not found', run: 'nightly 42', timestamp: '2026-12-03T10:00:00Z' })] });
  const written = await waitForChannel(session, 'the lines written while following', /\[app\] INFO: written while following[\s\S]*zenml\.serving/, 30_000);
  // One line per event: its time to the millisecond, a short source, a JSON event readable (no time twice).
  assert.match(written, /^\d\d:\d\d:\d\d\.\d{3} \[app\] ERROR zenml\.serving: snapshot not found {2}run="nightly 42"$/m);
  assert.doesNotMatch(written, /[0-9a-f]{32}/, 'no instance or service ids in full');
  await workbench.page.locator('.monaco-editor', { hasText: 'written while following' }).first().waitFor({ timeout: UI_TIMEOUT });
  await workbench.screenshot('new-line');

  await workbench.runCommand('ZenML App Runner: Stop Logs');
  await waitForChannel(session, 'that Stop Logs stopped it', /--- stopped: Stop Logs ---/, 30_000);
  await waitFor('the status bar item to go away', async () => ((await statusBarText(workbench)) === '' ? true : undefined), UI_TIMEOUT);
  await workbench.page.locator('.monaco-editor', { hasText: 'stopped: Stop Logs' }).first().waitFor({ timeout: UI_TIMEOUT });
  await workbench.screenshot('stopped');
});

void journey("Show Logs in an open zenml.deployer.yaml follows that file's deployment", async (workbench, session) => {
  await workbench.openFile('zenml.deployer.yaml');
  const before = (channelText(session).match(/--- weather-agent: service and application logs/g) ?? []).length;
  await workbench.runCommand('ZenML App Runner: Show Logs');
  await waitForChannel(session, 'a new follow of the file\'s deployment', new RegExp(`(--- weather-agent: service and application logs[\\s\\S]*){${before + 1}}`));
  const resumed = await waitForChannel(session, 'that it is live again', /--- live \([^)]*\) ---(?![\s\S]*--- stopped)/);
  assert.match(resumed, /--- weather-agent: service and application logs of zenml-weather-agent-1a2b3c4d in us-east-1, after its last line \(/);
  assert.equal(resumed.match(/INFO: +Application startup complete\./g)?.length, 1, 'following again shows no line twice');
  await workbench.screenshot('following-from-file');
  await workbench.runCommand('ZenML App Runner: Stop Logs');
  await waitForChannel(session, 'that it stopped', /--- stopped: Stop Logs ---(?![\s\S]*--- live)/);
});
