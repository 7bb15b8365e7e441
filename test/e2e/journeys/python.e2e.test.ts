// ZenML settings where users keep them, in the real VS Code: a Python pipeline module with a
// CPU/memory pair App Runner does not offer shows the problem in the Problems panel and Ctrl+.
// fixes the Python; a Kubernetes manifest open beside it gets nothing from this extension; a
// run config shows the size ZenML deploys.
import assert from 'node:assert/strict';
import { journeys } from '../support/journey';
import { waitFor } from '../support/waits';

const journey = journeys('python');
const MODULE = 'weather_pipeline.py';
const MANIFEST = 'deployment.yaml';
const CPU_LINE = 36; // `            cpu_count=1,`, the value at column 23
const ZENML_PICK = 'Use 2 vCPU / 6 GB (what ZenML deploys)';

void journey('a Python pipeline shows the CPU/memory problem, Ctrl+. fixes it, and a Kubernetes manifest beside it shows nothing', async (workbench) => {
  await workbench.openFile(MANIFEST);
  await workbench.openFile(MODULE);
  const problems = await workbench.waitForProblems('the cpu/memory warning of the Python module', (rows) => rows.some((row) => row.code === 'resources.cpu-memory-pair'));
  await workbench.screenshot('python-problem');
  assert.deepEqual(
    problems.map((row) => [row.source, row.code, row.line, row.column]),
    [['zenml-apprunner', 'resources.cpu-memory-pair', CPU_LINE, 23]],
    'one problem, on cpu_count, and none from the Kubernetes manifest that is open too',
  );
  assert.match(problems[0].message, /1 vCPU with 5GB is not an App Runner size; ZenML will deploy 2 vCPU \/ 6 GB/);

  await workbench.gotoLine(CPU_LINE, 23);
  const fixes = await workbench.quickFixes();
  await workbench.screenshot('quick-fixes');
  assert.equal(fixes[0], ZENML_PICK, `the first fix is what ZenML deploys (got ${JSON.stringify(fixes)})`);
  await workbench.applyQuickFix(ZENML_PICK);
  // The module is longer than the screen: the visible lines are compared by their text, not their index.
  await waitFor('the Python to change', async () => {
    const lines = await workbench.editorText();
    const cpu = lines.indexOf('            cpu_count=2,');
    return cpu >= 0 && lines[cpu + 1] === '            memory="6GB",' ? true : undefined;
  }, 30_000);
  await workbench.waitForProblems('no problems', (rows) => rows.length === 0);
  await workbench.screenshot('fixed');

  await workbench.openFile(MANIFEST);
  await workbench.screenshot('kubernetes-manifest');
  assert.deepEqual(await workbench.problems(), [], 'the Kubernetes manifest gets nothing from this extension');
  assert.deepEqual(await workbench.inlayHints(), [], 'not even a size hint on its resources');
});

void journey('a run config shows the size ZenML deploys and no problems', async (workbench) => {
  await workbench.openFile('deploy.yaml');
  const hints = await waitFor('the resolved-size inlay hints', async () => {
    const shown = await workbench.inlayHints();
    return shown.some((hint) => /^→ 1 vCPU \/ 2 GB$/.test(hint)) ? shown : undefined;
  }, 60_000);
  await workbench.screenshot('run-config');
  assert.ok(hints.length >= 1);
  assert.deepEqual(await workbench.problems(), []);
});
