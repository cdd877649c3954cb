/**
 * A fixed-window counter per key (the login's client IP). Generous enough for a whole office
 * behind one NAT address; the per-account lockout does the real work against guessing. Kept in
 * process memory: with several servers behind a balancer each counts its own share, which only
 * makes the limit looser, never blocks a legitimate user.
 */
export class WindowLimiter {
  private readonly hits = new Map<string, { windowStart: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one hit; returns 0 when allowed, else the seconds until the window resets. */
  hit(key: string): number {
    const t = this.now();
    if (this.hits.size > 50_000) this.sweep(t);
    let entry = this.hits.get(key);
    if (!entry || t - entry.windowStart >= this.windowMs) {
      entry = { windowStart: t, count: 0 };
      this.hits.set(key, entry);
    }
    entry.count++;
    if (entry.count <= this.limit) return 0;
    return Math.max(1, Math.ceil((entry.windowStart + this.windowMs - t) / 1000));
  }

  private sweep(t: number): void {
    for (const [k, v] of this.hits) if (t - v.windowStart >= this.windowMs) this.hits.delete(k);
  }
}
