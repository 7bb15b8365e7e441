// The Deployments view and its actions in the real VS Code against the Local Sandbox: sample
// deployments by name with their status and icon, why a failed one failed, a busy service settling
// without a manual refresh, a pause that shows at once, deploy from the palette (plan, confirm,
// progress, the new row revealed), a deploy to a region the view did not list, invoke, and delete
// with confirmation leaving nothing behind.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppRunnerClient, ResumeServiceCommand } from '@aws-sdk/client-apprunner';
import { SAMPLE_CONFIG } from '../../../client/src/samples/sampleConfig';
import { DeploymentsView, type ServiceRef } from '../support/deploymentsView';
import { waitForLogChannel } from '../support/logChannel';
import { journeys } from '../support/journey';
import { UI_TIMEOUT } from '../support/workbench';
import { waitFor } from '../support/waits';

// The Local Sandbox's credentials, for this file's own calls to it.
const SANDBOX_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

const journey = journeys('deployments', { sandbox: true });

// The sandbox's sample account (emulator/src/samples.ts), by deployment name.
const WEATHER: ServiceRef = { name: 'weather-agent' };
const FRAUD: ServiceRef = { name: 'fraud-scoring' };
const CHURN: ServiceRef = { name: 'churn-report' };
const FRAUD_SERVICE = 'zenml-fraud-scoring-a81c5e02';
// What Create Sample Config deploys.
const HELLO: ServiceRef = { name: 'hello-pipeline' };
const TOKYO: ServiceRef = { name: 'tokyo-pipeline', region: 'ap-northeast-1' };


void journey('the Deployments view lists the sample deployments by name, with status and icon', async (workbench) => {
  const view = new DeploymentsView(workbench);
  await view.open();
  const weather = await view.waitForService(WEATHER, 'Running');
  await workbench.screenshot('seeded-services');
  assert.ok(weather.icons.includes('pass-filled'), `running icon: ${JSON.stringify(weather)}`);
  assert.ok((await view.waitForService(FRAUD, 'Paused')).icons.includes('debug-pause'), 'paused icon');
  assert.ok((await view.waitForService(CHURN, 'Create failed')).icons.includes('error'), 'failed icon');
  const rows = await view.rows();
  assert.equal(rows.find((row) => row.text.includes('legacy-api')), undefined, 'services ZenML did not make are hidden by default');
  assert.ok(rows.some((row) => row.level === 1 && row.region === 'us-east-1'), 'grouped under the region');
  // At the side bar's default width the status is read in full, not cut off by an ellipsis.
  const fits = await view.rowLocator(weather).locator('.monaco-icon-label-container').evaluate((node: unknown) => {
    const box = node as { scrollWidth: number; clientWidth: number };
    return box.scrollWidth <= box.clientWidth;
  });
  assert.ok(fits, `"${weather.text}" overflows its row at the default width`);
});

void journey('a failed deployment says why it failed, with its logs one click away', async (workbench) => {
  const view = new DeploymentsView(workbench);
  await view.open();
  await view.expand(CHURN);
  const why = await view.waitForRow('churn-report\'s "Why it failed"', (row) => row.level === 3 && row.text.startsWith('Why it failed'));
  await view.expandRow(why);
  await view.waitForRow('Show Logs under the failure', (row) => row.level === 4 && row.text === 'Show Logs');
  await view.waitForRow('Search Logs… under the failure', (row) => row.level === 4 && row.text === 'Search Logs…');
  await workbench.screenshot('why-it-failed');
});

void journey('a service resumed elsewhere shows Resuming… and turns to Running without a refresh', async (workbench, session) => {
  const emulator = session.control();
  await emulator.configure({ provisioningMs: 6000 });
  const view = new DeploymentsView(workbench);
  await view.open();
  await view.waitForService(FRAUD, 'Paused');
  const [fraud] = (await emulator.state()).regions['us-east-1'].services.filter((service) => service.name === FRAUD_SERVICE);
  const sdk = new AppRunnerClient({ endpoint: session.sandboxUrl, region: 'us-east-1', credentials: SANDBOX_CREDENTIALS });
  try {
    await sdk.send(new ResumeServiceCommand({ ServiceArn: fraud.arn }));
  } finally {
    sdk.destroy();
  }
  await workbench.runCommand('ZenML App Runner: Refresh');
  const busy = await view.waitForService(FRAUD, 'Resuming…', 30_000);
  await workbench.screenshot('resuming-with-spinner');
  assert.ok(busy.icons.includes('loading'), `spinner icon: ${JSON.stringify(busy)}`);
  await view.waitForService(FRAUD, 'Running', 60_000);
  await workbench.screenshot('running-after-polling');
  await emulator.configure({ provisioningMs: 500 });
});

