// What a user sees without touching anything: the extension wakes up only for its files, the
// Problems panel lists each problem with its code and position, a valid file has none, and a
// severity override in the settings hides a rule.
import assert from 'node:assert/strict';
import { journeys } from '../support/journey';
import { EXTENSION_ID } from '../support/paths';
import { waitFor } from '../support/waits';

const journey = journeys('problems');
const activationLine = new RegExp(`_doActivateExtension ${EXTENSION_ID.replace(/\./g, '\\.')}, .*activationEvent: '([^']+)'`);

void journey('the extension is not active before one of its files is opened', async (workbench) => {
  await workbench.screenshot('workbench-open');
  assert.match(workbench.exthostLogText(), /Eager extensions activated/);
  assert.doesNotMatch(workbench.exthostLogText(), activationLine, 'activated at startup, before any zenml.deployer.yaml was opened');
  await workbench.openFile('zenml.deployer.yaml');
  const line = await waitFor('our extension to activate', () => activationLine.exec(workbench.exthostLogText())?.[1], 60_000);
  assert.equal(line, 'onLanguage:zenml-deployer-yaml');
  await workbench.screenshot('activated');
});

void journey('an invalid file lists the CPU/memory warning and the tcp enum error with codes and lines', async (workbench) => {
  await workbench.openFile('problems.zenml.deployer.yaml');
  const problems = await workbench.waitForProblems('the cpu/memory warning and the tcp error', (rows) =>
    ['resources.cpu-memory-pair', 'schema.enum'].every((code) => rows.some((row) => row.code === code)),
  );
  await workbench.screenshot('problems-panel');
  const pair = problems.find((row) => row.code === 'resources.cpu-memory-pair');
  const tcp = problems.find((row) => row.code === 'schema.enum');
  assert.match(pair?.message ?? '', /1 vCPU with 5GB is not an App Runner size; ZenML will deploy 2 vCPU \/ 6 GB/);
  assert.equal(pair?.line, 12, 'the pair warning sits on the cpu_count line');
  assert.deepEqual([tcp?.line, tcp?.column], [8, 28], 'the enum error sits on the value tcp');
  assert.match(tcp?.message ?? '', /"tcp" is not a valid health_check_protocol/);
  assert.deepEqual(
    problems.map((row) => [row.file, row.code]).sort(),
    ['image.registry', 'resources.cpu-memory-pair', 'scaling.min-above-max', 'schema.enum', 'secrets.plain-env'].map((code) => ['problems.zenml.deployer.yaml', code]),
  );
});

void journey('a valid file shows no problems', async (workbench) => {
  await workbench.openFile('zenml.deployer.yaml');
  // The inlay hint proves the server has answered for this file before "no problems" is believed.
  await waitFor('the resolved-size inlay hint', async () => ((await workbench.inlayHints()).some((hint) => /1 vCPU \/ 2 GB/.test(hint)) ? true : undefined), 60_000);
  // Only this file's: the previous journey's file keeps its problems in the panel until VS Code
  // disposes of its document, which it may do well after its editor closed.
  const problems = (await workbench.problems()).filter((problem) => problem.file === 'zenml.deployer.yaml');
  await workbench.screenshot('no-problems');
  assert.deepEqual(problems, []);
});

void journey(
  'a severity override in the settings hides that rule',
  { settings: { 'zenmlAppRunner.validation.severity': { 'secrets.plain-env': 'off' } } },
  async (workbench) => {
    await workbench.openFile('problems.zenml.deployer.yaml');
    const problems = await workbench.waitForProblems('the other problems but not secrets.plain-env', (rows) =>
      rows.some((row) => row.code === 'schema.enum') && !rows.some((row) => row.code === 'secrets.plain-env'),
    );
    await workbench.screenshot('override-applied');
    assert.equal(problems.filter((problem) => problem.file === 'problems.zenml.deployer.yaml').length, 4);
  },
);
