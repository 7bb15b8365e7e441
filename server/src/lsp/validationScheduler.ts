// Runs validation off the request path: immediately on open, debounced on change, one document
// per macrotask (so hover and completion requests interleave), and never publishes results for
// a version that is no longer current.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { describeError } from './guard';

export interface ValidationHost {
  document(uri: string): TextDocument | undefined;
  /** Validates the text (may await settings); `undefined` means "publish nothing new". */
  validate(document: TextDocument): Promise<(() => void) | undefined>;
  logError(message: string): void;
}

export const CHANGE_DEBOUNCE_MS = 200;

export class ValidationScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly queue = new Set<string>();
  private draining = false;

  constructor(
    private readonly host: ValidationHost,
    private readonly debounceMs = CHANGE_DEBOUNCE_MS,
  ) {}

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
      }, this.debounceMs),
    );
  }

  cancel(uri: string): void {
    this.clearTimer(uri);
    this.queue.delete(uri);
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
      const publish = await this.host.validate(document);
      // A change or close while settings were being fetched makes this result stale; the
      // change has scheduled its own validation.
      const current = this.host.document(uri);
      if (publish && current?.version === version && !this.timers.has(uri) && !this.queue.has(uri)) publish();
    } catch (error) {
      this.host.logError(`Validating ${uri} failed: ${describeError(error)}`);
    }
  }
}

function first(set: ReadonlySet<string>): string | undefined {
  return set.values().next().value;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
