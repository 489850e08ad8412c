/**
 * Native DuckDB (@duckdb/node-api) behind the `Db` interface, for the command-line runner:
 * Parquet, JSON and CSV are read straight from disk, so files larger than a browser tab work.
 * Rows are normalised exactly as the WASM path normalises Arrow (src/lib/arrowRows.ts).
 */
import {
  DuckDBConnection,
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBInstance,
  DuckDBTimestampMillisecondsValue,
  DuckDBTimestampNanosecondsValue,
  DuckDBTimestampSecondsValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  type DuckDBValue,
} from '@duckdb/node-api';
import { isoDate, isoTimestamp } from '../lib/arrowRows';
import { quoteIdent, type Column, type Db, type Row, type SqlValue } from '../lib/db';

export interface NativeDb extends Db {
  conn: DuckDBConnection;
  close(): void;
}

const dayMs = 86_400_000;

/** One value as the WASM path returns it: numbers (never BigInt), ISO dates and timestamps. */
export function normaliseValue(v: DuckDBValue): SqlValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof DuckDBDateValue) return isoDate(v.days * dayMs);
  // Same arithmetic as apache-arrow 17 then Date: a fractional millisecond, truncated.
  if (v instanceof DuckDBTimestampValue || v instanceof DuckDBTimestampTZValue) return isoTimestamp(Number(v.micros) / 1000);
  if (v instanceof DuckDBTimestampMillisecondsValue) return isoTimestamp(Number(v.millis));
  if (v instanceof DuckDBTimestampSecondsValue) return isoTimestamp(Number(v.seconds) * 1000);
  if (v instanceof DuckDBTimestampNanosecondsValue) return isoTimestamp(Number(v.nanos) / 1_000_000);
  if (v instanceof DuckDBDecimalValue) return Number(v.value) / 10 ** v.scale;
  return String(v);
}

export async function openNativeDb(path = ':memory:'): Promise<NativeDb> {
  const instance = await DuckDBInstance.create(path, {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'true',
  });
  const conn = await instance.connect();
  // Native DuckDB has ICU: without this, a TIMESTAMPTZ column cast to TIMESTAMP would follow the
  // machine's zone. DuckDB-WASM has no ICU and works in UTC; so does the runner.
  await conn.run("set TimeZone = 'UTC'");
  const bound = (params?: SqlValue[]) => (params && params.length ? (params as DuckDBValue[]) : undefined);
  return {
    conn,
    async exec(sql, params) {
      await conn.run(sql, bound(params));
    },
    async rows(sql, params) {
      const reader = await conn.runAndReadAll(sql, bound(params));
      const names = reader.columnNames();
      return reader.getRows().map((values) => {
        const row: Row = {};
        names.forEach((name, i) => (row[name] = normaliseValue(values[i])));
        return row;
      });
    },
    async insertColumns(name, columns) {
      await insertColumns(conn, name, columns);
    },
    close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

/** What the runner's SQL may still read or write once external access is closed. */
export interface Readable {
  /** Files, by the exact text DuckDB is given (a glob pattern too, and each file it matches). */
  paths: string[];
  /** Folders whose files may be read and written (the `--out` folder). */
  directories: string[];
}

/**
 * SQL cannot reach the network by itself, on native DuckDB as in the page
 * (src/worker/externalAccess.ts): after this, DuckDB opens, globs, writes or attaches no path
 * outside `readable`, the database files already attached and the spill folder (DuckDB keeps
 * those two itself), and loads no extension, so no http(s) or s3 address and no httpfs.
 * DuckDB refuses to undo either setting while the database runs.
 */
export async function closeExternalAccess(db: Db, readable: Readable): Promise<void> {
  const list = (items: string[]) => `[${items.map((s) => `'${s.replace(/'/g, "''")}'`).join(', ')}]`;
  if (readable.paths.length) await db.exec(`set allowed_paths = ${list(readable.paths)}`);
  if (readable.directories.length) await db.exec(`set allowed_directories = ${list(readable.directories)}`);
  await db.exec('set autoload_known_extensions = false');
  await db.exec('set enable_external_access = false');
}

const isText = (values: Column) => !(values instanceof Float64Array) && values.some((v) => typeof v === 'string');

/** Same table as the WASM path builds from Arrow: a column with any string is VARCHAR, else DOUBLE. */
async function insertColumns(conn: DuckDBConnection, name: string, columns: Record<string, Column>): Promise<void> {
  const entries = Object.entries(columns);
  const lengths = new Set(entries.map(([, c]) => c.length));
  if (lengths.size > 1) throw new Error(`columns differ in length: ${[...lengths].join(', ')}`);
  const text = entries.map(([, values]) => isText(values));
  const ddl = entries.map(([col], i) => `${quoteIdent(col)} ${text[i] ? 'VARCHAR' : 'DOUBLE'}`).join(', ');
  await conn.run(`create or replace table ${quoteIdent(name)} (${ddl})`);
  const appender = await conn.createAppender(name);
  try {
    const n = entries.length ? entries[0][1].length : 0;
    for (let r = 0; r < n; r++) {
      entries.forEach(([, values], i) => {
        const v = values[r];
        if (v === null || v === undefined) appender.appendNull();
        else if (text[i]) appender.appendVarchar(String(v));
        else appender.appendDouble(Number(v));
      });
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}
