// A `LogWriter` that keeps what an output channel would show, and lets a test wait for a line.
import type { LogWriter } from '../../../client/src/logs/channelSink';

export class RecordingWriter implements LogWriter {
  readonly entries: { level: 'info' | 'warn' | 'error'; message: string }[] = [];
  private waiters: (() => void)[] = [];

  info(message: string): void {
    this.add('info', message);
  }
  warn(message: string): void {
    this.add('warn', message);
  }
  error(message: string): void {
    this.add('error', message);
  }

  text(): string {
    return this.entries.map((entry) => entry.message).join('\n');
  }

  private add(level: 'info' | 'warn' | 'error', message: string): void {
    this.entries.push({ level, message });
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Resolves once the text matches `pattern`, re-checked on every write; fails after `timeoutMs` with the text so far. */
  async until(pattern: RegExp, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(this.text())) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out after ${timeoutMs} ms waiting for ${String(pattern)} in the channel:\n${this.text()}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}
