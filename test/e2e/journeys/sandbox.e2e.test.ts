// A new user without AWS credentials: the Deployments view explains what to do, and the Local
// Sandbox (the bundled emulator, started from the welcome view) shows sample deployments.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DeploymentsView } from '../support/deploymentsView';
import { journeys } from '../support/journey';
import { RUNS_DIR } from '../support/paths';

// No credentials anywhere the SDK looks (code-server inherits this environment).
for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE']) delete process.env[name];
process.env.AWS_CONFIG_FILE = join(RUNS_DIR, 'no-such-aws-config');
process.env.AWS_SHARED_CREDENTIALS_FILE = join(RUNS_DIR, 'no-such-aws-credentials');
process.env.AWS_EC2_METADATA_DISABLED = 'true';

// An endpoint that answers, so the only thing missing is credentials.
const journey = journeys('sandbox', { emulator: true, settings: { 'zenmlAppRunner.regions': ['us-east-1'] } });

void journey('with no credentials the welcome view explains what to do, and the Local Sandbox shows sample deployments', async (workbench) => {
  const view = new DeploymentsView(workbench);
  await view.open();
  const welcome = await view.welcomeText();
  await workbench.screenshot('no-credentials-welcome');
  assert.match(welcome, /No usable AWS credentials/);
  assert.match(welcome, /Select AWS Profile/);
  await view.pane.getByRole('button', { name: 'Start Local Sandbox' }).click();
  await view.waitForService({ name: 'weather-agent' }, 'Running', 90_000);
  await workbench.screenshot('sandbox-samples');
  await view.waitForService({ name: 'fraud-scoring' }, 'Paused');
  await view.waitForService({ name: 'weather-agent', region: 'eu-west-1' }, 'Running');
  assert.match(await workbench.page.locator('.statusbar').innerText(), /Local Sandbox/);
  await workbench.runCommand('ZenML App Runner: Stop Local Sandbox');
  await view.welcomeText();
  await workbench.screenshot('sandbox-stopped');
});
