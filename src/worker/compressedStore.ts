/**
 * Large data goes into a compressed database. DuckDB keeps in-memory tables uncompressed
 * unless the database is attached with COMPRESS: then strings are dictionary- and FSST-coded,
 * dates bit-packed and doubles ALP-coded. On the bench's 1M-order store that is ~35 MB of
 * orders instead of ~300 MB, and it is what lets 10M orders (15.7M lines) fit in the tab's
 * 4 GB at all: ~380 MB in DuckDB-WASM instead of running out of memory. Writing compressed
 * costs about three times as much (1.66M order lines: 6.3-7.7 s against 2.0-2.2 s), so the
 * store moves there only when a file too large for the plain store arrives.
 */
import { quoteIdent, type Db } from '../lib/db';

export const compressedDatabase = 'clientele';

/**
 * A file larger than this (as text: Parquet counts nine times its size, its usual ratio to the
 * same CSV) moves the store to the compressed database first. 400 MB of CSV is ~3.4M order lines,
 * which take ~0.6 GB uncompressed before the prepared tables and query memory.
 */
export const compressAboveBytes = 400 * 1024 * 1024;

export function needsCompressedStore(bytes: number, kind: 'parquet' | 'text'): boolean {
  return (kind === 'parquet' ? bytes * 9 : bytes) > compressAboveBytes;
}

/**
 * Attaches the compressed database and moves every schema, table and view of the default one
 * into it; `db` must then `use` it (and so must every later connection). Views are recreated
 * after all tables, from their own SQL.
 */
export async function moveToCompressedStore(db: Db): Promise<void> {
  const target = quoteIdent(compressedDatabase);
  await db.exec(`attach if not exists ':memory:' as ${target} (compress)`);
  const source = String((await db.rows('select current_database() as d'))[0].d);
  const schemas = await db.rows('select schema_name as s from duckdb_schemas() where database_name = ? and not internal', [source]);
  for (const { s } of schemas) await db.exec(`create schema if not exists ${target}.${quoteIdent(String(s))}`);
  const tables = await db.rows('select schema_name as s, table_name as t from duckdb_tables() where database_name = ? and not temporary', [source]);
  const views = await db.rows('select schema_name as s, view_name as v, sql from duckdb_views() where database_name = ? and not internal and not temporary', [source]);
  for (const { s, v } of views) await db.exec(`drop view ${quoteIdent(source)}.${quoteIdent(String(s))}.${quoteIdent(String(v))}`);
  for (const { s, t } of tables) {
    const from = `${quoteIdent(source)}.${quoteIdent(String(s))}.${quoteIdent(String(t))}`;
    await db.exec(`create table ${target}.${quoteIdent(String(s))}.${quoteIdent(String(t))} as select * from ${from}`);
    await db.exec(`drop table ${from}`);
  }
  // A view over another view (main.orders over everyone.orders) binds only once that one exists:
  // views are made again in rounds until none is left or a round makes none (those then wait
  // for the next rescope, which makes every scope view again).
  let waiting = views;
  while (waiting.length) {
    const failed: typeof views = [];
    for (const view of waiting) {
      await db.exec(`use ${target}.${quoteIdent(String(view.s))}`);
      await db.exec(String(view.sql)).catch(() => failed.push(view));
    }
    if (failed.length === waiting.length) break;
    waiting = failed;
  }
  await db.exec(`use ${target}`);
}
