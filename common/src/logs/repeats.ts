// Bounded bookkeeping that keeps a line from being shown twice when the follower switches between
// Live Tail and polling: both can see the same event around the switch, and neither carries an id
// the other knows. Lines are compared by stream, time and message, counted, so two identical lines
// that really were written twice both show.

import type { LogLine } from './types';

const lineKey = (line: LogLine): string => `${line.logGroupName}\n${line.logStreamName}\n${line.timestamp}\n${line.message}`;

/** A multiset of line keys that forgets its oldest entries beyond `capacity`. */
export class BoundedLineSet {
  private readonly counts = new Map<string, number>();
  private size = 0;

  constructor(private readonly capacity: number) {}

  get count(): number {
    return this.size;
  }

  add(line: LogLine): void {
    if (this.size >= this.capacity) {
      const oldest = this.counts.keys().next().value as string;
      this.remove(oldest);
    }
    const key = lineKey(line);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.size++;
  }

  /** True (and forgets one occurrence) when `line` was added before. */
  take(line: LogLine): boolean {
    return this.remove(lineKey(line));
  }

  private remove(key: string): boolean {
    const count = this.counts.get(key);
    if (count === undefined) return false;
    if (count === 1) this.counts.delete(key);
    else this.counts.set(key, count - 1);
    this.size--;
    return true;
  }
}

interface Watermark {
  logGroupName: string;
  logStreamName: string;
  timestamp: number;
  /** The lines Live Tail delivered at exactly `timestamp`: polling resumes there and re-reads them. */
  atWatermark: BoundedLineSet;
}

/** Per stream, how far Live Tail got and what it delivered at that instant. */
export class LiveTailWatermarks {
  private readonly streams = new Map<string, Watermark>();

  constructor(private readonly capacityPerStream = 10_000) {}

  note(line: LogLine): void {
    const key = `${line.logGroupName}\n${line.logStreamName}`;
    let mark = this.streams.get(key);
    if (mark === undefined || line.timestamp > mark.timestamp) {
      mark = { logGroupName: line.logGroupName, logStreamName: line.logStreamName, timestamp: line.timestamp, atWatermark: new BoundedLineSet(this.capacityPerStream) };
      this.streams.set(key, mark);
    }
    if (line.timestamp === mark.timestamp) mark.atWatermark.add(line);
  }

  /** True when a polled line is one Live Tail already delivered (and forgets that occurrence). */
  isRepeat(line: LogLine): boolean {
    const mark = this.streams.get(`${line.logGroupName}\n${line.logStreamName}`);
    return mark !== undefined && line.timestamp === mark.timestamp && mark.atWatermark.take(line);
  }

  entries(): Iterable<Readonly<Watermark>> {
    return this.streams.values();
  }

  clear(): void {
    this.streams.clear();
  }
}
