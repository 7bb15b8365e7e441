// The poller with injected timers: polls only while work goes on, backs off, stops when settled.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OperationPoller, pollDelays, type Timers } from '../../../client/src/explorer/operationPoller';

class ManualTimers implements Timers {
  pending: { callback: () => void; ms: number; id: number }[] = [];
  private next = 0;
  setTimeout(callback: () => void, ms: number): unknown {
    const id = ++this.next;
    this.pending.push({ callback, ms, id });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((timer) => timer.id !== handle);
  }
  /** Fires the one pending timer and waits for the poll it starts; returns its delay. */
  async fire(): Promise<number> {
    assert.equal(this.pending.length, 1, 'exactly one poll is scheduled');
    const [timer] = this.pending.splice(0);
    timer.callback();
    await new Promise((resolve) => setImmediate(resolve));
    return timer.ms;
  }
}

const SCHEDULE = { firstMs: 1000, maxMs: 8000, factor: 2 };

void describe('operation poller', () => {
  void it('computes a capped backoff', () => {
    assert.deepEqual(pollDelays(SCHEDULE, 6), [1000, 2000, 4000, 8000, 8000, 8000]);
  });

  void it('starts when work is seen, backs off while busy, and stops once settled', async () => {
    const timers = new ManualTimers();
    const answers = [true, true, true, false];
    let polls = 0;
    const poller = new OperationPoller(() => Promise.resolve(answers[polls++]), SCHEDULE, timers);
    poller.settle(false);
    assert.equal(poller.active, false, 'nothing busy: no polling');
    poller.settle(true);
    assert.equal(poller.active, true);
    const delays = [await timers.fire(), await timers.fire(), await timers.fire(), await timers.fire()];
    assert.deepEqual(delays, [1000, 2000, 4000, 8000]);
    assert.equal(polls, 4);
    assert.equal(poller.active, false, 'settled: polling stopped');
    assert.equal(timers.pending.length, 0);
  });

  void it('a failing poll keeps polling; kick restarts from the first delay; dispose ends it', async () => {
    const timers = new ManualTimers();
    const poller = new OperationPoller(() => Promise.reject(new Error('offline')), SCHEDULE, timers);
    poller.kick();
    assert.equal(await timers.fire(), 1000);
    assert.equal(timers.pending[0].ms, 2000);
    poller.kick();
    assert.equal(timers.pending[0].ms, 1000);
    poller.dispose();
    assert.equal(poller.active, false);
    poller.kick();
    assert.equal(timers.pending.length, 0);
  });
});
