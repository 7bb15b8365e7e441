// From the real VS Code (code-server 4.100.3 in Chromium, the harness of test/e2e): our extension's
// activation time as the extension host reports it (Developer: Show Running Extensions), the time
// from opening a file to its first squiggle (a deployer file, a second one, a Python module), and
// the .vsix size. Peers from the same run: the
// built-in extensions' activation times and VS Code's own JSON language server on a broken JSON file.
// VS Code starts several times and medians are printed: one start's activation figures vary by half.
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { EXTENSION_VSIX } from '../e2e/support/packaging';
import { Session } from '../e2e/support/session';
import type { Workbench } from '../e2e/support/workbench';
import { median, table } from './support/stats';

const SQUIGGLE_TIMEOUT = 60_000;

/** Opens `file` and returns the milliseconds until its first error squiggle is drawn. */
async function openToFirstSquiggle(workbench: Workbench, file: string): Promise<number> {
  const started = performance.now();
  await workbench.openFile(file);
  await workbench.editor.locator('.squiggly-error').first().waitFor({ timeout: SQUIGGLE_TIMEOUT });
  const elapsed = performance.now() - started;
  await workbench.reset();
  return elapsed;
}

/** Rows of Developer: Show Running Extensions as [name, the host's activation figure]. */
async function activationTimes(workbench: Workbench): Promise<[string, string][]> {
  await workbench.runCommand('Developer: Show Running Extensions');
  const rows = workbench.page.locator('.runtime-extensions-editor .monaco-list-row');
  await rows.first().waitFor({ timeout: 30_000 });
  const texts = await rows.allInnerTexts();
  return texts.map((text) => {
    const lines = text.split('\n').map((line) => line.trim());
    return [lines[0], lines.find((line) => /Activation: \d+ms/.test(line)) ?? '?'];
  });
}

/**
 * VS Code starts this many times: the host's activation figure of one start varies by half. The
 * order alternates: in even starts our deployer file is opened before the JSON file, in odd ones
 * after it, so neither extension always activates first, while the workbench is still settling
 * after its first editor; the figures are printed per order too.
 */
const SESSIONS = 6;

const oursFirst = (index: number): boolean => index % 2 === 0;

interface SessionFigures {
  /** Opening a plain text file first: the workbench's first editor, none of our work. */
  firstEditor: number;
  firstOpen: number;
  secondOpen: number;
  pythonOpen: number;
  peerOpen: number;
  /** The host's activation figure per extension name, in ms. */
  activation: Map<string, number>;
  oursFirst: boolean;
}

async function measureOneSession(index: number): Promise<SessionFigures> {
  const session = await Session.start(`bench-${String(index + 1)}`);
  try {
    const workbench = session.workbench;
    workbench.beginJourney('bench');
    // A JSON file with a syntax error: VS Code's own JSON language server is the peer.
    writeFileSync(join(session.workspace, 'peer-broken.json'), '{\n  "name": "weather-agent",\n  "port": 8000,,\n}\n');
    writeFileSync(join(session.workspace, 'second.zenml.deployer.yaml'), 'deployment:\n  name: second\nsettings:\n  deployer:\n    health_check_protocol: tcp\n');
    // A Python module with an error: the first Python file the server checks.
    writeFileSync(
      join(session.workspace, 'bench_pipeline.py'),
      'from zenml import pipeline\nfrom zenml.config import ResourceSettings\n\n\n@pipeline(settings={"resources": ResourceSettings(cpu_count=1, memory="2G")})\ndef bench() -> None:\n    pass\n',
    );
    // The workbench's first editor costs the same whatever the file: a plain text file takes it
    // (timed, printed), so the first of ours is timed like the JSON peer, in a warm workbench.
    writeFileSync(join(session.workspace, 'notes.txt'), 'warm-up\n');
    const editorStarted = performance.now();
    await workbench.openFile('notes.txt');
    const firstEditor = performance.now() - editorStarted;
    await workbench.reset();
    const peerBefore = oursFirst(index) ? undefined : await openToFirstSquiggle(workbench, 'peer-broken.json');
    const firstOpen = await openToFirstSquiggle(workbench, 'problems.zenml.deployer.yaml');
    const secondOpen = await openToFirstSquiggle(workbench, 'second.zenml.deployer.yaml');
    const pythonOpen = await openToFirstSquiggle(workbench, 'bench_pipeline.py');
    const peerOpen = peerBefore ?? (await openToFirstSquiggle(workbench, 'peer-broken.json'));
    const activation = new Map<string, number>();
    for (const [name, figure] of await activationTimes(workbench)) {
      const value = /(\d+)ms/.exec(figure)?.[1];
      if (value !== undefined) activation.set(name, Number(value));
    }
    await workbench.screenshot('running-extensions');
    return { firstEditor, firstOpen, secondOpen, pythonOpen, peerOpen, activation, oursFirst: oursFirst(index) };
  } finally {
    await session.stop();
  }
}

