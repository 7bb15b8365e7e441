// Diagnostics latency and CPU of our language server against yaml-language-server, both over
// LSP through the same harness, on a typical and on a 5,000-line deployer file. Prints a table;
// never asserts a target (a harness failure throws).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseAllDocuments, Parser } from 'yaml';
import { DEPLOYER_PARSE_OPTIONS, parseDeployerFile } from '../../common/src/language/deployerDocument';
import { validateText } from '../../common/src/language/validate';
import { writeBenchFiles, type BenchFile } from './support/fixtures';
import { LspDriver } from './support/lspDriver';
import { finish, measureBurst, measureFile, startContender, type Contender } from './support/measure';
import { clockTicksPerSecond } from './support/procStats';
import { ourServer, yamlLanguageServer } from './support/servers';
import { fixed, median, ms, percentile, ratio, table, timeRuns } from './support/stats';

/**
 * Measured validations (after warm-up) per file: enough that clock-tick resolution is negligible
 * and that the servers' JIT compilation and garbage collection, which come in bursts, average out.
 */
const PLAN = {
  typical: { warmup: 20, iterations: 200 },
  large: { warmup: 6, iterations: 60 },
} as const;
const BURST = 10;

/**
 * The in-process floor: the YAML parse alone by the library (with the server's options, and
 * for comparison with yaml's default duplicate-key check and the CST only), the server's own
 * parse (the library plus its linear duplicate-key pass) and our whole `validateText`, so the
 * printout shows parse vs validation vs the LSP round trip.
 */
function floorRows(files: BenchFile[]): { rows: string[][]; parse: Map<string, number> } {
  const parse = new Map<string, number>();
  const rows = files.map((file) => {
    const text = file.variants[0];
    const parseMs = median(timeRuns(() => parseAllDocuments(text, DEPLOYER_PARSE_OPTIONS)));
    const uniqueMs = median(timeRuns(() => parseAllDocuments(text, { ...DEPLOYER_PARSE_OPTIONS, uniqueKeys: true })));
    const cstMs = median(timeRuns(() => Array.from(new Parser().parse(text)).length));
    const fileMs = median(timeRuns(() => parseDeployerFile(text)));
    const validate = timeRuns(() => validateText(text));
    const findings = validateText(text).length;
    parse.set(file.name, parseMs);
    return [
      file.name,
      String(file.lineCount),
      ms(parseMs),
      ms(uniqueMs),
      ms(cstMs),
      ms(fileMs),
      ms(median(validate)),
      ms(percentile(validate, 90)),
      String(findings),
    ];
  });
  return { rows, parse };
}

