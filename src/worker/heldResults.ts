/**
 * The cells' results the worker holds for paging, by the ticket of the run that made them. A
 * result goes when the page lets it go (its cell ran again or was removed), when the data
 * changes (its rows are of the old data, and its connection must not outlive a load), or when
 * too many are held, the least recently read first: a page asked of it then answers 'expired'
 * and the cell runs again.
 */
import type { HeldResult } from './cellResults';

interface Entry {
  result: HeldResult;
  release: () => Promise<unknown>;
}

export class HeldResults {
  private held = new Map<string, Entry>();

  /** Each held result keeps a connection and a copy of its rows in the database's memory. */
  constructor(private limit = 4) {}

  async add(ticket: string, result: HeldResult, release: () => Promise<unknown>) {
    await this.release(ticket);
    this.held.set(ticket, { result, release });
    for (const oldest of this.held.keys()) {
      if (this.held.size <= this.limit) break;
      await this.release(oldest);
    }
  }

  get(ticket: string): HeldResult | undefined {
    const entry = this.held.get(ticket);
    if (!entry) return undefined;
    // Map order is the order of eviction: a result just read goes to the back.
    this.held.delete(ticket);
    this.held.set(ticket, entry);
    return entry.result;
  }

  has(ticket: string): boolean {
    return this.held.has(ticket);
  }

  async release(ticket: string): Promise<boolean> {
    const entry = this.held.get(ticket);
    if (!entry) return false;
    this.held.delete(ticket);
    await entry.release().catch(() => undefined);
    return true;
  }

  async releaseAll() {
    await Promise.all([...this.held.keys()].map((ticket) => this.release(ticket)));
  }
}
