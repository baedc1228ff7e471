// Refreshing a registry's list makes VS Code build a tree node for every server row again (and the
// extension host keeps a little of each node until the view closes), so a burst of list refreshes
// (Load More clicked again and again, a sync after a publish) is merged: the first fires at once, the
// rest at most once per window, the window growing with the number of rows. No vscode here.

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

/** The merge window for a list of `rows` rows: 0.2 ms a row (none for a page of 50), at most two seconds. */
export function mergeWindowMs(rows: number): number {
  return Math.min(2000, rows / 5);
}

export class MergedRefresh<K> {
  private readonly lastFired = new Map<K, number>();
  private readonly pending = new Map<K, { cancel(): void }>();

  constructor(
    private readonly fire: (key: K) => void,
    private readonly clock: MergeClock = realClock,
  ) {}

  /** Fires `key` now when its last firing is `windowMs` old, else once at the end of that window. */
  request(key: K, windowMs: number): void {
    if (this.pending.has(key)) return;
    const wait = (this.lastFired.get(key) ?? -Infinity) + windowMs - this.clock.now();
    if (wait <= 0) {
      this.fireNow(key);
      return;
    }
    this.pending.set(
      key,
      this.clock.later(() => {
        this.pending.delete(key);
        this.fireNow(key);
      }, wait),
    );
  }

  dispose(): void {
    for (const timer of this.pending.values()) timer.cancel();
    this.pending.clear();
  }

  private fireNow(key: K): void {
    this.lastFired.set(key, this.clock.now());
    this.fire(key);
  }
}
