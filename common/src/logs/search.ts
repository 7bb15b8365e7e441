// Log search: FilterLogEvents over a service's two log groups with CloudWatch's own filter-pattern
// syntax (CloudWatch evaluates the pattern; nothing here reads it), every page, both groups merged
// in time order as the pages arrive. `filterLogLines` streams every match (the CLI prints them as
// they come); `searchLogs` collects up to a cap and says when there is more (VS Code's document).
// A log group that does not exist (App Runner creates the application group when an instance
// first starts) is not an error; a pattern CloudWatch refuses is a `FilterPatternError` with
// CloudWatch's message; `signal` cancels between and during calls.
import { FilterLogEventsCommand, paginateFilterLogEvents } from '../aws/sdk';
import type { CloudWatchLogsClient, FilteredLogEvent, FilterLogEventsCommandOutput } from '@aws-sdk/client-cloudwatch-logs';
import type { AwsTarget } from '../aws/clientFactory';
import { toAwsCallError } from '../aws/errors';
import { byTimestamp } from './pollingReader';
import type { LogGroupRef, LogLine } from './types';

/** CloudWatch refused the filter pattern; `message` is CloudWatch's own words. */
export class FilterPatternError extends Error {
  constructor(
    message: string,
    readonly pattern: string,
  ) {
    super(message);
    this.name = 'FilterPatternError';
  }
}

/** The search was cancelled through its AbortSignal. */
export class SearchCancelledError extends Error {
  constructor() {
    super('the search was cancelled');
    this.name = 'AbortError';
  }
}

export interface SearchOptions {
  /** The Logs client and the target it was made for (errors name the profile, region and endpoint). */
  clients: { logs: CloudWatchLogsClient; target: AwsTarget };
  /** Usually `serviceLogGroups(serviceName, serviceId)`. */
  groups: readonly LogGroupRef[];
  /** CloudWatch's filter-pattern syntax; empty or undefined: every event. */
  filterPattern?: string;
  /** ms since the epoch, inclusive. */
  startTime: number;
  /** ms since the epoch, inclusive; undefined: up to now. */
  endTime?: number;
  signal?: AbortSignal;
}

/** What a search read besides the lines: for "N matches in M pages" and "no application log yet". */
export interface SearchProgress {
  /** FilterLogEvents calls made. */
  pages: number;
  /** Groups that do not exist (not an error). */
  missingGroups: string[];
}

const NOT_CANCELLABLE = new AbortController().signal;

/** InvalidParameterException about the pattern (not, say, a time range): CloudWatch's words about a term or the pattern. */
function isPatternRefusal(error: unknown, pattern: string | undefined): boolean {
  const e = error as { name?: string; message?: string };
  return pattern !== undefined && pattern.trim() !== '' && e?.name === 'InvalidParameterException' && /pattern|term/i.test(e.message ?? '');
}

/** One group's pages, read on demand into a buffer of lines in time order. */
class GroupPages {
  readonly buffer: LogLine[] = [];
  exhausted = false;
  missing = false;
  private readonly pages: AsyncGenerator<FilterLogEventsCommandOutput, undefined>;

  constructor(
    private readonly group: LogGroupRef,
    private readonly options: SearchOptions,
    private readonly progress: SearchProgress,
  ) {
    const { clients, filterPattern, startTime, endTime, signal } = options;
    const input = {
      logGroupName: group.name,
      startTime,
      ...(endTime !== undefined ? { endTime } : {}),
      ...(filterPattern !== undefined && filterPattern.trim() !== '' ? { filterPattern } : {}),
    };
    this.pages = paginateFilterLogEvents({ client: clients.logs }, input, { abortSignal: signal ?? NOT_CANCELLABLE }) as AsyncGenerator<FilterLogEventsCommandOutput, undefined>;
  }

  /** Reads pages until at least one line is buffered or the group is done (pages may come back empty). */
  async fill(): Promise<void> {
    const signal = this.options.signal ?? NOT_CANCELLABLE;
    while (this.buffer.length === 0 && !this.exhausted) {
      if (signal.aborted) throw new SearchCancelledError();
      let next: IteratorResult<FilterLogEventsCommandOutput, undefined>;
      try {
        next = await this.pages.next();
      } catch (error) {
        if (signal.aborted || (error as Error).name === 'AbortError') throw new SearchCancelledError();
        if ((error as Error).name === 'ResourceNotFoundException') {
          this.exhausted = this.missing = true;
          this.progress.missingGroups.push(this.group.name);
          return;
        }
        if (isPatternRefusal(error, this.options.filterPattern)) throw new FilterPatternError((error as Error).message, this.options.filterPattern ?? '');
        throw toAwsCallError(error, this.options.clients.target, 'logs', 'FilterLogEvents');
      }
      if (next.done) {
        this.exhausted = true;
        return;
      }
      this.progress.pages++;
      for (const event of next.value.events ?? []) this.buffer.push(toLine(this.group, event));
    }
  }
}

