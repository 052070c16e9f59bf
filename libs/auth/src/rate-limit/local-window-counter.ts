interface Window {
  count: number;
  resetAt: number;
}

/** Keys kept before expired windows are swept (a sweep is O(keys), at most once per this many). */
const SWEEP_AT = 10_000;

/**
 * Fixed-window counters in this process's memory: the same arithmetic as the Redis counters,
 * for the budgets that must hold while Redis is unreachable. Each API replica counts alone.
 */
export class LocalWindowCounter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Counts one hit; returns the count in the window and the seconds until it ends. */
  hit(key: string, windowSeconds: number): [count: number, ttlSeconds: number] {
    const now = this.now();
    if (this.windows.size >= SWEEP_AT) this.sweep(now);
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowSeconds * 1000 };
      this.windows.set(key, window);
    }
    window.count += 1;
    return [window.count, Math.ceil((window.resetAt - now) / 1000)];
  }

  /** Gives a hit back to a window that is still open; never opens one. */
  refund(key: string): void {
    const window = this.windows.get(key);
    if (window && window.resetAt > this.now() && window.count > 0) window.count -= 1;
  }

  get size(): number {
    return this.windows.size;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) {
      if (window.resetAt <= now) this.windows.delete(key);
    }
  }
}
