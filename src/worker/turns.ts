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
 */
export const Priority = { page: 0, fit: 1, ahead: 2 } as const;
export type Priority = (typeof Priority)[keyof typeof Priority];

export class Turns {
  /** Statements under way, by priority. */
  private under = [0, 0, 0];
  /** The grace time after the last statement of a priority ended. */
  private timers: (ReturnType<typeof setTimeout> | undefined)[] = [undefined, undefined, undefined];
  private waiting: { priority: Priority; resume: () => void }[] = [];

  constructor(private graceMs = 30) {}

  /** Whether a statement of a higher priority than `priority` is under way, or ended within the grace time. */
  taken(priority: Priority): boolean {
    for (let p = 0; p < priority; p++) if (this.under[p] > 0 || this.timers[p] !== undefined) return true;
    return false;
  }

  /** Brackets a statement of `priority`. */
  async hold<T>(priority: Priority, work: () => Promise<T>): Promise<T> {
    this.under[priority]++;
    clearTimeout(this.timers[priority]);
    this.timers[priority] = undefined;
    try {
      return await work();
    } finally {
      this.end(priority);
    }
  }

  /** Resolves when a statement of `priority` may be polled. */
  free(priority: Priority): Promise<void> {
    if (!this.taken(priority)) return Promise.resolve();
    return new Promise((resume) => this.waiting.push({ priority, resume }));
  }

  private end(priority: Priority) {
    if (--this.under[priority] > 0) return;
    this.timers[priority] = setTimeout(() => {
      this.timers[priority] = undefined;
      const ready = this.waiting.filter((w) => !this.taken(w.priority));
      this.waiting = this.waiting.filter((w) => !ready.includes(w));
      for (const w of ready) w.resume();
    }, this.graceMs);
    // Node (the tests, the bench) need not stay up for it.
    (this.timers[priority] as { unref?: () => void }).unref?.();
  }
}
