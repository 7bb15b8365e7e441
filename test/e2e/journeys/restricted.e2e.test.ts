// Restricted mode: a folder the user has not trusted. Our extension declares limited support for
// untrusted workspaces, so checking a settings file must still work there.
import assert from 'node:assert/strict';
import { DeploymentsView } from '../support/deploymentsView';
import { journeys } from '../support/journey';

const journey = journeys('restricted', { trusted: false });

void journey('in restricted mode (workspace not trusted) diagnostics still appear', async (workbench) => {
  await workbench.screenshot('trust-question');
  await workbench.page.getByRole('button', { name: "No, I don't trust the authors" }).click();
  await workbench.page.locator('.monaco-dialog-box').waitFor({ state: 'detached' });
  await workbench.openFile('problems.zenml.deployer.yaml');
  const problems = await workbench.waitForProblems('the tcp enum error', (rows) => rows.some((row) => row.code === 'schema.enum'));
  await workbench.screenshot('restricted-problems');
  assert.ok(problems.some((row) => row.code === 'resources.cpu-memory-pair'));
  assert.match(await workbench.page.locator('.monaco-workbench').innerText(), /Restricted Mode/);
});

void journey('in restricted mode deploy is disabled and the Deployments view says why', async (workbench) => {
  await workbench.openFile('zenml.deployer.yaml');
  await workbench.page.locator('.tabs-container .tab.active', { hasText: 'zenml.deployer.yaml' }).waitFor();
  // No Deploy button in the editor title, no Deploy in the palette.
  assert.equal(await workbench.page.locator('.editor-actions [aria-label^="Deploy"]').count(), 0);
  await workbench.page.keyboard.press('F1');
  const input = workbench.page.locator('.quick-input-widget input');
  await input.fill('>ZenML App Runner: Deploy');
  await workbench.page.locator('.quick-input-list').waitFor();
  const offered = await workbench.page.locator('.quick-input-list .monaco-list-row').allInnerTexts();
  await workbench.screenshot('palette-without-deploy');
  assert.ok(!offered.some((row) => /ZenML App Runner: Deploy\b/.test(row)), `the palette offers ${JSON.stringify(offered)}`);
  await workbench.escape();
  const view = new DeploymentsView(workbench);
  await view.open();
  const welcome = await view.welcomeText();
  await workbench.screenshot('deployments-restricted');
  assert.match(welcome, /Restricted Mode/);
  assert.match(welcome, /does not use your AWS credentials/);
});
