// Automatic refresh while some service runs an operation: fast at first, then backing off, and
// silent once everything is settled (AWS Toolkit polls every 20 s forever while busy; users
// asked for quicker feedback right after an action). Timers are injected so tests drive time.

export interface PollSchedule {
  /** Delay before the first poll after an operation starts. */
  firstMs: number;
  /** Upper bound of the delay. */
  maxMs: number;
  /** Each poll that still finds work multiplies the delay by this. */
  factor: number;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const NODE_TIMERS: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** The delays a poller waits while work goes on: first, first*factor, ... capped at max. */
export function pollDelays(schedule: PollSchedule, count: number): number[] {
  const delays: number[] = [];
  let delay = schedule.firstMs;
  for (let i = 0; i < count; i++) {
    delays.push(delay);
    delay = Math.min(schedule.maxMs, Math.round(delay * schedule.factor));
  }
  return delays;
}

export class OperationPoller {
  private handle: unknown;
  private delay: number;
  private disposed = false;
  /** True while `poll` runs: what it finds is handled by the tick itself. */
  private polling = false;

  /**
   * @param poll refreshes and answers whether some operation still runs; a failing poll counts
   * as "still busy" so a short outage does not stop the updates.
   */
  constructor(
    private readonly poll: () => Promise<boolean>,
    private schedule: PollSchedule,
    private readonly timers: Timers = NODE_TIMERS,
  ) {
    this.delay = schedule.firstMs;
  }

  /** True while a poll is scheduled. */
  get active(): boolean {
    return this.handle !== undefined;
  }

  /** Polls soon (from the first delay again): an operation has just started or been seen. */
  kick(): void {
    if (this.disposed) return;
    this.delay = this.schedule.firstMs;
    this.arm();
  }

  /** Tells the poller what the latest refresh found: keeps polling while busy, stops when settled. */
  settle(busy: boolean): void {
    if (this.polling) return;
    if (busy && !this.active) this.kick();
    if (!busy) this.stop();
  }

  updateSchedule(schedule: PollSchedule): void {
    this.schedule = schedule;
  }

  stop(): void {
    if (this.handle !== undefined) this.timers.clearTimeout(this.handle);
    this.handle = undefined;
  }

  dispose(): void {
    this.disposed = true;
    this.stop();
  }

  private arm(): void {
    this.stop();
    this.handle = this.timers.setTimeout(() => void this.tick(), this.delay);
  }

  private async tick(): Promise<void> {
    this.handle = undefined;
    let busy: boolean;
    this.polling = true;
    try {
      busy = await this.poll();
    } catch {
      busy = true;
    } finally {
      this.polling = false;
    }
    if (this.disposed || this.handle !== undefined) return; // disposed, or kicked during the poll
    if (!busy) return;
    this.delay = Math.min(this.schedule.maxMs, Math.round(this.delay * this.schedule.factor));
    this.arm();
  }
}
