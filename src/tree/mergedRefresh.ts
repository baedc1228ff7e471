// Refreshing a registry's list makes VS Code build a tree node for every server row again (and the
// extension host keeps a little of each node until the view closes), so a burst of list refreshes
// (Load More clicked again and again, a sync after a publish) is merged: the first fires at once, the
// rest once the burst has been quiet for a window growing with the number of rows, and at the latest
// MAX_DELAY_MS after the first one it held back. No vscode here.

export interface MergeClock {
  now(): number;
  later(run: () => void, ms: number): { cancel(): void };
}

const realClock: MergeClock = {
  now: () => performance.now(),
  later: (run, ms) => {
    const timer = setTimeout(run, ms);
    return { cancel: () => clearTimeout(timer) };
  },
};

/** A burst that never pauses still shows its rows this often. */
export const MAX_DELAY_MS = 5000;

/** The quiet window for a list of `rows` rows: 0.2 ms a row (none for a page of 50), at most two seconds. */
export function mergeWindowMs(rows: number): number {
  return Math.min(2000, rows / 5);
}

interface Pending {
  readonly since: number;
  timer: { cancel(): void };
}

export class MergedRefresh<K> {
  private readonly lastFired = new Map<K, number>();
  private readonly pending = new Map<K, Pending>();

  constructor(
    private readonly fire: (key: K) => void,
    private readonly clock: MergeClock = realClock,
  ) {}

  /** Fires `key` now when nothing fired or waits within `windowMs`, else once the requests pause for `windowMs`. */
  request(key: K, windowMs: number): void {
    const now = this.clock.now();
    const waiting = this.pending.get(key);
    if (!waiting && now - (this.lastFired.get(key) ?? -Infinity) >= windowMs) {
      this.fireNow(key);
      return;
    }
    waiting?.timer.cancel();
    const since = waiting?.since ?? now;
    const at = Math.min(now + windowMs, since + MAX_DELAY_MS);
    const timer = this.clock.later(() => {
      this.pending.delete(key);
      this.fireNow(key);
    }, at - now);
    this.pending.set(key, { since, timer });
  }

  dispose(): void {
    for (const waiting of this.pending.values()) waiting.timer.cancel();
    this.pending.clear();
  }

  private fireNow(key: K): void {
    this.lastFired.set(key, this.clock.now());
    this.fire(key);
  }
}
