/**
 * The ingestion host on native DuckDB, for the command-line runner: the same ingest() the
 * browser worker runs, with what is truly the runner's own. A file on disk is handed to DuckDB
 * by its path (read where it lies, never copied), a buffer ingestion made (a Windows-1252 file
 * recoded to UTF-8) goes to a temporary file, and Parquet is read by DuckDB's own read_parquet
 * instead of parquet-wasm. Names ingestion registers resolve in a private folder through
 * DuckDB's file_search_path.
 */
import { openAsBlob } from 'node:fs';
import { mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { quoteIdent } from '../lib/db';
import type { IngestHost } from '../worker/ingest/types';
import type { NativeDb } from './nativeDb';

export interface NativeIngestHost extends IngestHost {
  /** A file on disk as ingestion's data: a Blob read lazily, which this host hands DuckDB by path. */
  open(path: string): Promise<Blob>;
  /** Removes the private folder and puts DuckDB's file search path back as it was. */
  close(): Promise<void>;
}

export async function nativeIngestHost(db: NativeDb): Promise<NativeIngestHost> {
  const folder = mkdtempSync(join(tmpdir(), 'clientele-ingest-'));
  const [{ value: searchPath }] = await db.rows("select current_setting('file_search_path') as value");
  await db.exec(`set file_search_path = '${folder.replace(/'/g, "''")}'`);
  const paths = new WeakMap<Blob, string>();
  const pathOf = (data: Uint8Array | Blob): string | undefined => (data instanceof Uint8Array ? undefined : paths.get(data));
  const unsupported = (what: string) => async (): Promise<never> => {
    throw new Error(`${what} is not needed on native DuckDB`);
  };
  return {
    exec: db.exec,
    rows: db.rows,
    insertColumns: db.insertColumns,
    async open(path) {
      const blob = await openAsBlob(path);
      paths.set(blob, resolve(path));
      return blob;
    },
    async registerFile(name, data) {
      const target = join(folder, name);
      const path = pathOf(data);
      if (path) symlinkSync(path, target);
      else writeFileSync(target, data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer()));
      return target;
    },
    async dropFile(name) {
      rmSync(join(folder, name), { force: true });
    },
    async readParquetInto(table, data) {
      const path = pathOf(data);
      const temporary = path ? undefined : join(folder, `${table}.parquet`);
      if (temporary) writeFileSync(temporary, data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer()));
      try {
        await db.exec(`create or replace table ${quoteIdent(table)} as select * from read_parquet(?)`, [path ?? temporary!]);
      } finally {
        if (temporary) unlinkSync(temporary);
      }
      const [{ n }] = await db.rows(`select count(*)::double as n from ${quoteIdent(table)}`);
      return Number(n);
    },
    insertArrowIPC: unsupported('Arrow IPC'),
    decodeParquet: unsupported('parquet-wasm'),
    openParquet: unsupported('parquet-wasm'),
    async close() {
      // Left set, a relative path in a later query would be looked for in the deleted folder.
      await db.exec(`set file_search_path = '${String(searchPath ?? '').replace(/'/g, "''")}'`);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
