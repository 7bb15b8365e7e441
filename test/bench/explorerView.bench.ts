// How long the real VS Code takes to show 1,000 App Runner services in the Deployments view (from
// the click on its activity-bar item to the first service row, listing included), beside VS Code's
// own Explorer expanding a folder of 1,000 files in the same workbench. Needs the e2e
// prerequisites (code-server, Chromium); prints figures, asserts nothing.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ControlClient } from '../../emulator/src/controlClient';
import { DeploymentsView } from '../e2e/support/deploymentsView';
import { Session } from '../e2e/support/session';
import { waitFor } from '../e2e/support/waits';
import { ms, table } from './support/stats';

const SERVICES = 1000;

export async function runExplorerViewBench(): Promise<void> {
  process.env.AWS_ACCESS_KEY_ID = 'test';
  process.env.AWS_SECRET_ACCESS_KEY = 'test';
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  const workspace = mkdtempSync(join(tmpdir(), 'explorer-view-bench-'));
  mkdirSync(join(workspace, 'many'));
  for (let i = 0; i < SERVICES; i++) writeFileSync(join(workspace, 'many', `file-${String(i).padStart(4, '0')}.txt`), `${i}\n`);
  const session = await Session.start('bench-explorer-view', { emulator: true, workspace, settings: { 'zenmlAppRunner.regions': ['us-east-1'] } });
  try {
    const { workbench } = session;
    await new ControlClient(session.emulator?.url ?? '').seedServices({
      services: Array.from({ length: SERVICES }, (_, i) => ({ name: `zenml-pipeline-${i}-${(0x10000000 + i).toString(16)}` })),
    });
    const view = new DeploymentsView(workbench);
    const started = performance.now();
    await view.open();
    await view.waitForRow('the 1,000 services', (row) => /1000 services/.test(row.text), 120_000);
    await view.waitForRow('a service row', (row) => row.label.startsWith('zenml-pipeline-'), 120_000);
    const ours = performance.now() - started;
    await workbench.screenshot('bench-1000-services');

    const explorerItem = workbench.page.locator('.activitybar [aria-label^="Explorer"]').first();
    await explorerItem.click();
    const folder = workbench.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'many' }).first();
    await folder.waitFor({ timeout: 60_000 });
    const peerStart = performance.now();
    await folder.click();
    await waitFor('the Explorer to list the 1,000 files', async () => ((await workbench.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'file-0000' }).count()) > 0 ? true : undefined), 120_000);
    const peer = performance.now() - peerStart;
    console.log(
      table(
        ['what (real VS Code, code-server + Chromium)', 'time to first row'],
        [
          [`Deployments view, ${SERVICES} services (50 ListServices pages included)`, ms(ours)],
          [`VS Code Explorer, folder of ${SERVICES} files`, ms(peer)],
        ],
      ),
    );
  } finally {
    await session.stop();
    rmSync(workspace, { recursive: true, force: true });
  }
}
