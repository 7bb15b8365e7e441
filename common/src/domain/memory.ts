// ZenML's memory strings (`ResourceSettings.memory`): parsing exactly as ZenML does, and the
// valid spelling of the strings ZenML rejects, for quick fixes.

export interface MemoryUnit {
  /** The case-sensitive suffix, e.g. `GiB`. */
  readonly unit: string;
  /** Bytes in one unit. */
  readonly bytes: number;
  /** 1000 for the decimal units (KB, MB, ...), 1024 for the binary ones (KiB, MiB, ...). */
  readonly base: 1000 | 1024;
}

/**
 * The units in the order ZenML tries them: a string's unit is the first of this list that the
 * string ends with. (No unit is a suffix of another, so the order only matters for fidelity.)
 */
export const MEMORY_UNITS: readonly MemoryUnit[] = Object.freeze([
  { unit: 'KB', bytes: 1e3, base: 1000 },
  { unit: 'KiB', bytes: 2 ** 10, base: 1024 },
  { unit: 'MB', bytes: 1e6, base: 1000 },
  { unit: 'MiB', bytes: 2 ** 20, base: 1024 },
  { unit: 'GB', bytes: 1e9, base: 1000 },
  { unit: 'GiB', bytes: 2 ** 30, base: 1024 },
  { unit: 'TB', bytes: 1e12, base: 1000 },
  { unit: 'TiB', bytes: 2 ** 40, base: 1024 },
  { unit: 'PB', bytes: 1e15, base: 1000 },
  { unit: 'PiB', bytes: 2 ** 50, base: 1024 },
] as const);

const BYTES_PER_GB = 1e9;
const VALID_MEMORY = /^[0-9]+(KB|KiB|MB|MiB|GB|GiB|TB|TiB|PB|PiB)$/;

export type ParsedMemory = { ok: true; bytes: number; gigabytes: number } | { ok: false };

/**
 * Parses a memory string the way ZenML does: a whole number followed by a case-sensitive unit
 * (`2GB`, `512MiB`); anything else (`0.5GB`, `2G`, `2gb`, `2 GB`) is rejected.
 * `gigabytes` is `bytes / 10^9`, computed with the same float operations as ZenML, so
 * `2GiB` is 2.147483648 GB and `512MB` is exactly 0.512 GB. Exact for sizes below 2^53 bytes.
 */
export function parseMemory(text: string): ParsedMemory {
  if (!VALID_MEMORY.test(text)) return { ok: false };
  const unit = MEMORY_UNITS.find((candidate) => text.endsWith(candidate.unit));
  if (!unit) return { ok: false };
  const amount = Number(text.slice(0, text.length - unit.unit.length));
  const bytes = amount * unit.bytes;
  return { ok: true, bytes, gigabytes: bytes / BYTES_PER_GB };
}

/** Unit spellings people write, lower-cased, mapped to ZenML's unit. */
const UNIT_ALIASES: ReadonlyMap<string, string> = new Map(
  MEMORY_UNITS.flatMap(({ unit }): [string, string][] => {
    const lower = unit.toLowerCase(); // kb, kib, ...
    const letter = lower[0]; // k, m, g, ...
    return unit.includes('i')
      ? [[lower, unit], [`${letter}i`, unit]] // kib, ki
      : [[lower, unit], [letter, unit]]; // kb, k
  }),
);

const LOOSE_MEMORY = /^(\d+(?:\.\d*)?|\.\d+)\s*([A-Za-z]+)$/;

/**
 * For a memory string ZenML rejects, the equivalent spelling it accepts, or `undefined` when
 * there is none or it would be a guess:
 * `0.5GB` → `500MB`, `2G` → `2GB`, `512Mi` → `512MiB`, `2gb` → `2GB`, `1.5GB` → `1500MB`,
 * `1.5GiB` → `1536MiB`, `2 GB` → `2GB`. A bare number (`2048`) has no unit, so no suggestion.
 * Fractions step down to smaller units (by 1000 or 1024) until the amount is whole; the
 * largest unit that gives a whole number wins. Valid strings get `undefined` (nothing to fix).
 */
export function suggestMemorySpelling(text: string): string | undefined {
  if (parseMemory(text).ok) return undefined;
  const match = LOOSE_MEMORY.exec(text.trim());
  if (!match) return undefined;
  const [, amountText, unitText] = match;
  const unitName = UNIT_ALIASES.get(unitText.toLowerCase());
  if (unitName === undefined) return undefined;
  let unitIndex = MEMORY_UNITS.findIndex((unit) => unit.unit === unitName);

  // The amount as an exact fraction numerator / 10^decimals.
  const [whole, fraction = ''] = amountText.split('.');
  let numerator = BigInt((whole || '0') + fraction);
  const denominator = 10n ** BigInt(fraction.length);
  const base = BigInt(MEMORY_UNITS[unitIndex].base);
  // Each step down one unit of the same family multiplies the amount by the base.
  while (numerator % denominator !== 0n) {
    if (unitIndex < 2) return undefined; // already at KB/KiB: no smaller unit in ZenML's list
    numerator *= base;
    unitIndex -= 2;
  }
  const suggestion = `${(numerator / denominator).toString()}${MEMORY_UNITS[unitIndex].unit}`;
  return suggestion === text ? undefined : suggestion;
}

/**
 * A memory size in GB for display, in its shortest form rounded to 2 decimals: `2`, `0.5`,
 * `0.51` (for 0.512), `2.15` (for 2GiB = 2.147483648 GB). Non-zero sizes below 0.01 GB keep two
 * significant digits instead (`0.0001`), so they never show as `0`. Not for values sent to AWS.
 */
export function formatGigabytes(gb: number): string {
  if (!Number.isFinite(gb)) return String(gb);
  if (gb !== 0 && Math.abs(gb) < 0.01) return String(Number(gb.toPrecision(2)));
  return String(Number(gb.toFixed(2)));
}
