// Log search over 100,000 events: FilterLogEvents through the real SDK client against the
// in-process emulator, every page of both log groups merged in time order, as `logs --filter` (all
// matches) and Search Logs… (the first 5,000) run it. Prints time, calls and matches per pattern;
// asserts only that every match was found.
import { performance } from 'node:perf_hooks';
import { createAwsClients } from '../../common/src/aws/clientFactory';
import { filterLogLines, searchLogs, serviceLogGroups, type SearchProgress } from '../../common/src/logs';
import { startEmulator } from '../../emulator/src/server';
import { median, table } from './support/stats';

const EVENTS = 100_000;
const RUNS = 3;

/** Event `n` of the application log: access lines, every fifth a JSON record; 2 in 100 errors (one JSON, one plain). */
function message(n: number): string {
  const failed = n % 100 < 2;
  if (n % 5 === 0) return JSON.stringify({ level: failed ? 'ERROR' : 'INFO', logger: 'zenml.deployers.server', message: failed ? 'step failed' : 'invocation served', run: `run-${n}`, duration_ms: (n * 37) % 5000 });
  return failed ? `ERROR:    Exception in ASGI application (request ${n})` : `INFO:     10.0.${n % 250}.7:40000 - "POST /invoke HTTP/1.1" ${n % 50 === 3 ? '500 Internal Server Error' : '200 OK'}`;
}

interface Case {
  pattern: string;
  /** The expected number of matches among the 100,000 (computed from `message`). */
  expected: number;
  /** Search Logs… caps at 5,000 instead of reading everything. */
  capped?: boolean;
}

function count(test: (n: number, text: string) => boolean): number {
  let matches = 0;
  for (let n = 0; n < EVENTS; n++) if (test(n, message(n))) matches++;
  return matches;
}

export async function runLogSearchBench(): Promise<void> {
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  const emulator = await startEmulator({ port: 0, provisioningMs: 0, appLogIntervalMs: 0 });
  const clients = createAwsClients({ region: 'us-east-1', endpoint: emulator.url }, { credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  try {
    const [service] = await emulator.control.seedServices({ services: [{ name: 'zenml-bench-search-00c0ffee', tags: { 'managed-by': 'zenml', 'zenml-deployment-name': 'bench-search' } }] });
    const groups = serviceLogGroups(service.name, service.id);
    const start = Date.now() - 2 * 3_600_000;
    // Two instances, interleaved: 50,000 events each, 100 ms apart within a stream.
    for (let stream = 0; stream < 2; stream++) {
      const messages = Array.from({ length: EVENTS / 2 }, (_, i) => message(2 * i + stream));
      for (let offset = 0; offset < messages.length; offset += 10_000) {
        await emulator.control.appendLogs({ logGroupName: groups[1].name, logStreamName: `instance/${stream}`, messages: messages.slice(offset, offset + 10_000), startTime: start + stream + (offset * 100), stepMs: 100 });
      }
    }
    const cases: Case[] = [
      { pattern: 'ERROR', expected: count((_, text) => text.includes('ERROR')) },
      { pattern: '{ $.level = "ERROR" && $.duration_ms > 1000 }', expected: count((_, text) => text.startsWith('{') && (JSON.parse(text) as { level: string; duration_ms: number }).level === 'ERROR' && (JSON.parse(text) as { duration_ms: number }).duration_ms > 1000) },
      { pattern: '[level, client, dash, request, status = 5*, ...]', expected: count((_, text) => / - "POST \/invoke HTTP\/1\.1" 5\d\d /.test(text)) },
      { pattern: '%10\\.0\\.1\\d\\d\\.7%', expected: count((_, text) => /10\.0\.1\d\d\.7/.test(text)) },
      { pattern: '"POST /invoke"', expected: count((_, text) => text.includes('POST /invoke')) },
      { pattern: '"POST /invoke"', expected: 5000, capped: true },
    ];
    const rows: string[][] = [];
    for (const { pattern, expected, capped } of cases) {
      const times: number[] = [];
      let pages = 0;
      let matches = 0;
      for (let run = 0; run < RUNS; run++) {
        const t0 = performance.now();
        if (capped) {
          const result = await searchLogs({ clients, groups, filterPattern: pattern, startTime: start });
          pages = result.pages;
          matches = result.lines.length;
          if (!result.truncated) throw new Error(`${pattern}: the capped search did not say there was more`);
        } else {
          const progress: SearchProgress = { pages: 0, missingGroups: [] };
          matches = 0;
          for await (const batch of filterLogLines({ clients, groups, filterPattern: pattern, startTime: start }, progress)) matches += batch.length;
          pages = progress.pages;
        }
        times.push(performance.now() - t0);
      }
      if (matches !== expected) throw new Error(`${pattern}: ${matches} matches, expected ${expected}`);
      const seconds = median(times) / 1000;
      rows.push([capped ? `${pattern} (Search Logs…, first 5,000)` : pattern, `${Math.round(median(times))} ms`, String(pages), matches.toLocaleString('en'), capped ? 'stops at 5,000' : `${Math.round(EVENTS / seconds).toLocaleString('en')} events/s`]);
    }
    console.log(`FilterLogEvents search over ${EVENTS.toLocaleString('en')} application events (2 streams) plus the service log, real SDK client, in-process emulator, median of ${RUNS} runs:`);
    console.log(table(['pattern', 'time', 'calls', 'matches', 'searched'], rows));
    console.log('"calls" counts FilterLogEvents calls over both groups: a call answers at most 10,000 events or 1 MB, and after looking at 50,000 events it answers with a nextToken, as AWS does.');
  } finally {
    clients.destroy();
    await emulator.stop();
  }
}
