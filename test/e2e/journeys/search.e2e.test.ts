// Log search in the real VS Code against the Local Sandbox (the sample account): Search Logs… from a
// deployment's context menu with a JSON selector shows only the matching lines, each with its time
// and the JSON pretty-printed; on the failed sample it finds App Runner's failure reason, in the
// same results editor; a pattern CloudWatch refuses says so with CloudWatch's message and Edit
// Pattern fixes it; no match says so.
import assert from 'node:assert/strict';
import { DeploymentsView } from '../support/deploymentsView';
import { journeys } from '../support/journey';
import type { Session } from '../support/session';
import { waitFor } from '../support/waits';
import { UI_TIMEOUT, type Workbench } from '../support/workbench';

const journey = journeys('search', { sandbox: true });

// The sandbox's sample account (emulator/src/samples.ts).
const WEATHER = 'zenml-weather-agent-3f2a9c1e';
const RESULTS_TAB = 'Log Search.log';


/** Writes lines into the weather-agent's application log, as its server would. */
async function writeWeatherLines(session: Session, stream: string, messages: string[]): Promise<void> {
  const service = (await session.control().state()).regions['us-east-1'].services.find((candidate) => candidate.name === WEATHER);
  if (!service) throw new Error(`the sandbox has no ${WEATHER}`);
  await session.control().appendLogs({ logGroupName: `/aws/apprunner/${service.name}/${service.id}/application`, logStreamName: stream, messages, startTime: Date.now() - 10_000, stepMs: 1000 });
}

/** Types the pattern into Search Logs' pattern box and accepts it. */
async function enterPattern(workbench: Workbench, pattern: string, step: string): Promise<void> {
  const input = workbench.page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await workbench.page.locator('.quick-input-widget', { hasText: 'filter pattern' }).waitFor({ timeout: UI_TIMEOUT });
  await input.fill(pattern);
  await workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'search for this pattern' }).first().waitFor({ timeout: UI_TIMEOUT });
  await workbench.screenshot(step);
  await workbench.page.keyboard.press('Enter');
}

async function pickRange(workbench: Workbench, label: string, step: string): Promise<void> {
  const row = workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
  await row.waitFor({ timeout: UI_TIMEOUT });
  await workbench.screenshot(step);
  await row.click();
}

/** The results editor's text once it holds `expected`. */
async function resultsText(workbench: Workbench, expected: RegExp): Promise<string[]> {
  await workbench.page.locator('.tabs-container .tab.active', { hasText: RESULTS_TAB }).waitFor({ timeout: 90_000 });
  return waitFor(`the results editor to show ${String(expected)}`, async () => {
    const lines = await workbench.editorText();
    return expected.test(lines.join('\n')) ? lines : undefined;
  }, 90_000);
}

