// Editing with the language server's help: quick fixes for the CPU/memory pair (from either line),
// hover with the resolved App Runner size, and completion that offers only the sizes that pair.
import assert from 'node:assert/strict';
import { journeys } from '../support/journey';
import type { Workbench } from '../support/workbench';
import { waitFor } from '../support/waits';

const journey = journeys('editing');
const FILE = 'resources.zenml.deployer.yaml';
const CPU_LINE = 11; // `    cpu_count: 1`, value at column 16
const MEMORY_LINE = 12; // `    memory: 5GB`, value at column 13
const ZENML_PICK = 'Use 2 vCPU / 6 GB (what ZenML deploys)';

async function openWithWarning(workbench: Workbench): Promise<void> {
  await workbench.openFile(FILE);
  await workbench.waitForProblems('the cpu/memory warning', (rows) => rows.some((row) => row.code === 'resources.cpu-memory-pair'));
}

async function applyZenmlPickFrom(workbench: Workbench, line: number, column: number): Promise<void> {
  await openWithWarning(workbench);
  await workbench.gotoLine(line, column);
  const fixes = await workbench.quickFixes();
  await workbench.screenshot('quick-fixes');
  assert.equal(fixes[0], ZENML_PICK, `the first fix on line ${line} is what ZenML deploys (got ${JSON.stringify(fixes)})`);
  await workbench.applyQuickFix(ZENML_PICK);
  const text = await waitFor('both values to change', async () => {
    const lines = await workbench.editorText();
    return lines[CPU_LINE - 1] === '    cpu_count: 2' && lines[MEMORY_LINE - 1] === '    memory: 6GB' ? lines : undefined;
  }, 30_000);
  assert.ok(text);
  await workbench.waitForProblems('no problems', (rows) => rows.length === 0);
  const hints = await waitFor('the inlay hint to show the new size', async () => {
    const shown = await workbench.inlayHints();
    return shown.some((hint) => /2 vCPU \/ 6 GB/.test(hint) && !/rounds up/.test(hint)) ? shown : undefined;
  }, 30_000);
  await workbench.screenshot('fixed');
  assert.ok(hints.length > 0);
}

void journey('Ctrl+. on the cpu_count line offers what ZenML deploys first and fixes both values', async (workbench) => {
  await applyZenmlPickFrom(workbench, CPU_LINE, 16);
});

void journey('Ctrl+. on the memory line offers what ZenML deploys first and fixes both values', async (workbench) => {
  await applyZenmlPickFrom(workbench, MEMORY_LINE, 13);
});

void journey('hover on memory shows the resolved App Runner size', async (workbench) => {
  await openWithWarning(workbench);
  await workbench.gotoLine(MEMORY_LINE, 6);
  const hover = await workbench.hoverText();
  await workbench.screenshot('hover');
  assert.match(hover, /App Runner instance: 2 vCPU \/ 6 GB/);
});

void journey('completion after "memory: " offers only the sizes valid for cpu_count', async (workbench) => {
  await openWithWarning(workbench);
  await workbench.gotoLine(MEMORY_LINE, 13);
  await workbench.page.keyboard.press('Shift+End');
  await workbench.page.keyboard.press('Delete');
  const suggestions = await workbench.suggestions();
  await workbench.screenshot('memory-suggestions');
  assert.deepEqual(suggestions.map((label) => label.split(',')[0]), ['2GB', '3GB', '4GB']);
});
