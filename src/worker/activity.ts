/**
 * Whether the page has asked DuckDB for anything. Its requests are the data gate's readers and
 * changes (src/worker/dataGate.ts); between them DuckDB has nothing to do. Work done ahead
 * (src/worker/explorer.ts `prepare`) starts once nothing has been under way for `quietMs`; the
 * page's next request stops it at the gate.
 */
export class Activity {
  private under = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private idleListeners: (() => void)[] = [];

  constructor(private quietMs = 500) {}

  /** `listener` runs each time nothing has been under way for the quiet time. */
  onIdle(listener: () => void) {
    this.idleListeners.push(listener);
  }

  /** Whether a request is under way. */
  get busy(): boolean {
    return this.under > 0;
  }

  /** Brackets one request of the page's. */
  async during<T>(work: () => Promise<T>): Promise<T> {
    this.under++;
    clearTimeout(this.timer);
    this.timer = undefined;
    try {
      return await work();
    } finally {
      this.end();
    }
  }

  private end() {
    if (--this.under > 0 || this.idleListeners.length === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.under === 0) for (const listener of this.idleListeners) listener();
    }, this.quietMs);
    // Node (the tests, the bench) need not stay up for it.
    (this.timer as { unref?: () => void }).unref?.();
  }
}
