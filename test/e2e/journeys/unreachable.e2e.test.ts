// An endpoint nobody answers on (a mistyped zenmlAppRunner.endpoint, a proxy that is down): the
// Deployments view says what failed and offers Retry and Open Settings, instead of an empty tree.
import assert from 'node:assert/strict';
import { DeploymentsView } from '../support/deploymentsView';
import { journeys } from '../support/journey';
import { UI_TIMEOUT } from '../support/workbench';

// Credentials are there (code-server passes its environment on); only the endpoint is wrong.
process.env.AWS_ACCESS_KEY_ID = 'test';
process.env.AWS_SECRET_ACCESS_KEY = 'test';
process.env.AWS_EC2_METADATA_DISABLED = 'true';

// Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
const journey = journeys('unreachable', { settings: { 'zenmlAppRunner.endpoint': 'http://127.0.0.1:9', 'zenmlAppRunner.regions': ['us-east-1'] } });

void journey('an unreachable endpoint shows why in the view, with Retry and Open Settings', async (workbench) => {
  const view = new DeploymentsView(workbench);
  await view.open();
  const reason = await view.waitForRow('why the services cannot be listed', (row) => /127\.0\.0\.1:9/.test(row.text), 90_000);
  await workbench.screenshot('unreachable');
  assert.match(reason.text, /cannot reach http:\/\/127\.0\.0\.1:9/);
  assert.ok(reason.icons.includes('error'), JSON.stringify(reason));
  await view.waitForRow('Retry', (row) => row.text === 'Retry');
  const settings = await view.waitForRow('Open Settings', (row) => row.text === 'Open Settings');
  await view.rowLocator(settings).click();
  await workbench.page.locator('.tabs-container .tab.active', { hasText: 'Settings' }).waitFor({ timeout: UI_TIMEOUT });
  await workbench.page.locator('.settings-editor .setting-item', { hasText: 'Endpoint' }).first().waitFor({ timeout: UI_TIMEOUT });
  await workbench.screenshot('settings-opened');
});
