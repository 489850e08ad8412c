/**
 * What was loaded and removed this session, with the counts, to read again once the notices
 * are gone. Kept in memory only: kept files read again on start are logged again, with their notes.
 */
export interface LoadLogEntry {
  id: number;
  /** When, as an ISO timestamp. */
  at: string;
  kind: 'sample' | 'loaded' | 'plain' | 'failed' | 'removed' | 'restored';
  /** The file, or the table when a whole table went or came back. */
  name: string;
  table?: string;
  rows?: number;
  setAside?: number;
  /** The notices the page showed about it (what to know, rows set aside, the error). */
  notes: string[];
}

/** Enough for a working session; older entries drop off. */
const kept = 100;

export class LoadLog {
  entries = $state.raw<LoadLogEntry[]>([]);
  open = $state(false);
  private next = 1;

  add(entry: Omit<LoadLogEntry, 'id' | 'at'>) {
    this.entries = [...this.entries, { ...entry, id: this.next++, at: new Date().toISOString() }].slice(-kept);
  }
}