export async function runLspBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'zenml-lsp-bench-'));
  try {
    const files = writeBenchFiles(dir);
    const rootUri = pathToFileURL(dir).href;
    console.log(`LSP diagnostics benchmark (${files.typical.lineCount}-line typical file, ${files.large.lineCount}-line large file; node ${process.version})`);
    console.log('');
    console.log('In-process floor (medians of many runs in this process):');
    const floor = floorRows([files.typical, files.large]);
    console.log(
      table(['file', 'lines', 'yaml parse', 'uniqueKeys on', 'CST only', 'parseDeployerFile', 'validateText p50', 'p90', 'findings'], floor.rows),
    );
    console.log(
      "  yaml parse = the library's parseAllDocuments with the server's options (the floor); " +
        "uniqueKeys on = yaml's default duplicate-key check; CST only = the library's lexer+parser without documents; " +
        "parseDeployerFile = the server's parse: the library with its own linear duplicate-key pass.",
    );
    console.log('');

    const contenders: Contender[] = [];
    try {
      contenders.push(await startContender('ours', ourServer, rootUri, files.broken));
      contenders.push(await startContender('yaml-language-server', yamlLanguageServer, rootUri, files.broken));
      for (const file of [files.typical, files.large]) await measureFile(contenders, file, PLAN[file.name as keyof typeof PLAN]);
      for (const contender of contenders) await measureBurst(contender, files.large, BURST);
    } finally {
      for (const contender of contenders) await finish(contender);
    }
    const runs = contenders.map((c) => c.run);
    const [ours, theirs] = runs;

    console.log(
      [
        'Over LSP (the servers take turns, one validation each):',
        "  wall = didChange sent -> its publishDiagnostics received (includes each server's debounce);",
        '  cpu p50/p90 = server CPU of each validation (/proc/<pid>/task/*/schedstat);',
        `  cpu mean = server utime+stime over the batch (/proc/<pid>/stat, ${clockTicksPerSecond()} ticks/s) / n.`,
      ].join('\n'),
    );
    const rows: string[][] = [];
    for (const name of ['typical', 'large']) {
      for (const run of runs) {
        const r = run.files.get(name);
        if (!r) {
          rows.push([`${name} / ${run.name}`, '-', 'failed', '', '', '', '', '', '']);
          continue;
        }
        rows.push([
          `${name} / ${run.name}`,
          String(r.iterations),
          ms(median(r.wallMs)),
          ms(percentile(r.wallMs, 90)),
          ms(median(r.cpuMs)),
          ms(percentile(r.cpuMs, 90)),
          ms(r.cpuMeanMs),
          String(r.ticks),
          String(r.diagnostics),
        ]);
      }
    }
    console.log(table(['file / server', 'n', 'wall p50', 'wall p90', 'cpu p50', 'cpu p90', 'cpu mean', 'ticks', 'diags'], rows));
    console.log('');

    const ratioRows: string[][] = [];
    for (const name of ['typical', 'large'] as const) {
      const o = ours.files.get(name);
      const t = theirs.files.get(name);
      ratioRows.push([
        name,
        fixed(ratio(o?.cpuMeanMs, t?.cpuMeanMs)),
        fixed(ratio(o && median(o.cpuMs), t && median(t.cpuMs))),
        fixed(ratio(o && median(o.wallMs), t && median(t.wallMs))),
        ms(floor.parse.get(name)),
        ms(o && median(o.cpuMs)),
      ]);
    }
    console.log('Ratio ours / yaml-language-server (CPU per validation; what users feel is in the latency bench):');
    console.log(table(['file', 'cpu mean', 'cpu p50', 'wall p50', 'floor: yaml parse', 'ours cpu p50'], ratioRows));
    console.log('');

    const extraRows = runs.map((run) => [
      run.name,
      run.rssKb === undefined ? 'n/a' : `${(run.rssKb / 1024).toFixed(1)} MB`,
      `${run.proof.schema}/${run.proof.total}`,
      run.burst ? `${run.burst.changes} -> ${run.burst.publishes}` : 'n/a',
      run.burst ? (run.burst.finalVersionSeen ? 'yes' : 'NO') : 'n/a',
      run.burst ? ms(run.burst.wallMs) : 'n/a',
      run.burst ? ms(run.burst.cpuMs) : 'n/a',
    ]);
    console.log(
      table(['server', 'RSS after', 'schema diags (broken file)', `burst: changes -> publishes`, 'final version', 'burst wall', 'burst cpu'], extraRows),
    );

    const failures = runs.filter((run) => run.error !== undefined);
    const theirsUnchecked = theirs.error === undefined && theirs.proof.schema === 0;
    if (theirsUnchecked) {
      failures.push({ ...theirs, error: 'yaml-language-server reported no schema error on the broken file: it is not validating against our schema' });
    }
    if (failures.length > 0) {
      throw new Error(failures.map((run) => `${run.name}: ${run.error ?? ''}`).join('\n'));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Cold starts per server: each a new process, as when VS Code opens the first file of a session. */
const COLD_STARTS = 7;

/**
 * What the first file of a session waits for: a new server process until it answers `initialize`,
 * and until the first diagnostics of the broken deployer file. Ours against yaml-language-server
 * told to check the same file against our schema; medians of COLD_STARTS starts each.
 */
export async function runColdStartBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'zenml-lsp-cold-'));
  try {
    const { broken } = writeBenchFiles(dir);
    const rootUri = pathToFileURL(dir).href;
    const rows: string[][] = [];
    for (const makeSpec of [ourServer, yamlLanguageServer]) {
      const initialized: number[] = [];
      const diagnosed: number[] = [];
      let name = '';
      for (let start = 0; start < COLD_STARTS; start++) {
        const spec = makeSpec();
        name = spec.name;
        const started = performance.now();
        const driver = await LspDriver.start(spec, rootUri);
        try {
          initialized.push(performance.now() - started);
          const event = await driver.openAndWait(broken.uri, broken.variants[0]);
          if (event.diagnostics.length === 0) throw new Error(`${name} found nothing in the broken file`);
          diagnosed.push(performance.now() - started);
        } finally {
          await driver.stop();
        }
      }
      rows.push([name, ms(median(initialized)), ms(median(diagnosed)), ms(median(diagnosed) - median(initialized))]);
    }
    console.log(`Cold start of a language server (new process each time, median of ${String(COLD_STARTS)}; node ${process.version}):`);
    console.log(table(['server', 'spawn -> initialize answered', 'spawn -> first diagnostics', 'of which the first check'], rows));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
