/**
 * A cell's result stays in the worker and the page reads it a page at a time: a million-row
 * `select` must not be turned into Arrow, copied to the page and decoded there whole.
 *
 * A single query is run into a temporary table on the cell's own connection (temporary tables
 * are private to it and go when it closes), so the rows never leave DuckDB until a page asks for
 * them. Anything else (several statements, `describe`, `set`, `create`, ...) runs as it always
 * did and its Arrow result is held in the worker instead.
 */
import type { Table } from 'apache-arrow';

/** What holding a result needs of the connection it ran on. */
export interface ResultConnection {
  /** Runs SQL (cancellably) and returns its whole result. */
  table(sql: string): Promise<Table>;
  /** Whether `sql` prepares, as a single statement; nothing is run. */
  prepares(sql: string): Promise<boolean>;
}

/** A result the page can read a page at a time. */
export interface HeldResult {
  total: number;
  page(offset: number, limit: number): Promise<Table>;
}

/** The temporary table's name; it lives in its connection's own `temp` catalog, so it never collides. */
const resultTable = 'temp.cell_result';

/** Runs `sql` on `c` and holds its result there. */
export async function holdResult(c: ResultConnection, sql: string): Promise<HeldResult> {
  const into = `create temp table cell_result as\n${sql}`;
  // Only a single query prepares as the body of `create table as` (a parse or bind is all it costs).
  if (!(await c.prepares(into))) return heldArrow(await c.table(sql));
  await c.table(into);
  const [count] = (await c.table(`select count(*)::double as n from ${resultTable}`)).toArray();
  return {
    total: Number(count.n),
    // Insertion order is kept (DuckDB's preserve_insertion_order), so a query's `order by` holds across pages.
    page: (offset, limit) => c.table(`select * from ${resultTable} limit ${int(limit)} offset ${int(offset)}`),
  };
}

function heldArrow(table: Table): HeldResult {
  return { total: table.numRows, page: async (offset, limit) => table.slice(offset, offset + limit) };
}

const int = (n: number) => Math.max(0, Math.floor(Number(n)) || 0);