void journey('Pause from the menu: the row says Pausing… before AWS answers, then Paused', async (workbench, session) => {
  const emulator = session.control();
  // AWS takes its time to answer PauseService: the row must not wait for it.
  await emulator.addFault({ operation: 'PauseService', kind: 'latency', latencyMs: 5000, count: 1 });
  const view = new DeploymentsView(workbench);
  await view.open();
  await view.waitForService(FRAUD, 'Running');
  await view.serviceMenu(FRAUD, 'Pause');
  const question = await view.answerDialog(/Pause fraud-scoring\?/, 'Pause');
  assert.match(question, /serves no traffic/);
  const confirmed = Date.now();
  await view.waitForService(FRAUD, 'Pausing…', UI_TIMEOUT);
  const shownAfter = Date.now() - confirmed;
  await workbench.screenshot('pausing');
  console.log(`# Pausing… shown ${String(shownAfter)} ms after Pause was confirmed; AWS answers PauseService 5000 ms after it is sent`);
  await view.notification(/fraud-scoring is paused\./);
  await view.waitForService(FRAUD, 'Paused');
  await emulator.clearFaults();
});

void journey('deploy a new file from the palette: plan, confirm, progress, the new row revealed and running', { timeoutMs: 240_000 }, async (workbench, session) => {
  const emulator = session.control();
  await emulator.configure({ provisioningMs: 4000 });
  const view = new DeploymentsView(workbench);
  await view.open();
  await workbench.runCommand('ZenML App Runner: Create Sample Config');
  // The examples folder has its own zenml.deployer.yaml: the sample goes beside it, not over it.
  await workbench.page.locator('.tabs-container .tab.active', { hasText: 'sample-2.zenml.deployer.yaml' }).waitFor({ timeout: UI_TIMEOUT });
  await workbench.screenshot('sample-created');
  await workbench.runCommand('ZenML App Runner: Deploy');
  const question = await view.answerDialog(/Deploy hello-pipeline to us-east-1\?/, 'Deploy');
  assert.match(question, /the plan is open beside the editor/);
  await workbench.page.locator('.tabs-container .tab', { hasText: 'Deploy Plan' }).first().waitFor({ timeout: UI_TIMEOUT });
  await view.waitForService(HELLO, 'Creating…', UI_TIMEOUT);
  const progress = await view.notification(/Deploying hello-pipeline/, UI_TIMEOUT);
  await workbench.screenshot('deploying');
  assert.doesNotMatch(progress, /arn:/, 'progress speaks of the deployment, not of ARNs');
  const done = await view.notification(/Deployed hello-pipeline: RUNNING at http/);
  await workbench.screenshot('deployed-notification');
  assert.match(done, /Open URL/);
  assert.match(done, /Show Logs/);
  const row = await view.waitForService(HELLO, 'Running');
  assert.ok(row.icons.includes('pass-filled'));
  await view.waitForRow('hello-pipeline revealed (selected)', (candidate) => candidate.level === 2 && candidate.label.startsWith(`${HELLO.name}, `) && candidate.selected, UI_TIMEOUT);
  await workbench.screenshot('new-service-running');
  // The deploy streamed App Runner's service log into the deployment's channel, each line once.
  const serviceLog = await waitForLogChannel(session, 'App Runner: hello-pipeline', 'the service log of the deploy', /stopped: the deploy has finished/);
  assert.equal(serviceLog.match(/Service status is set to RUNNING\./g)?.length, 1, serviceLog);
  const services = (await emulator.state()).regions['us-east-1'].services.filter((service) => service.name.startsWith('zenml-hello-pipeline-'));
  assert.equal(services.length, 1);
  // Its file declares it: the menu offers to open it; fraud-scoring has no file here.
  await view.serviceMenu(HELLO, 'Open zenml.deployer.yaml');
  await workbench.page.locator('.tabs-container .tab.active', { hasText: 'sample-2.zenml.deployer.yaml' }).waitFor({ timeout: UI_TIMEOUT });
  assert.equal(await view.menuOffers(FRAUD, 'Open zenml.deployer.yaml'), false);
  await emulator.configure({ provisioningMs: 500 });
});

