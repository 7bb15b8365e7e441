// The LSP layer of the fuzzer: a real `node dist/server.js --stdio` (through the shared
// test/support/lspSession) gets rounds of rapid
// full-text changes (mutated seed files) with hover, completion, documentSymbol and codeAction
// requests at random positions in between. Every request must be answered (an error only for a
// cancellation), the final version of each round must get its diagnostics, with ranges inside
// that text, the process must stay up, write nothing to stderr and log no handler failure.
import { performance } from 'node:perf_hooks';
import type { Diagnostic, ServerCapabilities } from 'vscode-languageserver-protocol/node';
import { startLspSession } from '../../support/lspSession';
import { checkRange, LineTable } from './checks';
import type { Seed } from './corpus';
import { mutate } from './mutate';
import { caseSeed, Random } from './random';
import { errorText, type FuzzFailure } from './report';

export interface LspFuzzResult {
  rounds: number;
  documents: number;
  requests: number;
  cancelled: number;
  unsupported: string[];
  slowestDiagnosticsMs: number;
  seconds: number;
  failures: FuzzFailure[];
}

/** Error codes that mean "cancelled" rather than "failed": RequestCancelled, ContentModified, ServerCancelled. */
const CANCELLED = new Set([-32800, -32801, -32802]);
const DIAGNOSTICS_TIMEOUT_MS = 15_000;
const REQUEST_TIMEOUT_MS = 15_000;

type Feature = 'hover' | 'completion' | 'documentSymbol' | 'codeAction';

function offered(capabilities: ServerCapabilities | undefined): { features: Feature[]; unsupported: Feature[] } {
  const has: Record<Feature, boolean> = {
    hover: !!capabilities?.hoverProvider,
    completion: !!capabilities?.completionProvider,
    documentSymbol: !!capabilities?.documentSymbolProvider,
    codeAction: !!capabilities?.codeActionProvider,
  };
  const all = Object.keys(has) as Feature[];
  return { features: all.filter((f) => has[f]), unsupported: all.filter((f) => !has[f]) };
}

interface Pending {
  method: string;
  version: number;
  promise: Promise<unknown>;
}

function randomPosition(lines: LineTable, random: Random): { line: number; character: number } {
  const line = random.int(lines.lineCount);
  return { line, character: random.int(lines.lengths[line] + 1) };
}

function requestFor(feature: Feature, uri: string, lines: LineTable, random: Random, diagnostics: Diagnostic[]): [string, unknown] {
  const textDocument = { uri };
  switch (feature) {
    case 'hover':
      return ['textDocument/hover', { textDocument, position: randomPosition(lines, random) }];
    case 'completion':
      return ['textDocument/completion', { textDocument, position: randomPosition(lines, random), context: { triggerKind: 1 } }];
    case 'documentSymbol':
      return ['textDocument/documentSymbol', { textDocument }];
    case 'codeAction': {
      const a = randomPosition(lines, random);
      const b = randomPosition(lines, random);
      const [start, end] = a.line < b.line || (a.line === b.line && a.character <= b.character) ? [a, b] : [b, a];
      const picked = diagnostics.filter(() => random.chance(0.5)).slice(0, 5);
      return ['textDocument/codeAction', { textDocument, range: { start, end }, context: { diagnostics: picked, triggerKind: 1 } }];
    }
  }
}

function errorCode(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'number' ? code : undefined;
}

export interface LspFuzzOptions {
  seed: number;
  rounds: number;
  seeds: readonly Seed[];
  /** Another server script than dist/server.js (to try the fuzzer itself on a stand-in). */
  serverScript?: string;
}

