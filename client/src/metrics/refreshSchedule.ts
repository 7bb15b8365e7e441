// When the dashboard reads its metrics again: every `intervalMs` while the panel is visible, never
// while it is hidden, and at once when it comes back after missing a refresh. Free of `vscode`
// (the panel tells it about visibility), tested with mocked timers in test/client/metrics/.

export const REFRESH_MS = 60_000;

export interface Clock {
  now(): number;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

const SYSTEM_CLOCK: Clock = {
  now: () => Date.now(),
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};

export class RefreshSchedule {
  private timer: unknown;
  /** When the shown data was read (0: not yet). */
  private loadedAt = 0;

  constructor(
    private readonly refresh: () => void,
    private readonly intervalMs = REFRESH_MS,
    private readonly clock: Clock = SYSTEM_CLOCK,
  ) {}

  /** The panel shows data read now. */
  loaded(): void {
    this.loadedAt = this.clock.now();
  }

  /** Whether data read at the last `loaded()` is still current. */
  get fresh(): boolean {
    return this.loadedAt > 0 && this.clock.now() - this.loadedAt < this.intervalMs;
  }

  /** The panel became visible or hidden. */
  setVisible(visible: boolean): void {
    if (!visible) {
      this.stop();
      return;
    }
    if (this.timer === undefined) this.timer = this.clock.setInterval(() => this.refresh(), this.intervalMs);
    if (this.loadedAt > 0 && !this.fresh) this.refresh();
  }

  get running(): boolean {
    return this.timer !== undefined;
  }

  stop(): void {
    if (this.timer !== undefined) this.clock.clearInterval(this.timer);
    this.timer = undefined;
  }
}
