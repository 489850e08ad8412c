/**
 * Who gets DuckDB's one thread. DuckDB-WASM runs a statement in slices: each poll of a pending
 * statement works on it for up to its polling interval (about 0.1 s), and the polls of the
 * connections under way take turns. So a long statement nobody is looking at, such as the summary
 * the lifetime-value fit reads (about 1 s at 1M orders), made every statement of the page's wait a
 * slice for each of its own: one customer's report took 0.38 s instead of 0.12 s.
 *
 * Each statement has a priority: the page's requests first, then the fit, then the work built ahead
 * for the Customers view. A statement is polled only once no statement of a higher priority has been
 * under way for `graceMs` (the gap between the statements of one request, so a request of several
 * statements is not cut into by a slice between each). It keeps what it has done and goes on from
 * there; at worst a higher priority waits for the one slice already under way.
 *
 * A statement that has run for `longMs` is no longer one the page is about to show: it keeps no one
 * waiting after that, so a user's query of minutes does not hold the fit back, it takes turns with it.
 */
export const Priority = { page: 0, fit: 1, ahead: 2 } as const;
export type Priority = (typeof Priority)[keyof typeof Priority];

interface Hold {
  priority: Priority;
  since: number;
}

export class Turns {
  private holds = new Set<Hold>();
  /** By priority: until when its last statement's grace time runs. */
  private graceUntil = [0, 0, 0];
  private waiting: { priority: Priority; resume: () => void }[] = [];

  constructor(
    private graceMs = 30,
    private longMs = 1000,
  ) {}

  /** Whether a statement of a higher priority than `priority` keeps it waiting. */
  taken(priority: Priority): boolean {
    const now = Date.now();
    for (const h of this.holds) if (h.priority < priority && now - h.since < this.longMs) return true;
    for (let p = 0; p < priority; p++) if (now < this.graceUntil[p]) return true;
    return false;
  }

  /** Brackets a statement of `priority`. */
  async hold<T>(priority: Priority, work: () => Promise<T>): Promise<T> {
    const hold: Hold = { priority, since: Date.now() };
    this.holds.add(hold);
    this.wakeIn(this.longMs);
    try {
      return await work();
    } finally {
      this.holds.delete(hold);
      this.graceUntil[priority] = Date.now() + this.graceMs;
      this.wakeIn(this.graceMs);
    }
  }

  /** Resolves when a statement of `priority` may be polled. */
  free(priority: Priority): Promise<void> {
    if (!this.taken(priority)) return Promise.resolve();
    return new Promise((resume) => this.waiting.push({ priority, resume }));
  }

  /**
   * Lets go of the waiting statements no longer kept waiting, `ms` from now. A timer may fire a
   * little before the clock says the time has come (or the clock may be set back): whoever is still
   * kept waiting then gets another wake-up for when that ends, so no one waits for good.
   */
  private wakeIn(ms: number) {
    const timer = setTimeout(() => {
      const ready = this.waiting.filter((w) => !this.taken(w.priority));
      this.waiting = this.waiting.filter((w) => !ready.includes(w));
      for (const w of ready) w.resume();
      const next = this.nextChange();
      if (this.waiting.length > 0 && next !== undefined) this.wakeIn(next);
    }, ms);
    // Node (the tests, the bench) need not stay up for it.
    (timer as { unref?: () => void }).unref?.();
  }

  /**
   * Milliseconds until the next grace time ends or the next statement turns long (a statement's end
   * schedules its own wake-up); undefined when neither is to come.
   */
  private nextChange(): number | undefined {
    const now = Date.now();
    const times = [...this.graceUntil, ...[...this.holds].map((h) => h.since + this.longMs)].filter((t) => t > now);
    return times.length ? Math.min(...times) - now : undefined;
  }
}