void journey('a deploy that AWS rolls back says it failed, never Deployed, and a second Deploy meanwhile is refused', { timeoutMs: 240_000 }, async (workbench, session) => {
  const emulator = session.control();
  await emulator.configure({ provisioningMs: 4000 });
  // The image's tag makes App Runner fail the deployment and roll back; ListOperations, which
  // says how an operation ended, is denied: the outcome must still not read as a success.
  await emulator.addFault({ operation: 'ListOperations', kind: 'deny' });
  const view = new DeploymentsView(workbench);
  await view.open();
  await view.waitForService(HELLO, 'Running');
  const file = 'failing.zenml.deployer.yaml';
  writeFileSync(join(session.workspace, file), SAMPLE_CONFIG.replace('zenml:hello_pipeline', 'zenml:hello_pipeline-fail-deploy'));
  await workbench.openFile(file);
  await workbench.runCommand('ZenML App Runner: Deploy');
  await view.answerDialog(/Deploy hello-pipeline to us-east-1\?/, 'Deploy');
  await view.waitForService(HELLO, 'Deploying…', UI_TIMEOUT);
  // The same deployment again while the first deploy runs: refused, nothing sent.
  await workbench.runCommand('ZenML App Runner: Deploy');
  await view.answerDialog(/Deploy hello-pipeline to us-east-1\?/, 'Deploy');
  await view.notification(/Another deploy of hello-pipeline is in progress in this window/, UI_TIMEOUT);
  const failed = await view.notification(/Deploying hello-pipeline failed/);
  await workbench.screenshot('rolled-back');
  assert.doesNotMatch(failed, /arn:aws:secretsmanager/);
  const toasts = await workbench.page.locator('.notification-toast').allInnerTexts();
  assert.ok(!toasts.some((text) => /Deployed hello-pipeline/.test(text)), `no success is claimed: ${JSON.stringify(toasts)}`);
  await emulator.clearFaults();
  await view.waitForService(HELLO, 'Running');
  const [service] = (await emulator.state()).regions['us-east-1'].services.filter((entry) => entry.name.startsWith('zenml-hello-pipeline-') && entry.status !== 'DELETED');
  assert.equal(service.image, '123456789012.dkr.ecr.us-east-1.amazonaws.com/zenml:hello_pipeline', 'the service still runs the image of the last good deploy');
  assert.equal(service.operations.at(-1)?.status, 'ROLLBACK_SUCCEEDED');
  await emulator.configure({ provisioningMs: 500 });
});

void journey('a deploy to a region the view does not list adds the region and reveals the service', async (workbench, session) => {
  const view = new DeploymentsView(workbench);
  await view.open();
  await view.waitForService(WEATHER, 'Running');
  assert.equal((await view.rows()).some((row) => row.region === TOKYO.region), false);
  const file = 'tokyo.zenml.deployer.yaml';
  writeFileSync(join(session.workspace, file), SAMPLE_CONFIG.replace('name: hello-pipeline', `name: ${TOKYO.name}`).replaceAll('us-east-1', TOKYO.region ?? ''));
  await workbench.openFile(file);
  await workbench.runCommand('ZenML App Runner: Deploy');
  await view.answerDialog(/Deploy tokyo-pipeline to ap-northeast-1\?/, 'Deploy');
  const done = await view.notification(/Deployed tokyo-pipeline: RUNNING/);
  assert.match(done, /now lists ap-northeast-1/);
  await view.waitForService(TOKYO, 'Running');
  await view.waitForRow('tokyo-pipeline revealed in its new region', (row) => row.region === TOKYO.region && row.level === 2 && row.selected, UI_TIMEOUT);
  await workbench.screenshot('new-region');
});

void journey('invoke a running deployment from its context menu: the answer closes without a save prompt', async (workbench) => {
  const view = new DeploymentsView(workbench);
  await view.open();
  await view.serviceMenu(HELLO, 'Invoke…');
  await view.answerInput('{"city": "Paris"}');
  await workbench.page.locator('.tabs-container .tab', { hasText: 'Invoke Answer.json' }).waitFor({ timeout: 60_000 });
  const text = await waitFor('the invoke answer in an editor', async () => {
    const shown = (await workbench.editorText()).join('\n');
    return shown.includes('"echo"') ? shown : undefined;
  }, 60_000);
  await workbench.screenshot('invoke-answer');
  assert.match(text, /"city": "Paris"/);
  await workbench.runCommand('View: Close All Editors');
  await workbench.page.locator('.tabs-container .tab', { hasText: 'Invoke Answer.json' }).waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  assert.equal(await workbench.page.locator('.monaco-dialog-box').count(), 0, 'no save prompt');
});

void journey('delete from the context menu after confirmation leaves no secret or scaling configuration', async (workbench, session) => {
  const view = new DeploymentsView(workbench);
  await view.open();
  await view.serviceMenu(HELLO, 'Delete…');
  const question = await view.answerDialog(/Delete hello-pipeline\?/, 'Delete');
  assert.match(question, /cannot be undone/);
  const done = await view.notification(/Deleted hello-pipeline/);
  assert.doesNotMatch(done, /arn:aws:secretsmanager/, 'the notification names what went, not secret ARNs');
  await view.waitForNoRow('the deleted deployment', (row) => row.level === 2 && row.label.startsWith(`${HELLO.name}, `));
  await workbench.screenshot('deleted');
  const region = (await session.control().state()).regions['us-east-1'];
  assert.deepEqual(region.services.filter((service) => service.name.startsWith('zenml-hello-pipeline-') && service.status !== 'DELETED'), []);
  assert.deepEqual(region.secrets.filter((secret) => secret.name.includes('hello-pipeline') && !secret.scheduledForDeletion), []);
  assert.deepEqual(region.autoScalingConfigurations.filter((config) => config.name.includes('hello-pipeline') && config.status === 'ACTIVE'), []);
});
