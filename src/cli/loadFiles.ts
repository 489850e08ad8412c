/**
 * Loads files from disk into schema `base` as canonical tables, on native DuckDB: each file
 * is read where it lies (read_parquet / read_csv / read_json), its columns recognised as the
 * browser recognises them (src/lib/mapping: synonyms in four languages, known export layouts),
 * and the mapped columns cast to the canonical types. Unlike the browser's ingestion it does
 * not decide number or date formats: decimal commas and day-first dates fail with the reason.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { canonicalTables, createTableSql, type CanonicalTableName } from '../lib/canonical';
import { quoteIdent, type Db } from '../lib/db';
import { baseSchema, ensureBaseSchema } from '../lib/scope';
import { fileKind, type FileKind } from '../lib/fileKinds';
import { fitsNoTable, recognise } from '../lib/mapping/recognise';

const readers: Record<FileKind, string> = {
  parquet: 'read_parquet(?)',
  csv: 'read_csv(?)',
  json: 'read_json(?)',
};

export interface LoadedFile {
  file: string;
  table: CanonicalTableName;
  rows: number;
}

export interface LoadResult {
  files: LoadedFile[];
  /** Canonical table -> its columns that were loaded. */
  columns: Map<CanonicalTableName, Set<string>>;
}

function sniff(path: string): FileKind | undefined {
  const head = new Uint8Array(4096);
  const fd = openSync(path, 'r');
  try {
    const n = readSync(fd, head, 0, head.length, 0);
    return fileKind(path, head.subarray(0, n));
  } finally {
    closeSync(fd);
  }
}

/**
 * Loads every file; several files of one table are appended. Optional columns no file had
 * stay, as NULL, as in the browser: modules treat a missing status, refund or cost as
 * "none" (a plain orders export has neither, and every order-based KPI still applies).
 */
export async function loadFiles(db: Db, paths: string[]): Promise<LoadResult> {
  await ensureBaseSchema(db);
  const files: LoadedFile[] = [];
  const columns = new Map<CanonicalTableName, Set<string>>();
  for (const path of paths) {
    const kind = sniff(path);
    if (!kind) throw new Error(`${path}: not a CSV, Parquet or JSON file`);
    const source = readers[kind];
    const described = await db.rows(`describe select * from ${source}`, [path]);
    const fileColumns = described.map((r) => String(r.column_name));
    const proposal = recognise(fileColumns, path.split(/[\\/]/).pop());
    const best = proposal.guesses[0];
    if (!best || fitsNoTable(proposal)) {
      throw new Error(`${path}: its columns (${fileColumns.join(', ')}) do not hold the required columns of any canonical table`);
    }
    const { table, missing, mapping } = best;
    if (missing.length) throw new Error(`${path}: looks like ${table} but has no ${missing.join(', ')} column`);
    const selected = canonicalTables[table].columns
      .map((c) => ({ ...c, sql: valueSql(c.name, mapping.columns) }))
      .filter((c): c is typeof c & { sql: string } => c.sql !== undefined);
    const target = `${baseSchema}.${quoteIdent(table)}`;
    if (!columns.has(table)) {
      await db.exec(`drop table if exists ${target}`);
      await db.exec(createTableSql(table, target));
      columns.set(table, new Set());
    }
    const names = selected.map((c) => quoteIdent(c.name)).join(', ');
    const casts = selected.map((c) => `cast(${c.sql} as ${c.type})`).join(', ');
    const before = await count(db, target);
    try {
      await db.exec(`insert into ${target} (${names}) select ${casts} from ${source}`, [path]);
    } catch (e) {
      throw new Error(`${path}: could not be loaded as ${table}: ${(e as Error).message.split('\n')[0]}`);
    }
    for (const c of selected) columns.get(table)!.add(c.name);
    files.push({ file: path, table, rows: (await count(db, target)) - before });
  }
  for (const table of columns.keys()) columns.set(table, new Set(canonicalTables[table].columns.map((c) => c.name)));
  return { files, columns };
}

/** The file's expression for a canonical column: its mapped header, or revenue from quantity x unit price. */
function valueSql(column: string, mapped: Record<string, string>): string | undefined {
  if (mapped[column] !== undefined) return quoteIdent(mapped[column]);
  if (column === 'revenue' && mapped.quantity !== undefined && mapped.unit_price !== undefined) {
    return `cast(${quoteIdent(mapped.quantity)} as double) * cast(${quoteIdent(mapped.unit_price)} as double)`;
  }
  return undefined;
}

async function count(db: Db, table: string): Promise<number> {
  const [row] = await db.rows(`select count(*) as n from ${table}`);
  return Number(row.n);
}
