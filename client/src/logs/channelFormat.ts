// How a log line reads in a deployment's output channel: one time (the event's, to the
// millisecond; the date once per day as a header), a short source (`svc`, or `app` and the first
// characters of the instance), and the message; a JSON event as `LEVEL logger: message key=value`
// on one line. No `vscode` import: tested on its own. (The CLI keeps ISO times and full streams.)
import type { LogLine } from '../../../common/src/logs/types';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `2026-12-03`, in the machine's time zone. */
export function dayOf(timestamp: number): string {
  const date = new Date(timestamp);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `09:41:12.004`, in the machine's time zone. */
export function timeOf(timestamp: number): string {
  const date = new Date(timestamp);
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

/** `svc`, or `app 7c1d` (an instance's first characters: enough to tell instances apart). */
export function sourceOf(line: Pick<LogLine, 'source' | 'logStreamName'>): string {
  if (line.source === 'service') return 'svc';
  const instance = /^instance\/([0-9a-f]{4})/i.exec(line.logStreamName)?.[1];
  return instance ? `app ${instance}` : 'app';
}

const LEVEL_KEYS = ['level', 'levelname', 'severity', 'log_level'];
const LOGGER_KEYS = ['logger', 'name', 'logger_name'];
const MESSAGE_KEYS = ['message', 'msg', 'event'];
const TIME_KEYS = new Set(['time', 'timestamp', 'asctime', '@timestamp', 'ts']);

function scalar(value: unknown): string {
  return typeof value === 'string' ? (/[\s"=]/.test(value) ? JSON.stringify(value) : value) : JSON.stringify(value);
}

/** A JSON object message in one readable line; undefined for anything else (printed as written). */
export function readableJson(message: string): string | undefined {
  const text = message.trim();
  if (!text.startsWith('{') || !text.endsWith('}')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const fields = { ...(value as Record<string, unknown>) };
  const take = (keys: readonly string[]): string | undefined => {
    const key = keys.find((candidate) => typeof fields[candidate] === 'string');
    if (key === undefined) return undefined;
    const found = fields[key] as string;
    delete fields[key];
    return found;
  };
  const level = take(LEVEL_KEYS);
  const logger = take(LOGGER_KEYS);
  const body = take(MESSAGE_KEYS);
  for (const key of Object.keys(fields)) if (TIME_KEYS.has(key)) delete fields[key];
  const rest = Object.entries(fields).map(([key, item]) => `${key}=${scalar(item)}`);
  const head = [level?.toUpperCase(), logger ? `${logger}:` : undefined, body].filter((part) => part !== undefined).join(' ');
  return [head, ...rest].filter((part) => part !== '').join('  ');
}

/** The line as the channel shows it (without the date, which is a header). */
export function channelLine(line: LogLine): string {
  const message = line.message.replace(/\r?\n$/, '');
  return `${timeOf(line.timestamp)} [${sourceOf(line)}] ${readableJson(message) ?? message}`;
}
