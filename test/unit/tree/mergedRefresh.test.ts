import * as assert from 'node:assert/strict';
import { MAX_DELAY_MS, MergedRefresh, mergeWindowMs, type MergeClock } from '../../../src/tree/mergedRefresh';

/** A clock the test moves by hand: timers run when `advance` passes their time. */
function manualClock(): MergeClock & { advance(ms: number): void } {
  let now = 0;
  let timers: { at: number; run: () => void; cancelled: boolean }[] = [];
  return {
    now: () => now,
    later(run, ms) {
      const timer = { at: now + ms, run, cancelled: false };
      timers.push(timer);
      return { cancel: () => (timer.cancelled = true) };
    },
    advance(ms) {
      now += ms;
      const due = timers.filter((t) => t.at <= now && !t.cancelled);
      timers = timers.filter((t) => t.at > now && !t.cancelled);
      for (const timer of due) timer.run();
    },
  };
}

describe('merged list refreshes', () => {
  it('fires the first refresh at once and a burst once it pauses for the window', () => {
    const clock = manualClock();
    const fired: string[] = [];
    const merged = new MergedRefresh<string>((key) => fired.push(key), clock);
    merged.request('list', 1000);
    assert.deepEqual(fired, ['list'], 'the first refresh is not delayed');
    for (let i = 0; i < 5; i++) {
      clock.advance(500);
      merged.request('list', 1000);
    }
    assert.deepEqual(fired, ['list'], 'nothing more while the burst goes on');
    clock.advance(999);
    assert.deepEqual(fired, ['list']);
    clock.advance(1);
    assert.deepEqual(fired, ['list', 'list'], 'the burst fires once when it pauses');
    clock.advance(5000);
    merged.request('list', 1000);
    assert.deepEqual(fired, ['list', 'list', 'list'], 'a refresh long after the last one fires at once');
  });

  it('shows a burst that never pauses at least every MAX_DELAY_MS', () => {
    const clock = manualClock();
    const fired: number[] = [];
    const merged = new MergedRefresh<string>(() => fired.push(clock.now()), clock);
    for (let t = 0; t <= 12_000; t += 100) {
      merged.request('list', 2000);
      clock.advance(100);
    }
    assert.deepEqual(fired, [0, 100 + MAX_DELAY_MS, 100 + 2 * MAX_DELAY_MS]);
  });

  it('keeps each list apart, fires at once with no window, and drops pending refreshes when disposed', () => {
    const clock = manualClock();
    const fired: string[] = [];
    const merged = new MergedRefresh<string>((key) => fired.push(key), clock);
    merged.request('a', 0);
    merged.request('a', 0);
    merged.request('b', 500);
    assert.deepEqual(fired, ['a', 'a', 'b']);
    merged.request('b', 500);
    merged.dispose();
    clock.advance(1000);
    assert.deepEqual(fired, ['a', 'a', 'b']);
  });

  it('has no window for a page of servers and at most two seconds for the largest lists', () => {
    assert.ok(mergeWindowMs(50) <= 10);
    assert.equal(mergeWindowMs(0), 0);
    assert.equal(mergeWindowMs(1_000_000), 2000);
  });
});