export async function runLspFuzz(options: LspFuzzOptions): Promise<LspFuzzResult> {
  const { seed, rounds, seeds } = options;
  const corpus = seeds.map((s) => s.text);
  const result: LspFuzzResult = { rounds: 0, documents: 0, requests: 0, cancelled: 0, unsupported: [], slowestDiagnosticsMs: 0, seconds: 0, failures: [] };
  const start = performance.now();
  const session = await startLspSession({
    settings: { zenmlAppRunner: { validation: { enable: true, severity: {} } } },
    timeoutMs: REQUEST_TIMEOUT_MS,
    serverScript: options.serverScript,
  });
  const uri = 'file:///fuzz/workspace/fuzz.zenml.deployer.yaml';
  let errorLogsSeen = 0;
  try {
    const { features, unsupported } = offered(session.initializeResult.capabilities);
    result.unsupported = unsupported;
    await session.open(uri, seeds[0].text, 1);
    let version = 1;
    let lastDiagnostics = await session.diagnostics(uri, { version, timeoutMs: DIAGNOSTICS_TIMEOUT_MS });
    for (let round = 0; round < rounds && result.failures.length < 3; round++) {
      // Case numbers above the in-process range, so the two layers never share a case seed.
      const random = new Random(caseSeed(seed, 1_000_000 + round));
      const pending: Pending[] = [];
      const applied: string[] = [];
      let text = '';
      for (let i = random.between(3, 15); i > 0; i--) {
        const base = random.pick(seeds);
        const mutated = mutate(base.text, random, corpus);
        text = mutated.text;
        applied.push(`${base.name}: ${mutated.applied.join('+')}`);
        await session.change(uri, text, ++version);
        result.documents++;
        const lines = new LineTable(text);
        for (let k = random.int(3); k > 0 && features.length > 0; k--) {
          const [method, params] = requestFor(random.pick(features), uri, lines, random, lastDiagnostics);
          const promise = session.request(method, params);
          promise.catch(() => undefined); // judged after the round, not an unhandled rejection now
          pending.push({ method, version, promise });
        }
      }
      const problems: string[] = [];
      const sentAt = performance.now();
      try {
        lastDiagnostics = await session.diagnostics(uri, { version, timeoutMs: DIAGNOSTICS_TIMEOUT_MS });
        result.slowestDiagnosticsMs = Math.max(result.slowestDiagnosticsMs, performance.now() - sentAt);
        const lines = new LineTable(text);
        lastDiagnostics.forEach((d, i) => {
          problems.push(...checkRange(lines, d.range, `diagnostic[${i}] (${String(d.code)})`));
          if (typeof d.message !== 'string' || d.message.trim() === '') problems.push(`diagnostic[${i}]: empty message`);
          if (d.code === undefined || d.code === '') problems.push(`diagnostic[${i}]: no code`);
        });
      } catch (error) {
        problems.push(`no diagnostics for the final version ${version}: ${errorText(error)}`);
      }
      const settled = await Promise.allSettled(pending.map((p) => p.promise));
      settled.forEach((outcome, i) => {
        result.requests++;
        if (outcome.status === 'fulfilled') return;
        const code = errorCode(outcome.reason);
        if (code !== undefined && CANCELLED.has(code)) {
          result.cancelled++;
          return;
        }
        problems.push(`${pending[i].method} (sent after version ${pending[i].version}) failed: ${errorText(outcome.reason)}`);
      });
      // The server logs a handler that threw (and answered with its fallback) as an error.
      const errorLogs = session.logs.filter((log) => log.type === 1);
      problems.push(...errorLogs.slice(errorLogsSeen).map((log) => `server logged an error: ${log.message.split('\n').slice(0, 6).join('\n    ')}`));
      errorLogsSeen = errorLogs.length;
      const exited = session.unexpectedErrors().find((problem) => problem.includes('before stop()'));
      if (exited) problems.push(exited);
      if (problems.length > 0) result.failures.push({ layer: 'lsp', index: round, seedName: 'several', applied, text, problems });
      result.rounds++;
      if (exited) break;
    }
    // stderr output (an unhandled rejection, a Node warning, a crash trace) over the whole run.
    const unexpected = session.unexpectedErrors();
    if (unexpected.length > 0) {
      result.failures.push({ layer: 'lsp-stderr', index: result.rounds, seedName: 'the whole run', applied: [], text: unexpected.join('\n'), problems: unexpected });
    }
  } finally {
    await session.stop();
    result.seconds = (performance.now() - start) / 1000;
  }
  return result;
}
