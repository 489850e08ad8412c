/**
 * The one thing the KPI runner, the scope layer and ingestion need from a database:
 * run a statement, get plain rows back. Three engines implement it: DuckDB-WASM in the
 * browser worker, DuckDB-WASM in Node (tests) and native DuckDB (the command-line runner).
 *
 * Rows are normalised at this boundary so no engine's quirks leak upward:
 * integers and decimals are numbers (never BigInt), DATE is 'YYYY-MM-DD',
 * TIMESTAMP is 'YYYY-MM-DD HH:MM:SS' (with '.sss' when it has milliseconds).
 */
export type SqlValue = string | number | boolean | null;
export type Row = Record<string, SqlValue>;

export interface Db {
  /** Runs one statement; `params` bind to `?` placeholders. */
  exec(sql: string, params?: SqlValue[]): Promise<void>;
  /** Runs one query and returns its rows, normalised as above. */
  rows(sql: string, params?: SqlValue[]): Promise<Row[]>;
  /**
   * Creates (or replaces) table `name` from equal-length columns: numbers become DOUBLE,
   * strings VARCHAR. For results computed in TypeScript (model predictions, sentiment).
   */
  insertColumns(name: string, columns: Record<string, Column>): Promise<void>;
}

export type Column = Float64Array | (number | null)[] | (string | null)[];

/** Quotes an identifier for DuckDB SQL ("my ""odd"" name"). */
export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;
