/** Equal-length JS columns to an Arrow IPC stream, with explicit types (no dictionary guessing). */
import type { Column } from './db';

/** The parts of apache-arrow this needs; passed in so callers can use the copy their engine uses. */
export interface ArrowApi {
  Float64: new () => unknown;
  Utf8: new () => unknown;
  vectorFromArray: (values: unknown, type: unknown) => unknown;
  Table: new (columns: Record<string, unknown>) => unknown;
  tableToIPC: (table: any, type: 'stream') => Uint8Array;
}

export function columnsToIPC(arrow: ArrowApi, columns: Record<string, Column>): Uint8Array {
  const lengths = new Set(Object.values(columns).map((c) => c.length));
  if (lengths.size > 1) throw new Error(`columns differ in length: ${[...lengths].join(', ')}`);
  const vectors: Record<string, unknown> = {};
  for (const [name, values] of Object.entries(columns)) {
    const isText = !(values instanceof Float64Array) && values.some((v) => typeof v === 'string');
    vectors[name] = arrow.vectorFromArray(values, isText ? new arrow.Utf8() : new arrow.Float64());
  }
  return arrow.tableToIPC(new arrow.Table(vectors), 'stream');
}
