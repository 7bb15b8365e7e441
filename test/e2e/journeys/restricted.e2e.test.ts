// Restricted mode: a folder the user has not trusted. Our extension declares limited support for
// untrusted workspaces, so checking a settings file must still work there.
import assert from 'node:assert/strict';
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
