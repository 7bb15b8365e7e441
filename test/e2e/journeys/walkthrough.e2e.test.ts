// The walkthrough (Welcome: Open Walkthrough…) for a new user in an empty workspace: opening it
// only activates the extension, each step's button runs the real command, and steps tick off.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { logChannelText, waitForLogChannel } from '../support/logChannel';
import { journeys } from '../support/journey';
import { PRODUCT_CHANNEL, RUNS_DIR } from '../support/paths';
import { waitFor } from '../support/waits';
import { UI_TIMEOUT, type Workbench } from '../support/workbench';

const EMPTY_WORKSPACE = join(RUNS_DIR, 'empty-workspace');
mkdirSync(EMPTY_WORKSPACE, { recursive: true });

const journey = journeys('walkthrough', { workspace: EMPTY_WORKSPACE });

const TITLE = 'Get Started with ZenML App Runner';

/** Welcome: Open Walkthrough…, then ours in the list; resolves when its steps show. */
async function openWalkthrough(workbench: Workbench): Promise<void> {
  await workbench.runCommand('Welcome: Open Walkthrough...');
  const pick = workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: TITLE }).first();
  await pick.waitFor({ timeout: UI_TIMEOUT });
  await pick.click();
  await step(workbench, 'settingsFile').waitFor({ timeout: UI_TIMEOUT });
}

function step(workbench: Workbench, id: string): Locator {
  return workbench.page.locator(`.getting-started-step[data-step-id="zenml-apprunner-team.zenml-apprunner#gettingStarted#${id}"]`);
}

/** The heading of the step's page (media/walkthrough/*.md), shown in a webview beside the steps. */
function mediaHeading(workbench: Workbench, heading: string): Locator {
  return workbench.page.frameLocator('.getting-started-media iframe').frameLocator('#active-frame').locator('h1', { hasText: heading });
}

/** Expands a step (a click on its title), waits for its page, and clicks one of its buttons. */
async function clickStepButton(workbench: Workbench, id: string, heading: string, button: string): Promise<void> {
  const entry = step(workbench, id);
  if ((await entry.getAttribute('aria-expanded')) !== 'true') await entry.click();
  const link = entry.getByRole('button', { name: button, exact: true });
  await link.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await mediaHeading(workbench, heading).waitFor({ timeout: UI_TIMEOUT });
  await workbench.screenshot(`step-${id}`);
  await link.click();
}

async function waitForTicked(workbench: Workbench, id: string): Promise<void> {
  await waitFor(`the step ${id} to tick off`, async () => ((await step(workbench, id).getAttribute('aria-checked')) === 'true' ? true : undefined), UI_TIMEOUT);
}

void journey('the walkthrough: Create Sample Config opens the new file, Show Problems the Problems view, Start Local Sandbox starts the sandbox', async (workbench, session) => {
  const page = workbench.page;
  await openWalkthrough(workbench);
  await workbench.screenshot('walkthrough');
  const titles = await page.locator('.getting-started-step .step-title').allInnerTexts();
  assert.deepEqual(titles.map((title) => title.trim()), ['Open or create a deployer file', 'See a problem and fix it', 'Start the Local Sandbox', 'Deploy', 'Watch the logs', 'Invoke it', 'Delete it']);
  // Opening it activates the extension (VS Code's onWalkthrough event) and starts nothing.
  await waitFor('the extension to activate for the walkthrough', () => (/_doActivateExtension zenml-apprunner-team\.zenml-apprunner, startup: false, activationEvent: 'onWalkthrough:gettingStarted'/.test(workbench.exthostLogText()) ? true : undefined), UI_TIMEOUT);
  assert.doesNotMatch(logChannelText(session, PRODUCT_CHANNEL), /Local Sandbox/);

  await clickStepButton(workbench, 'settingsFile', 'A deployer file', 'Create Sample Config');
  await page.locator('.tabs-container .tab.active', { hasText: /^zenml\.deployer\.yaml/ }).waitFor({ timeout: UI_TIMEOUT });
  await workbench.editor.locator('.view-lines').waitFor({ timeout: UI_TIMEOUT });
  assert.ok((await workbench.editorText()).some((line) => line.includes('name: hello-pipeline')));
  await workbench.screenshot('sample-config-created');

  // The step ticked off; the walkthrough may have given way to the file: open it again.
  if (!(await step(workbench, 'settingsFile').isVisible())) await openWalkthrough(workbench);
  await waitForTicked(workbench, 'settingsFile');
  await clickStepButton(workbench, 'fixProblem', 'A problem and its fix', 'Show Problems');
  await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await workbench.screenshot('problems-view');

  if (!(await step(workbench, 'startSandbox').isVisible())) await openWalkthrough(workbench);
  await clickStepButton(workbench, 'startSandbox', 'The Local Sandbox', 'Start Local Sandbox');
  await waitForLogChannel(session, PRODUCT_CHANNEL, 'the Local Sandbox started', /Local Sandbox started: endpoint http:\/\/127\.0\.0\.1:\d+, pid \d+/);
  await page.locator('.statusbar', { hasText: 'Local Sandbox' }).waitFor({ timeout: UI_TIMEOUT });
  if (!(await step(workbench, 'startSandbox').isVisible())) await openWalkthrough(workbench);
  await waitForTicked(workbench, 'startSandbox');
  await step(workbench, 'startSandbox').scrollIntoViewIfNeeded();
  await workbench.screenshot('sandbox-started');
});
