// Show Dashboard in the real VS Code against the Local Sandbox: real requests to the running sample
// become charts (canvas elements in the webview), the range picker reloads them, a refused read
// shows with Retry, and the paused sample says why it has nothing to show. The page runs under a
// strict Content-Security-Policy.
import assert from 'node:assert/strict';
import type { FrameLocator } from 'playwright-core';
import { localServiceUrl } from '../../../emulator/src/server';
import { DeploymentsView } from '../support/deploymentsView';
import { journeys } from '../support/journey';
import { waitForLogChannel } from '../support/logChannel';
import { PRODUCT_CHANNEL } from '../support/paths';
import type { Session } from '../support/session';
import { waitFor } from '../support/waits';
import type { Workbench } from '../support/workbench';

const journey = journeys('dashboard', { sandbox: true });

// The sandbox's sample account (emulator/src/samples.ts).
const WEATHER = 'zenml-weather-agent-3f2a9c1e';
const CHARTS = 9;

/**
 * Requests from "outside" to the running sample, through the sandbox's service route. The sample
 * runs in us-east-1 and eu-west-1 under the same name: both get the same traffic.
 */
async function sendTraffic(session: Session): Promise<void> {
  if (!session.sandboxUrl) throw new Error('this journey needs the Local Sandbox');
  const regions = Object.values((await session.control().state()).regions);
  const samples = regions.flatMap((region) => region.services.filter((service) => service.name === WEATHER));
  assert.equal(samples.length, 2, `the sample ${WEATHER} runs in two regions`);
  for (const sample of samples) {
    const base = localServiceUrl(session.sandboxUrl, sample.url);
    for (let i = 0; i < 20; i++) assert.equal((await fetch(`${base}/health`)).status, 200);
    for (let i = 0; i < 3; i++) assert.equal((await fetch(`${base}/no-such-page`)).status, 404);
    const invoked = await fetch(`${base}/invoke`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"parameters":{"city":"Paris"}}' });
    assert.equal(invoked.status, 200);
    await invoked.arrayBuffer();
  }
}

/** The dashboard's page: VS Code's webview iframe, then the page's own frame inside it. */
function dashboardFrame(workbench: Workbench): FrameLocator {
  return workbench.page.frameLocator('iframe.webview.ready >> visible=true').frameLocator('#active-frame');
}

async function openDashboard(workbench: Workbench, deployment: string, title: RegExp): Promise<FrameLocator> {
  const view = new DeploymentsView(workbench);
  await view.open();
  await view.serviceMenu({ name: deployment }, 'Show Dashboard');
  await workbench.page.locator('.tabs-container .tab.active', { hasText: title }).waitFor({ timeout: 60_000 });
  return dashboardFrame(workbench);
}

async function chartCount(frame: FrameLocator): Promise<number> {
  return frame.locator('.chart canvas').count();
}

void journey('Show Dashboard on a running service draws its charts from real traffic, and the range picker reloads them', async (workbench, session) => {
  await sendTraffic(session);
  // The sandbox's start-up toast would cover the charts in the screenshots.
  await workbench.runCommand('Notifications: Clear All Notifications');
  const frame = await openDashboard(workbench, 'weather-agent', /Dashboard: weather-agent/);
  await waitFor(`${CHARTS} charts in the dashboard`, async () => ((await chartCount(frame)) >= CHARTS ? true : undefined), 60_000);
  const requests = frame.locator('.stat', { hasText: 'Requests' }).locator('.value');
  await waitFor('the summary to count the requests sent', async () => (Number((await requests.innerText()).replace(/,/g, '')) >= 24 ? true : undefined), 30_000);
  await workbench.screenshot('dashboard-charts');

  assert.equal(await frame.locator('#empty').isHidden(), true, 'a service with traffic shows no empty state');
  assert.deepEqual(
    await frame.locator('.chart').evaluateAll((nodes: unknown) => (nodes as { getAttribute(name: string): string | null }[]).map((node) => node.getAttribute('data-metric'))),
    ['Requests', '2xxStatusResponses', '4xxStatusResponses', '5xxStatusResponses', 'RequestLatency', 'ActiveInstances', 'Concurrency', 'CPUUtilization', 'MemoryUtilization'],
  );
  assert.match(await frame.locator('.stat', { hasText: 'Error rate' }).innerText(), /0 %/);
  // The page allows only its own script and styles.
  const csp = await frame.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  // (webview.cspSource: the webview's own origin and VS Code's resource host.)
  assert.match(csp ?? '', /^default-src 'none'; script-src 'nonce-[^']+'; style-src [^;]+ 'nonce-[^']+'; img-src [^;]+ data:$/);
  assert.doesNotMatch(csp ?? '', /unsafe-/);
  await waitForLogChannel(session, PRODUCT_CHANNEL, 'the first paint', /Dashboard first paint for zenml-weather-agent-3f2a9c1e: \d+ ms after Show Dashboard/);

  await frame.locator('button.range', { hasText: '1 d' }).click();
  await frame.locator('button.range[aria-pressed="true"]', { hasText: '1 d' }).waitFor({ timeout: 10_000 });
  await frame.locator('body[data-shown="1d"]:not(.busy)').waitFor({ timeout: 30_000 });
  assert.match(await frame.locator('#meta').innerText(), /one point per 1 min/);
  assert.equal(await chartCount(frame), CHARTS);
  await workbench.screenshot('dashboard-one-day');

  await frame.locator('button.range', { hasText: '1 w' }).click();
  await frame.locator('body[data-shown="1w"]:not(.busy)').waitFor({ timeout: 30_000 });
  assert.match(await frame.locator('#meta').innerText(), /one point per 15 min/, 'a week at 15-minute points stays under 1,440 points a chart');
  await workbench.screenshot('dashboard-one-week');

  // A refused read shows in the panel with the reason and Retry, which reads again.
  const sandbox = session.control();
  await sandbox.addFault({ operation: 'GetMetricData', kind: 'deny' });
  try {
    await frame.locator('#refresh').click();
    const error = frame.locator('#error:not([hidden])');
    await error.waitFor({ timeout: 30_000 });
    assert.match(await error.innerText(), /Access denied for cloudwatch:GetMetricData .*Grant the identity the IAM permission `cloudwatch:GetMetricData`/s);
    await workbench.screenshot('dashboard-error');
  } finally {
    await sandbox.clearFaults();
  }
  await frame.locator('#retry').click();
  await frame.locator('#error[hidden]').waitFor({ state: 'attached', timeout: 30_000 });
  await frame.locator('body:not(.busy)').waitFor({ timeout: 30_000 });
  assert.equal(await chartCount(frame), CHARTS);

  // Show Dashboard again reveals the same panel rather than opening a second.
  await new DeploymentsView(workbench).serviceMenu({ name: 'weather-agent' }, 'Show Dashboard');
  assert.equal(await workbench.page.locator('.tabs-container .tab', { hasText: /Dashboard: weather-agent/ }).count(), 1);
  await workbench.closeTabs(/^Dashboard: /);
});

void journey('the paused sample says it is paused instead of showing empty charts', async (workbench) => {
  const frame = await openDashboard(workbench, 'fraud-scoring', /Dashboard: fraud-scoring/);
  const empty = frame.locator('#empty[data-kind="paused"]');
  await empty.waitFor({ timeout: 60_000 });
  assert.match(await empty.innerText(), /^The service is paused: it serves no requests and runs no instances/);
  assert.match(await frame.locator('.stat', { hasText: 'Requests' }).innerText(), /\b0\b/);
  await workbench.screenshot('dashboard-paused');
  await workbench.closeTabs(/^Dashboard: /);
});