void journey('Search Logs… with a JSON selector shows only the matching lines, with their times and the JSON pretty-printed', async (workbench, session) => {
  await writeWeatherLines(session, 'instance/e2e-search', [
    JSON.stringify({ level: 'INFO', logger: 'zenml.deployers.server', message: 'invocation served', duration_ms: 950 }),
    JSON.stringify({ level: 'ERROR', logger: 'zenml.steps', message: 'step fetch_forecast failed', duration_ms: 30012 }),
    'ERROR:    a plain text line that a JSON selector must not match',
    JSON.stringify({ level: 'WARNING', logger: 'zenml.steps', message: 'retrying step fetch_forecast' }),
  ]);
  const view = new DeploymentsView(workbench);
  await view.open();
  await view.serviceMenu({ name: 'weather-agent' }, 'Search Logs…');
  await enterPattern(workbench, '{ $.level = "ERROR" }', 'pattern');
  await pickRange(workbench, 'Last hour', 'range');
  const lines = await resultsText(workbench, /"message": "step fetch_forecast failed"/);
  await workbench.screenshot('results');
  assert.match(lines[0], /^# weather-agent: zenml-weather-agent-3f2a9c1e in us-east-1$/);
  assert.equal(lines[1], '# pattern: { $.level = "ERROR" }');
  assert.match(lines[2], /^# from \S+Z to \S+Z: 1 match in the service and application logs$/);
  const body = lines.slice(4).filter((line) => line.trim() !== '');
  assert.deepEqual(body.slice(1), ['    {', '      "level": "ERROR",', '      "logger": "zenml.steps",', '      "message": "step fetch_forecast failed",', '      "duration_ms": 30012', '    }']);
  assert.match(body[0], /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \[application instance\/e2e-search\]$/);
  assert.equal(await workbench.page.locator('.tabs-container .tab', { hasText: RESULTS_TAB }).count(), 1);
});

void journey("Search Logs… on the failed sample finds App Runner's failure reason, in the same results editor", async (workbench) => {
  const view = new DeploymentsView(workbench);
  await view.open();
  await view.waitForService({ name: 'churn-report' }, 'Create failed');
  await view.serviceMenu({ name: 'churn-report' }, 'Search Logs…');
  await enterPattern(workbench, '?"Failure reason" ?Traceback', 'failure-pattern');
  await pickRange(workbench, 'Last day', 'failure-range');
  const lines = await resultsText(workbench, /Failure reason/);
  await workbench.screenshot('failure-reason');
  const text = lines.join('\n');
  assert.match(text, /^# churn-report: zenml-churn-report-c05b7d9e in us-east-1$/m);
  assert.match(text, /\[application instance\/[0-9a-f]{32}\] ERROR: {4}Traceback \(most recent call last\):/);
  assert.match(text, /\[service events\] \[AppRunner\] Deployment with ID : [0-9a-f-]{36} failed\. Failure reason : Health check failed on protocol `HTTP` \[Path: '\/health'\], \[Port: '8000'\]: the application exited during startup\./);
  const body = lines.slice(4).join('\n');
  assert.ok(body.indexOf('Traceback') < body.indexOf('Failure reason'), 'in time order: the crash, then App Runner\'s verdict');
});

void journey('a pattern CloudWatch refuses shows its message, Edit Pattern fixes it; no match says so', async (workbench) => {
  const view = new DeploymentsView(workbench);
  await view.open();
  await view.serviceMenu({ name: 'weather-agent' }, 'Search Logs…');
  await enterPattern(workbench, 'Pipeline run:', 'refused-pattern');
  await pickRange(workbench, 'Last 15 minutes', 'refused-range');
  const refused = await view.notification(/CloudWatch Logs refused the pattern 'Pipeline run:'/);
  await workbench.screenshot('refused');
  assert.match(refused, /Invalid filter pattern: Invalid character\(s\) in term 'run:'/);
  await workbench.page.locator('.notification-toast', { hasText: 'refused the pattern' }).getByRole('button', { name: 'Edit Pattern' }).click();
  const input = workbench.page.locator('.quick-input-widget input');
  await waitFor('the pattern box to come back with the refused pattern', async () => ((await input.inputValue()) === 'Pipeline run:' ? true : undefined), UI_TIMEOUT);
  await enterPattern(workbench, '"Pipeline run"', 'fixed-pattern');
  await pickRange(workbench, 'Last 15 minutes', 'fixed-range');
  const lines = await resultsText(workbench, /# pattern: "Pipeline run"/);
  await workbench.screenshot('fixed-results');
  assert.ok(lines.slice(4).some((line) => /\[application instance\/[0-9a-f]{32}\] INFO: +Pipeline run \d+ of weather-agent finished/.test(line)), lines.join('\n'));

  await view.serviceMenu({ name: 'weather-agent' }, 'Search Logs…');
  await enterPattern(workbench, 'nothing_matches_this_pattern', 'no-match-pattern');
  await pickRange(workbench, 'Last 15 minutes', 'no-match-range');
  await view.notification(/No log lines match nothing_matches_this_pattern for weather-agent \(us-east-1\)/);
  await workbench.screenshot('no-match');
});