export async function runVscodeBench(): Promise<void> {
  const runs: SessionFigures[] = [];
  for (let index = 0; index < SESSIONS; index++) runs.push(await measureOneSession(index));
  const figures = (pick: (run: SessionFigures) => number | undefined): string => {
    const values = runs.map(pick).filter((value): value is number => value !== undefined);
    return `${median(values).toFixed(0)} (${values.map((value) => value.toFixed(0)).join(', ')})`;
  };
  console.log(`VS Code 1.100.3 (code-server) in Chromium, started ${String(SESSIONS)} times; median (each start)`);
  console.log(table(['open file -> first squiggle, ms', 'median (each start)'], [
    ['notes.txt, opened first: the workbench\'s first editor (no squiggle; none of ours)', figures((run) => run.firstEditor)],
    ['problems.zenml.deployer.yaml (first of ours: activation + server start)', figures((run) => run.firstOpen)],
    ['second.zenml.deployer.yaml (server already running)', figures((run) => run.secondOpen)],
    ['bench_pipeline.py (first Python file)', figures((run) => run.pythonOpen)],
    ['peer: broken .json (VS Code JSON language server, first JSON file; first or last of the four)', figures((run) => run.peerOpen)],
  ]));
  const names = [...new Set(runs.flatMap((run) => [...run.activation.keys()]))];
  const rows = names
    .map((name): [string, number, string] => [name, median(runs.flatMap((run) => run.activation.get(name) ?? [])), figures((run) => run.activation.get(name))])
    .sort((a, b) => b[1] - a[1])
    .map(([name, , shown]): [string, string] => [name, shown]);
  console.log(table(['extension (Show Running Extensions)', 'activation ms: median (each start)'], rows));
  const activationOf = (name: string, selected: readonly SessionFigures[]): number => median(selected.flatMap((run) => run.activation.get(name) ?? []));
  for (const [label, selected] of [
    ['ours opened first', runs.filter((run) => run.oursFirst)],
    ['JSON opened first', runs.filter((run) => !run.oursFirst)],
  ] as const) {
    console.log(`${label} (${String(selected.length)} starts): ours ${activationOf('ZenML App Runner', selected).toFixed(0)} ms, JSON Language Features ${activationOf('JSON Language Features', selected).toFixed(0)} ms`);
  }
  const ours = activationOf('ZenML App Runner', runs);
  const json = activationOf('JSON Language Features', runs);
  console.log(`ratio ours / JSON Language Features (median activation, all starts): ${(ours / json).toFixed(2)}; target at most 1: ${ours <= json ? 'met' : 'not met'}`);
  // What the figure leaves out, said where it is printed: the first-squiggle rows above hold it.
  console.log(
    "The host's figure is loading the code plus activate's synchronous part: JSON Language Features builds and starts its LSP client after activate's first await, ours loads and starts it once activate has returned; both are inside the first-squiggle rows.",
  );
  const vsix = statSync(EXTENSION_VSIX).size;
  console.log(`.vsix size: ${(vsix / 1024).toFixed(1)} KiB (${EXTENSION_VSIX}); target at most 512 KiB: ${vsix <= 512 * 1024 ? 'met' : 'not met'}`);
}
