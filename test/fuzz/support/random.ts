// A seeded PRNG (mulberry32) with the few helpers the fuzzers need. Same seed, same run.
import { relative } from 'node:path';

export class Random {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A uniform float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n); 0 when n <= 0. */
  int(n: number): number {
    return n <= 0 ? 0 : Math.floor(this.next() * n);
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

/** The seed every randomised test runs with in CI (env CI=true): the same run every time. */
export const CI_SEED = 20261130;

/**
 * A seed from the environment (`name`, decimal or 0x hex); else {@link CI_SEED} in CI, and a
 * fresh random one locally (each test prints it with the command that replays it).
 */
export function seedFromEnv(name: string): number {
  const raw = process.env[name];
  if (raw !== undefined && raw.trim() !== '') {
    const value = Number(raw.trim());
    if (Number.isInteger(value)) return value >>> 0;
  }
  if (process.env.CI === 'true') return CI_SEED;
  return Math.floor(Math.random() * 0x1_0000_0000) >>> 0;
}

/** `seed N; replay with NAME=N node --test <the compiled test file>` for titles and failures. */
export function replayHint(name: string, seed: number, testFile: string): string {
  return `seed ${seed}; replay with ${name}=${seed} node --test ${relative(process.cwd(), testFile) || testFile}`;
}

/** The seed of case `index` of a run, so one case can be replayed without the ones before it. */
export function caseSeed(runSeed: number, index: number): number {
  let h = (runSeed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}
