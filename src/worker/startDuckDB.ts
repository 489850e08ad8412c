/**
 * Starts DuckDB-WASM from self-hosted files (Vite `?url` imports): nothing from a CDN.
 * Only the `eh` (WebAssembly exceptions) bundle ships: every current browser supports it,
 * and each bundle is 34-39 MB (NOTES-duckdb-wasm.md). No COOP/COEP, so no threads.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { closeExternalAccess } from './externalAccess';

/** A connection; `database` (the compressed store, once the data moved there) becomes its default. */
export async function connect(db: duckdb.AsyncDuckDB, database?: string): Promise<duckdb.AsyncDuckDBConnection> {
  const conn = await db.connect();
  if (database) await conn.query(`use ${database}`);
  return conn;
}

export async function startDuckDB(): Promise<duckdb.AsyncDuckDB> {
  const worker = new Worker(ehWorker);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(ehWasm);
  await db.open({ query: { castBigIntToDouble: false } });
  const conn = await db.connect();
  // Without these, a query touching Parquet/JSON/ICU tries to download the extension and,
  // offline, fails cryptically or hangs.
  await conn.query('SET autoload_known_extensions = false');
  await conn.query('SET autoinstall_known_extensions = false');
  // SQL cannot reach the network by itself (src/worker/externalAccess.ts).
  for (const sql of closeExternalAccess) await conn.query(sql);
  await conn.close();
  return db;
}

