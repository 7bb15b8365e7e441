// Measuring language servers over LSP: diagnostics latency and server CPU per validation. The
// servers run side by side and take turns, one validation each, so a change in the machine's
// load (other processes on a shared box) hits all of them alike.
import { performance } from 'node:perf_hooks';
import type { BenchFile } from './fixtures';
import { LspDriver, type ServerSpec } from './lspDriver';
import { cpuNanos, cpuTicks, rssKb, ticksToMs } from './procStats';

export interface FileRun {
  file: string;
  iterations: number;
  wallMs: number[];
  /** CPU of each validation, from /proc/<pid>/task/<tid>/schedstat (empty without schedstat). */
  cpuMs: number[];
  /** utime+stime (/proc/<pid>/stat) over the whole batch, divided by the iterations. */
  cpuMeanMs: number;
  ticks: number;
  /** How many diagnostics the last validation published. */
  diagnostics: number;
}

export interface BurstRun {
  changes: number;
  publishes: number;
  finalVersionSeen: boolean;
  wallMs: number;
  cpuMs: number;
}

export interface ServerRun {
  name: string;
  /** Diagnostics on the deliberately broken file: all of them, and those from the schema. */
  proof: { total: number; schema: number };
  files: Map<string, FileRun>;
  burst?: BurstRun;
  rssKb?: number;
  error?: string;
}

export interface Contender {
  run: ServerRun;
  /** The live server; undefined once it failed or finished. */
  driver?: LspDriver;
  /** The stop of a server that failed, awaited by `finish`. */
  stopping?: Promise<void>;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isSchemaDiagnostic(source: string | undefined, code: unknown): boolean {
  // yaml-language-server marks schema problems with source "yaml-schema: <title>"; ours has rule codes.
  return (source ?? '').startsWith('yaml-schema') || (typeof code === 'string' && code !== 'yaml.syntax');
}

/** Starts a server and checks it against the broken file; a failure is recorded, not thrown. */
export async function startContender(name: string, makeSpec: () => ServerSpec, rootUri: string, broken: BenchFile): Promise<Contender> {
  const run: ServerRun = { name, proof: { total: 0, schema: 0 }, files: new Map() };
  let driver: LspDriver | undefined;
  try {
    driver = await LspDriver.start(makeSpec(), rootUri);
    const event = await driver.openAndWait(broken.uri, broken.variants[0]);
    run.proof = { total: event.diagnostics.length, schema: event.diagnostics.filter((d) => isSchemaDiagnostic(d.source, d.code)).length };
    await driver.close(broken.uri);
    return { run, driver };
  } catch (error) {
    run.error = message(error);
    await driver?.stop();
    return { run };
  }
}

function fail(contender: Contender, error: unknown): void {
  contender.run.error = message(error);
  const driver = contender.driver;
  contender.driver = undefined;
  if (driver) contender.stopping = driver.stop();
}

/**
 * Opens `file` in every live server, warms up, then runs `iterations` rounds in which each server
 * validates one full-text change (the two variants alternate, so the text really changes).
 */
export async function measureFile(contenders: Contender[], file: BenchFile, plan: { warmup: number; iterations: number }): Promise<void> {
  const live = (): Contender[] => contenders.filter((c) => c.driver !== undefined);
  const state = new Map<Contender, { variant: number; wallMs: number[]; cpuMs: number[]; ticks0: number; diagnostics: number }>();
  for (const c of live()) {
    try {
      await c.driver!.openAndWait(file.uri, file.variants[0]);
      state.set(c, { variant: 0, wallMs: [], cpuMs: [], ticks0: 0, diagnostics: 0 });
    } catch (error) {
      fail(c, error);
    }
  }
  const step = async (c: Contender, record: boolean): Promise<void> => {
    const s = state.get(c)!;
    const driver = c.driver!;
    s.variant = 1 - s.variant;
    const before = cpuNanos(driver.pid);
    const result = await driver.validate(file.uri, file.variants[s.variant]);
    const after = cpuNanos(driver.pid);
    if (!record) return;
    s.wallMs.push(result.wallMs);
    if (before !== undefined && after !== undefined) s.cpuMs.push((after - before) / 1e6);
    s.diagnostics = result.diagnostics.length;
  };
  const rounds = async (count: number, record: boolean): Promise<void> => {
    for (let i = 0; i < count; i++) {
      for (const c of live()) {
        try {
          await step(c, record);
        } catch (error) {
          fail(c, error);
        }
      }
    }
  };
  await rounds(plan.warmup, false);
  for (const c of live()) state.get(c)!.ticks0 = cpuTicks(c.driver!.pid) ?? Number.NaN;
  await rounds(plan.iterations, true);
  for (const c of live()) {
    const s = state.get(c)!;
    const ticks = (cpuTicks(c.driver!.pid) ?? Number.NaN) - s.ticks0;
    if (!Number.isFinite(ticks)) {
      fail(c, new Error(`cannot read /proc/${c.driver!.pid}/stat`));
      continue;
    }
    c.run.files.set(file.name, {
      file: file.name,
      iterations: plan.iterations,
      wallMs: s.wallMs,
      cpuMs: s.cpuMs,
      cpuMeanMs: ticksToMs(ticks) / plan.iterations,
      ticks,
      diagnostics: s.diagnostics,
    });
    try {
      await c.driver!.close(file.uri);
    } catch (error) {
      fail(c, error);
    }
  }
}

/**
 * Rapid edits: `changes` full-text changes sent back to back. A server that debounces and drops
 * stale versions validates once and publishes once, for the last version.
 */
export async function measureBurst(contender: Contender, file: BenchFile, changes = 10): Promise<void> {
  const driver = contender.driver;
  if (!driver) return;
  try {
    await driver.openAndWait(file.uri, file.variants[0]);
    const afterSeq = driver.publishCount;
    const ticksBefore = cpuTicks(driver.pid) ?? 0;
    const start = performance.now();
    let last = 0;
    for (let i = 0; i < changes; i++) last = await driver.change(file.uri, file.variants[(i + 1) % 2]);
    const final = await driver.waitForDiagnostics(file.uri, last, afterSeq);
    // Stale validations would have published before the final one; allow a moment for strays
    // (a server without versions could also publish the final text twice).
    await new Promise((done) => setTimeout(done, 400));
    const events = driver.published.filter((event) => event.seq > afterSeq && event.uri === file.uri);
    contender.run.burst = {
      changes,
      publishes: events.length,
      finalVersionSeen: final.version === undefined || final.version === last,
      wallMs: final.receivedAt - start,
      cpuMs: ticksToMs((cpuTicks(driver.pid) ?? 0) - ticksBefore),
    };
    await driver.close(file.uri);
  } catch (error) {
    fail(contender, error);
  }
}

/** Records the resident memory, then stops the server (also one that failed). */
export async function finish(contender: Contender): Promise<void> {
  const driver = contender.driver;
  contender.driver = undefined;
  if (driver) {
    contender.run.rssKb = rssKb(driver.pid);
    await driver.stop();
  }
  await contender.stopping;
}
