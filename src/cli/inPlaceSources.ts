/**
 * What the runner reads in place rather than loading: a folder or glob of Parquet files (one
 * table, hive partitions such as year=2024/month=03 becoming columns), and the tables of a
 * DuckDB database file or a MotherDuck database (`md:<name>`), attached read-only. Each becomes
 * an InPlaceSource for src/worker/ingest/inPlace.ts.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Db } from '../lib/db';
import { t } from '../lib/i18n';
import { Said } from '../lib/said';
import type { InPlaceSource } from '../worker/ingest/inPlace';

const globChars = /[*?[{]/;
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** A folder, or a path with a wildcard: read as one Parquet dataset. */
export const isDataset = (arg: string): boolean => globChars.test(arg) || (existsSync(arg) && statSync(arg).isDirectory());

/** The folder the dataset is named after: `data/orders/year=*\/*.parquet` is `orders`. */
export function datasetName(arg: string): string {
  const parts = arg.replace(/\\/g, '/').replace(/\/+$/, '').split('/');
  const fixed = parts.slice(0, parts.findIndex((p) => globChars.test(p)) === -1 ? parts.length : parts.findIndex((p) => globChars.test(p)));
  return basename(fixed.join('/')) || arg;
}

/** The pattern DuckDB's read_parquet is given for a dataset argument. */
export const datasetGlob = (arg: string): string => (globChars.test(arg) ? arg : join(arg, '**', '*.parquet'));

export function parquetDataset(arg: string): InPlaceSource {
  const glob = datasetGlob(arg);
  const read = (extra = '') => `read_parquet(${literal(glob)}, hive_partitioning = true, union_by_name = true${extra})`;
  return {
    name: datasetName(arg),
    relation: read(),
    numbered: `(select * exclude (filename, file_row_number), filename || ':' || (file_row_number + 1) as _line from ${read(', filename = true, file_row_number = true')})`,
    kind: 'parquet',
  };
}

/**
 * What the runner still reads after loading, for closeExternalAccess (src/cli/nativeDb.ts): a
 * dataset is a view over read_parquet that every query reads again, so its pattern and each file it
 * matches, as DuckDB names them. Single files were copied into tables and database files stay
 * allowed by DuckDB itself once attached.
 */
export async function datasetPaths(db: Db, args: string[]): Promise<string[]> {
  const paths: string[] = [];
  for (const arg of args.filter(isDataset)) {
    const glob = datasetGlob(arg);
    paths.push(glob, ...(await db.rows('select file from glob(?)', [glob])).map((r) => String(r.file)));
  }
  return paths;
}

export const databaseAlias = 'source_db';

/**
 * Attaches `target` (a file path, or `md:<database>` for MotherDuck, which reads its token from
 * the environment variable motherduck_token) and lists its tables and views as sources.
 */
export async function attachDatabase(db: Db, target: string): Promise<InPlaceSource[]> {
  const motherDuck = target.startsWith('md:');
  if (!motherDuck && !existsSync(target)) throw new Said(t('runner.noDatabase', { target }));
  try {
    if (motherDuck) await db.exec('load motherduck');
  } catch (e) {
    throw new Said(t('runner.motherDuckMissing', { target, detail: (e as Error).message.split('\n')[0] }));
  }
  await db.exec(`attach ${literal(target)} as ${databaseAlias}${motherDuck ? '' : ' (read_only)'}`);
  const tables = await db.rows(
    `select table_schema as s, table_name as t, table_type = 'BASE TABLE' as base from information_schema.tables where table_catalog = ? order by table_schema, table_name`,
    [databaseAlias],
  );
  return tables.map((r) => {
    const relation = `${databaseAlias}.${quote(String(r.s))}.${quote(String(r.t))}`;
    return {
      name: r.s === 'main' ? String(r.t) : `${r.s}.${r.t}`,
      relation,
      // A view has no rowid; only a table without order ids needs one.
      numbered: r.base ? `(select *, rowid + 1 as _line from ${relation})` : `(select *, row_number() over () as _line from ${relation})`,
      kind: 'database',
    };
  });
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
