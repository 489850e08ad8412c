/**
 * The ingestion host in the browser worker: DuckDB-WASM's async API on one connection. A
 * dropped File is registered as a file handle (read lazily, never copied whole); a buffer is
 * registered as a copy, because registerFileBuffer transfers (detaches) what it is given.
 */
import { DuckDBDataProtocol, type AsyncDuckDB } from '@duckdb/duckdb-wasm';
import type { ConnectionDb } from '../browserDb';
import { parquetToIPC, openParquetFile } from '../parquet';
import { readablePath } from '../externalAccess';
import type { IngestHost } from './types';

export function asyncIngestHost(db: AsyncDuckDB, c: ConnectionDb): IngestHost {
  return {
    exec: (sql, params) => c.exec(sql, params),
    rows: (sql, params) => c.rows(sql, params),
    insertColumns: (name, columns) => c.insertColumns(name, columns),
    async registerFile(name, data) {
      const path = readablePath(name);
      if (data instanceof Uint8Array) await db.registerFileBuffer(path, data.slice());
      else await db.registerFileHandle(path, data, DuckDBDataProtocol.BROWSER_FILEREADER, true);
      return path;
    },
    async dropFile(name) {
      await db.dropFile(readablePath(name));
    },
    async insertArrowIPC(name, ipc, append) {
      await c.conn.insertArrowFromIPCStream(ipc, { name, create: !append });
    },
    decodeParquet: parquetToIPC,
    openParquet: openParquetFile,
  };
}
