/**
 * Who gets DuckDB's one thread. DuckDB-WASM runs a statement in slices: each poll of a pending
 * statement works on it for up to its polling interval (about 0.1 s), and the polls of the
 * connections under way take turns. So a long statement nobody is looking at, such as the summary
 * the lifetime-value fit reads (about 1 s at 1M orders), made every statement of the page's wait a
 * slice for each of its own: one customer's report took 0.38 s instead of 0.12 s.
 *
 * A statement that *yields* is polled only once no other statement has been under way for
 * `graceMs` (the gap between the statements of one request, so a request of several statements is
 * not cut into by a slice between each). It keeps what it has done and goes on from there; at
 * worst the page waits for the one slice already under way.
 */
export class Turns {
  private under = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private waiting: (() => void)[] = [];

  constructor(private graceMs = 30) {}

  /** Whether a statement that does not yield is under way, or ended within the grace time. */
  get taken(): boolean {
    return this.under > 0 || this.timer !== undefined;
  }

  /** Brackets a statement that does not yield. */
  async first<T>(work: () => Promise<T>): Promise<T> {
    this.under++;
    clearTimeout(this.timer);
    this.timer = undefined;
    try {
      return await work();
    } finally {
      this.end();
    }
  }

  /** Resolves when a statement that yields may be polled. */
  free(): Promise<void> {
    if (!this.taken) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private end() {
    if (--this.under > 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.under > 0) return;
      const waiting = this.waiting;
      this.waiting = [];
      for (const resume of waiting) resume();
    }, this.graceMs);
    // Node (the tests, the bench) need not stay up for it.
    (this.timer as { unref?: () => void }).unref?.();
  }
}
