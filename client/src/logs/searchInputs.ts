// What Search Logs asks for, as plain data (no `vscode` import): the time ranges offered, a custom
// range typed as text, and the recent patterns kept in the extension's global state.
import { parseTimeArg } from '../../../common/src/logs/timeRange';

export interface RangeChoice {
  label: string;
  /** How far back from now; undefined for the custom range. */
  ms?: number;
}

export const RANGE_CHOICES: readonly RangeChoice[] = [
  { label: 'Last 15 minutes', ms: 15 * 60_000 },
  { label: 'Last hour', ms: 3_600_000 },
  { label: 'Last 3 hours', ms: 3 * 3_600_000 },
  { label: 'Last 12 hours', ms: 12 * 3_600_000 },
  { label: 'Last day', ms: 86_400_000 },
  { label: 'Last week', ms: 7 * 86_400_000 },
  { label: 'Custom range…' },
];

export interface TimeRange {
  startTime: number;
  endTime: number;
}

/**
 * A custom range: `FROM [TO]`, each an ISO time (`2026-12-01T09:00:00Z`) or a duration before now
 * (`2h`); without TO it runs to now. Returns the range, or what is wrong with the text.
 */
export function parseCustomRange(text: string, now = Date.now()): TimeRange | { error: string } {
  const parts = text.trim().split(/\s+(?:to\s+)?|\s*\.\.\s*/).filter((part) => part !== '');
  if (parts.length === 0 || parts.length > 2) return { error: 'Type a start and optionally an end, e.g. 2026-12-01T09:00:00Z 2026-12-01T10:00:00Z, or 2h 1h' };
  const [from, to] = parts;
  const startTime = parseTimeArg(from, now);
  if (startTime === undefined) return { error: `'${from}' is neither an ISO time (2026-12-01T09:00:00Z) nor a duration (30m, 2h, 1d)` };
  const endTime = to === undefined ? now : parseTimeArg(to, now);
  if (endTime === undefined) return { error: `'${to}' is neither an ISO time (2026-12-01T10:00:00Z) nor a duration (30m, 2h, 1d)` };
  if (endTime < startTime) return { error: `The range ends (${new Date(endTime).toISOString()}) before it starts (${new Date(startTime).toISOString()})` };
  return { startTime, endTime };
}

/** The part of `vscode.Memento` the recent patterns use. */
export interface PatternStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

export const RECENT_PATTERNS_KEY = 'zenmlAppRunner.searchLogs.recentPatterns';
export const MAX_RECENT_PATTERNS = 8;

/** The patterns used last, newest first. */
export function recentPatterns(store: PatternStore): string[] {
  const stored = store.get<unknown>(RECENT_PATTERNS_KEY);
  return Array.isArray(stored) ? stored.filter((item): item is string => typeof item === 'string').slice(0, MAX_RECENT_PATTERNS) : [];
}

/** Puts `pattern` first (once), keeping a few. An empty pattern is not worth remembering. */
export function rememberPattern(store: PatternStore, pattern: string): Thenable<void> {
  if (pattern.trim() === '') return Promise.resolve();
  const patterns = [pattern, ...recentPatterns(store).filter((item) => item !== pattern)].slice(0, MAX_RECENT_PATTERNS);
  return store.update(RECENT_PATTERNS_KEY, patterns);
}
