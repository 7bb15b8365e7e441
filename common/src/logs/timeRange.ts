// Times as users type them for a log range: a duration before now (`90s`, `10m`, `2h`, `1d`, `1w`)
// or an ISO 8601 time (`2026-12-01T10:00:00Z`, `2026-12-01`). Shared by the CLI's `--since` /
// `--until` and VS Code's Search Logs custom range.

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** ms since the epoch, or undefined when `value` is neither a duration nor an ISO time. */
export function parseTimeArg(value: string, now = Date.now()): number | undefined {
  const text = value.trim();
  const relative = /^(\d+)([smhdw])$/.exec(text);
  if (relative) return now - Number(relative[1]) * UNIT_MS[relative[2]];
  const absolute = Date.parse(text);
  return /^\d{4}-\d{2}-\d{2}/.test(text) && Number.isFinite(absolute) ? absolute : undefined;
}

export const TIME_ARG_HELP = 'a duration before now (30s, 10m, 2h, 1d, 1w) or an ISO time (2026-12-01T10:00:00Z)';
