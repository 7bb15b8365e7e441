// The Deployments view and its actions in the real VS Code against the Local Sandbox: sample services
// with their icons, a busy service settling without a manual refresh, deploy from the palette,
// invoke, and delete with confirmation leaving nothing behind.
import assert from 'node:assert/strict';
import { AppRunnerClient, ResumeServiceCommand } from '@aws-sdk/client-apprunner';
import { ControlClient } from '../../../emulator/src/controlClient';
import { DeploymentsView } from '../support/deploymentsView';
import { waitForLogChannel } from '../support/logChannel';
import { journeys } from '../support/journey';
import type { Session } from '../support/session';
import { waitFor } from '../support/waits';

// The Local Sandbox's credentials, for this file's own calls to it.
const SANDBOX_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

const journey = journeys('deployments', { sandbox: true });

// The sandbox's sample account (emulator/src/samples.ts).
const WEATHER = 'zenml-weather-agent-3f2a9c1e';
const FRAUD = 'zenml-fraud-scoring-a81c5e02';
const CHURN = 'zenml-churn-report-c05b7d9e';

function control(session: Session): ControlClient {
  if (!session.sandboxUrl) throw new Error('this journey needs the Local Sandbox');
  return new ControlClient(session.sandboxUrl);
}

/** A deployment made by the engine gets a fresh id: its service name is `zenml-<name>-<8 hex>`. */
const HELLO = 'zenml-hello-pipeline-';

void journey('the Deployments view lists the sample services with an icon per status', async (workbench) => {
  const view = new DeploymentsView(workbench);
  await view.open();
  const weather = await view.waitForRow('weather-agent running', (row) => row.label.startsWith(`${WEATHER}, Running`));
  await workbench.screenshot('seeded-services');
  const rows = await view.rows();
  const find = (name: string) => rows.find((row) => row.label.startsWith(name));
  assert.ok(weather.icons.includes('pass-filled'), `running icon: ${JSON.stringify(weather)}`);
  assert.ok(find(`${FRAUD}, Paused`)?.icons.includes('debug-pause'), 'paused icon');
  assert.ok(find(`${CHURN}, Create failed`)?.icons.includes('error'), 'failed icon');
  assert.equal(find('legacy-api'), undefined, 'services ZenML did not make are filtered out by default');
  assert.ok(rows.some((row) => /us-east-1/.test(row.text)), 'grouped under the region');
});

void journey('a service in progress turns to running without a manual refresh', async (workbench, session) => {
  const emulator = control(session);
  await emulator.configure({ provisioningMs: 6000 });
  const [fraud] = (await emulator.state()).regions['us-east-1'].services.filter((service) => service.name === FRAUD);
  const sdk = new AppRunnerClient({ endpoint: session.sandboxUrl, region: 'us-east-1', credentials: SANDBOX_CREDENTIALS });
  try {
    await sdk.send(new ResumeServiceCommand({ ServiceArn: fraud.arn }));
  } finally {
    sdk.destroy();
  }
  const view = new DeploymentsView(workbench);
  await view.open();
  await workbench.runCommand('ZenML App Runner: Refresh');
  const busy = await view.waitForRow('fraud-scoring resuming', (row) => row.label.startsWith(`${FRAUD}, Resuming…`), 30_000);
  await workbench.screenshot('resuming-with-spinner');
  assert.ok(busy.icons.includes('loading'), `spinner icon: ${JSON.stringify(busy)}`);
  await view.waitForRow('fraud-scoring running (polled, no refresh clicked)', (row) => row.label.startsWith(`${FRAUD}, Running`), 60_000);
  await workbench.screenshot('running-after-polling');
  await emulator.configure({ provisioningMs: 500 });
});

void journey('deploy a new file from the palette: plan, confirm, progress, the service appears and runs', async (workbench, session) => {
  const view = new DeploymentsView(workbench);
  await workbench.runCommand('ZenML App Runner: Create Sample Config');
  await workbench.page.locator('.tabs-container .tab.active', { hasText: 'zenml.deployer.yaml' }).waitFor();
  await workbench.screenshot('sample-created');
  await workbench.runCommand('ZenML App Runner: Deploy');
  const question = await view.answerDialog(/Deploy hello-pipeline to us-east-1\?/, 'Deploy');
  assert.match(question, /the plan is open beside the editor/);
  await workbench.page.locator('.tabs-container .tab', { hasText: 'Untitled' }).first().waitFor();
  const done = await view.notification(/Deployed hello-pipeline: RUNNING at https:\/\//);
  await workbench.screenshot('deployed-notification');
  assert.match(done, /Open URL/);
  assert.match(done, /Show Logs/);
  // While it waited, the deploy streamed App Runner's service log into the deployment's channel.
  const serviceLog = await waitForLogChannel(session, 'App Runner: hello-pipeline', 'the service log of the deploy', /stopped: the deploy has finished/);
  assert.match(serviceLog, /\[svc\] \[AppRunner\] Service status is set to RUNNING\./);
  await view.open();
  const row = await view.waitForRow('the new service running', (candidate) => candidate.label.startsWith(HELLO) && candidate.label.endsWith(', Running'));
  await workbench.screenshot('new-service-running');
  assert.ok(row.icons.includes('pass-filled'));
  const services = (await control(session).state()).regions['us-east-1'].services.filter((service) => service.name.startsWith(HELLO));
  assert.equal(services.length, 1);
});

void journey('invoke a running deployment from its context menu and read the JSON answer', async (workbench) => {
  const view = new DeploymentsView(workbench);
  await view.open();
  await view.contextMenu(HELLO, 'Invoke…');
  await view.answerInput('{"city": "Paris"}');
  const text = await waitFor('the invoke answer in an editor', async () => {
    const shown = (await workbench.editorText()).join('\n');
    return shown.includes('"echo"') ? shown : undefined;
  }, 60_000);
  await workbench.screenshot('invoke-answer');
  assert.match(text, /"city": "Paris"/);
});

void journey('delete from the context menu after confirmation leaves no secret or scaling configuration', async (workbench, session) => {
  const view = new DeploymentsView(workbench);
  await view.open();
  await view.contextMenu(HELLO, 'Delete…');
  const question = await view.answerDialog(new RegExp(`Delete ${HELLO}[0-9a-f]{8}\\?`), 'Delete');
  assert.match(question, /cannot be undone/);
  await view.notification(/Deleted hello-pipeline/);
  await view.waitForNoRow('the deleted service', (row) => row.label.startsWith(HELLO));
  await workbench.screenshot('deleted');
  const region = (await control(session).state()).regions['us-east-1'];
  assert.deepEqual(region.services.filter((service) => service.name.startsWith(HELLO) && service.status !== 'DELETED'), []);
  assert.deepEqual(region.secrets.filter((secret) => secret.name.includes('hello-pipeline') && !secret.scheduledForDeletion), []);
  assert.deepEqual(region.autoScalingConfigurations.filter((config) => config.name.includes('hello-pipeline') && config.status === 'ACTIVE'), []);
});
