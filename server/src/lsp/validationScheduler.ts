// Runs validation off the request path: immediately on open, debounced on change, one document
// per macrotask (so hover and completion requests interleave), and never publishes results for
// a version that is no longer current. The debounce fits the work: a deployer file of tens of
// lines validates in about a millisecond, so waiting a fixed 200 ms would be most of what the
// user waits for; a 5,000-line file takes tens of milliseconds, and validating it at every
// keystroke of a burst would queue work, so its wait grows with its last validation's cost.
import { performance } from 'node:perf_hooks';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { describeError } from '../../../common/src/describeError';

export interface ValidationHost {
  document(uri: string): TextDocument | undefined;
  /** Validates the text (may await settings); `undefined` means "publish nothing new". */
  validate(document: TextDocument): Promise<(() => void) | undefined>;
  logError(message: string): void;
}

/** The debounce after a change: `BASE + FACTOR × the document's last validation time`, at most `MAX`. */
export const DEBOUNCE = Object.freeze({ baseMs: 40, factor: 4, maxMs: 300 });

export function debounceFor(lastValidationMs: number | undefined): number {
  return Math.min(DEBOUNCE.maxMs, DEBOUNCE.baseMs + DEBOUNCE.factor * (lastValidationMs ?? 0));
}

export class ValidationScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly queue = new Set<string>();
  /** Per document, how long its last validation took (ms). */
  private readonly costs = new Map<string, number>();
  private draining = false;

  constructor(private readonly host: ValidationHost) {}

  /** Validate as soon as the queue reaches the document. */
  now(uri: string): void {
    this.clearTimer(uri);
    this.enqueue(uri);
  }

  /** Validate once the user pauses typing; each new change restarts the wait. */
  debounced(uri: string): void {
    this.clearTimer(uri);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.enqueue(uri);
      }, debounceFor(this.costs.get(uri))),
    );
  }

  cancel(uri: string): void {
    this.clearTimer(uri);
    this.queue.delete(uri);
    this.costs.delete(uri);
  }

  dispose(): void {
    for (const uri of [...this.timers.keys()]) this.cancel(uri);
    this.queue.clear();
  }

  private clearTimer(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  private enqueue(uri: string): void {
    this.queue.add(uri);
    if (!this.draining) {
      this.draining = true;
      void this.drain();
    }
  }

  private async drain(): Promise<void> {
    try {
      for (let uri = first(this.queue); uri !== undefined; uri = first(this.queue)) {
        this.queue.delete(uri);
        await yieldToEventLoop();
        await this.validateOne(uri);
      }
    } finally {
      this.draining = false;
    }
  }

  private async validateOne(uri: string): Promise<void> {
    const document = this.host.document(uri);
    if (!document) return;
    const version = document.version;
    try {
      const start = performance.now();
      const publish = await this.host.validate(document);
      this.costs.set(uri, performance.now() - start);
      // A change or close while settings were being fetched makes this result stale; the
      // change has scheduled its own validation.
      const current = this.host.document(uri);
      if (publish && current?.version === version && !this.timers.has(uri) && !this.queue.has(uri)) publish();
    } catch (error) {
      this.host.logError(`Validating ${uri} failed: ${describeError(error, { stack: true })}`);
    }
  }
}

function first(set: ReadonlySet<string>): string | undefined {
  return set.values().next().value;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
