/**
 * Which file fed which canonical table. Every row loaded into base.<table> carries its file's
 * source_file, so one file of twelve monthly exports can be replaced or removed on its own;
 * rows set aside are kept in ingest_set_aside so the user can list them.
 */
import { createTableSql, type CanonicalTableName } from '../../lib/canonical';
import { quoteIdent, type Db, type Row } from '../../lib/db';
import type { ColumnMapping } from '../../lib/mapping/types';

export const sourcesTable = 'ingest_sources';
export const setAsideTable = 'ingest_set_aside';

export async function ensureSourceTables(db: Db, schema: string, table: CanonicalTableName): Promise<void> {
  await db.exec(`create schema if not exists ${quoteIdent(schema)}`);
  await db.exec(`${createTableSql(table, `${quoteIdent(schema)}.${quoteIdent(table)}`).replace(/^create table/, 'create table if not exists')}`);
  await db.exec(`alter table ${quoteIdent(schema)}.${quoteIdent(table)} add column if not exists source_file varchar`);
  await db.exec(`create table if not exists ${sourcesTable} (source_id varchar, file_name varchar, table_name varchar, rows bigint, set_aside bigint, mapping varchar)`);
  await db.exec(`create table if not exists ${setAsideTable} (source_id varchar, line bigint, "row" bigint, reason varchar, column_name varchar, content varchar)`);
}

/**
 * `insert into target (columns, source_file) select columns, sourceId from source [where ...]`,
 * a million rows at a time: each statement commits on its own. One statement keeps every row it
 * writes uncompressed in its transaction until the end, so copying 15.7M order lines at once ran
 * DuckDB-WASM out of memory even in the compressed store; chunk by chunk, each is compressed as
 * it commits. `source` must be a table nothing was deleted from (its rowids run 0..n-1). `rows`
 * turns a chunk of it (a relation) into the rows to select from, `where` filters those.
 */
export async function insertInChunks(
  db: Db,
  target: string,
  columns: string,
  source: string,
  sourceId: string,
  options: { where?: string; chunk?: number; rows?: (chunk: string) => string } = {},
): Promise<void> {
  const { where, chunk = 1_000_000, rows = (c: string) => `select * from ${c}` } = options;
  const [{ n }] = await db.rows(`select coalesce(max(rowid) + 1, 0)::double as n from ${source}`);
  for (let from = 0; from < Number(n); from += chunk) {
    const part = `(select * from ${source} where rowid >= ${from} and rowid < ${from + chunk})`;
    await db.exec(`insert into ${target} (${columns}, source_file) select ${columns}, ? from (${rows(part)})${where ? ` where ${where}` : ''}`, [sourceId]);
  }
}

/**
 * What a load report counts of an orders file's rows: orders, not lines. An order of three lines
 * is one guest order or one refund. Each line is an order when the file has no order id
 * (order_id is then the line number, see transform.ts).
 */
export const ordersCounted = `count(distinct order_id) filter (where customer_id is null)::double as guests,
  count(distinct order_id) filter (where refund > 0 or status in ('refunded', 'cancelled'))::double as refunds`;

/** A stable id per file name and table: dropping `orders-2024-03.csv` again replaces its rows. */
export const sourceIdFor = (fileName: string, table: string) => `${table}:${fileName}`;

/** Removes a file's rows from its table and its records; returns how many rows went. */
export async function removeSource(db: Db, sourceId: string, schema = 'base'): Promise<number> {
  const [known] = await db.rows(`select table_name from ${sourcesTable} where source_id = ?`, [sourceId]).catch(() => [] as Row[]);
  if (!known) return 0;
  const target = `${quoteIdent(schema)}.${quoteIdent(String(known.table_name))}`;
  const [{ n }] = await db.rows(`select count(*)::double as n from ${target} where source_file = ?`, [sourceId]);
  await db.exec(`delete from ${target} where source_file = ?`, [sourceId]);
  await db.exec(`delete from ${sourcesTable} where source_id = ?`, [sourceId]);
  await db.exec(`delete from ${setAsideTable} where source_id = ?`, [sourceId]);
  return Number(n);
}

export interface SourceInfo {
  sourceId: string;
  fileName: string;
  table: string;
  rows: number;
  setAside: number;
  /** How its columns were read (as confirmed in the mapping step, or recognised). */
  mapping: ColumnMapping;
}

export async function listSources(db: Db): Promise<SourceInfo[]> {
  const rows = await db.rows(`select * from ${sourcesTable} order by table_name, file_name`).catch(() => [] as Row[]);
  return rows.map((r) => ({ sourceId: String(r.source_id), fileName: String(r.file_name), table: String(r.table_name), rows: Number(r.rows), setAside: Number(r.set_aside), mapping: JSON.parse(String(r.mapping)) }));
}

export interface SetAsideRow {
  /** Line of the file (CSV rows DuckDB could not split), or null. */
  line: number | null;
  /** 1-based data row (rows read but not usable), or null. */
  row: number | null;
  reason: string;
  column: string | null;
  content: string;
}

/** The rows a file had set aside, in file order ("show them"). */
export async function listSetAside(db: Db, sourceId: string, limit = 100): Promise<SetAsideRow[]> {
  const rows = await db.rows(`select * from ${setAsideTable} where source_id = ? order by coalesce(line, "row"), "row" limit ${Math.max(0, Math.floor(limit))}`, [sourceId]);
  return rows.map((r) => ({
    line: r.line === null ? null : Number(r.line),
    row: r.row === null ? null : Number(r.row),
    reason: String(r.reason),
    column: r.column_name === null ? null : String(r.column_name),
    content: String(r.content ?? ''),
  }));
}
