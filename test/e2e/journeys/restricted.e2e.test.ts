// Restricted mode: a folder the user has not trusted. Our extension declares limited support for
// untrusted workspaces, so checking a settings file must still work there, and nothing it does may
// reach AWS: the user settings point at an emulator that counts every call it gets.
import assert from 'node:assert/strict';
import { DeploymentsView } from '../support/deploymentsView';
import { journeys } from '../support/journey';
import { UI_TIMEOUT, type Workbench } from '../support/workbench';

const journey = journeys('restricted', { trusted: false, emulator: true });


/** The titles the command palette offers for `prefix`. */
async function paletteOffers(workbench: Workbench, prefix: string): Promise<string[]> {
  await workbench.page.keyboard.press('F1');
  const input = workbench.page.locator('.quick-input-widget input');
  await input.fill(`>${prefix}`);
  await workbench.page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: UI_TIMEOUT });
  const rows = await workbench.page.locator('.quick-input-list .monaco-list-row .label-name').allInnerTexts();
  await workbench.escape();
  return rows.map((row) => row.trim());
}

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

void journey('in restricted mode no command, view or editor feature calls AWS', async (workbench, session) => {
  const emulator = session.control();
  await emulator.clearRequestCounts();
  const view = new DeploymentsView(workbench);
  await view.open();
  await view.welcomeText();
  await workbench.openFile('zenml.deployer.yaml');
  await workbench.openFile('problems.zenml.deployer.yaml');
  await workbench.waitForProblems('the problems of problems.zenml.deployer.yaml', (rows) => rows.length > 0);
  const offered = (await paletteOffers(workbench, 'ZenML App Runner: ')).filter((title) => title.startsWith('ZenML App Runner: '));
  console.log(`# the palette offers in Restricted Mode: ${offered.join(' | ')}`);
  assert.ok(offered.length > 0, 'the palette offers the commands that need no AWS');
  for (const title of offered) {
    await workbench.runCommand(title);
    // Whatever the command opened (a dialog, a pick, a notification) is closed before the next.
    await workbench.page.waitForTimeout(500);
    await workbench.escape();
    if (await workbench.page.locator('.monaco-dialog-box').count()) await workbench.page.keyboard.press('Escape');
  }
  await workbench.screenshot('after-every-command');
  const counts = await emulator.requestCounts();
  assert.deepEqual(counts, { total: 0, byTarget: {} }, `calls made in Restricted Mode: ${JSON.stringify(counts.byTarget)}`);
});