function toLine(group: LogGroupRef, event: FilteredLogEvent): LogLine {
  return {
    timestamp: event.timestamp ?? 0,
    ...(event.ingestionTime !== undefined ? { ingestionTime: event.ingestionTime } : {}),
    source: group.source,
    logGroupName: group.name,
    logStreamName: event.logStreamName ?? '',
    message: event.message ?? '',
  };
}

/**
 * Every matching line of every group in time order, in batches as pages arrive. A group's lines are
 * handed out only up to the last time every unfinished group has reached, so the merge never has
 * to go back. `progress` (when given) counts the calls and notes missing groups.
 */
export async function* filterLogLines(options: SearchOptions, progress: SearchProgress = { pages: 0, missingGroups: [] }): AsyncGenerator<LogLine[], void> {
  if (options.endTime !== undefined && options.endTime < options.startTime) throw new RangeError('the search range ends before it starts');
  const sources = options.groups.map((group) => new GroupPages(group, options, progress));
  for (;;) {
    await Promise.all(sources.map((source) => source.fill()));
    const open = sources.filter((source) => source.buffer.length > 0);
    if (open.length === 0) return;
    // How far every group that may still hold more has been read.
    let horizon = Number.POSITIVE_INFINITY;
    for (const source of sources) {
      if (!source.exhausted) horizon = Math.min(horizon, source.buffer[source.buffer.length - 1].timestamp);
    }
    const batch: LogLine[] = [];
    for (const source of open) {
      let take = 0;
      while (take < source.buffer.length && source.buffer[take].timestamp <= horizon) take++;
      batch.push(...source.buffer.splice(0, take));
    }
    // A stable sort keeps the groups' order (service first) for events of the same millisecond.
    if (open.length > 1) batch.sort(byTimestamp);
    if (batch.length > 0) yield batch;
  }
}

export interface SearchResult extends SearchProgress {
  /** The matches in time order, at most `limit`. */
  lines: LogLine[];
  /** More events matched than `limit`: the lines are the earliest ones, up to `lines.at(-1).timestamp`. */
  truncated: boolean;
}

export const DEFAULT_SEARCH_LIMIT = 5000;

/** The first `limit` matches (default 5,000) in time order; `truncated` says there were more. `onProgress` hears the count so far. */
export async function searchLogs(options: SearchOptions & { limit?: number; onProgress?: (matches: number) => void }): Promise<SearchResult> {
  const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
  const progress: SearchProgress = { pages: 0, missingGroups: [] };
  const lines: LogLine[] = [];
  let truncated = false;
  for await (const batch of filterLogLines(options, progress)) {
    if (batch.length === 0) continue;
    // Full: one more match is enough to say there is more.
    if (lines.length === limit) {
      truncated = true;
      break;
    }
    const room = limit - lines.length;
    lines.push(...batch.slice(0, room));
    options.onProgress?.(lines.length);
    if (batch.length > room) {
      truncated = true;
      break;
    }
  }
  return { lines, truncated, ...progress };
}

/** "The first 5,000 matches, up to 10:42:07; more matched: narrow the pattern or the time range." */
export function truncationNote(result: Pick<SearchResult, 'lines' | 'truncated'>): string | undefined {
  if (!result.truncated) return undefined;
  const last = result.lines[result.lines.length - 1];
  const until = last ? ` (up to ${new Date(last.timestamp).toISOString()})` : '';
  return `Showing the first ${result.lines.length.toLocaleString('en')} matches${until}; more results: narrow the pattern or the time range.`;
}

/**
 * Asks CloudWatch whether it accepts `filterPattern` (one FilterLogEvents call over an empty time
 * range of the first group): throws `FilterPatternError` with CloudWatch's message when not. For a
 * follow, which would otherwise only learn it from its first poll.
 */
export async function checkFilterPattern(options: Pick<SearchOptions, 'clients' | 'groups' | 'signal'> & { filterPattern: string }): Promise<void> {
  const group = options.groups[0];
  if (group === undefined || options.filterPattern.trim() === '') return;
  const now = Date.now();
  try {
    await options.clients.logs.send(new FilterLogEventsCommand({ logGroupName: group.name, filterPattern: options.filterPattern, startTime: now, endTime: now, limit: 1 }), { abortSignal: options.signal ?? NOT_CANCELLABLE });
  } catch (error) {
    if ((error as Error).name === 'ResourceNotFoundException') return;
    if (options.signal?.aborted) throw new SearchCancelledError();
    if (isPatternRefusal(error, options.filterPattern)) throw new FilterPatternError((error as Error).message, options.filterPattern);
    throw toAwsCallError(error, options.clients.target, 'logs', 'FilterLogEvents');
  }
}
