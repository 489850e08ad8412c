/**
 * DuckDB-WASM's Node (blocking) bundle behind the `Db` interface, for tests: the same
 * engine and SQL dialect as the browser. Start-up takes ~2 s, so share one per test file.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { quoteIdent, type Db, type SqlValue } from '../../src/lib/db';
import { arrowToRows } from '../../src/lib/arrowRows';
import { columnsToIPC } from '../../src/lib/columnsToArrow';

const require = createRequire(import.meta.url);
const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
/** The apache-arrow copy the Node bundle itself uses (CommonJS); its tables are of this copy. */
export const arrow = require('apache-arrow');

export interface WasmDb extends Db {
  /** Raw blocking connection, for what `Db` does not cover (inserting Arrow, registering files). */
  conn: any;
  db: any;
  close(): void;
}

export async function openWasmDb(): Promise<WasmDb> {
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  const bundles = {
    mvp: { mainModule: `${dist}/duckdb-mvp.wasm`, mainWorker: `${dist}/duckdb-node-mvp.worker.cjs` },
    eh: { mainModule: `${dist}/duckdb-eh.wasm`, mainWorker: `${dist}/duckdb-node-eh.worker.cjs` },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  db.open({});
  const conn = db.connect();
  conn.query('SET autoload_known_extensions=false');
  conn.query('SET autoinstall_known_extensions=false');
  const run = (sql: string, params?: SqlValue[]) => {
    if (!params || params.length === 0) return conn.query(sql);
    const stmt = conn.prepare(sql);
    try {
      return stmt.query(...params);
    } finally {
      stmt.close();
    }
  };
  return {
    conn,
    db,
    async exec(sql, params) {
      run(sql, params);
    },
    async rows(sql, params) {
      return arrowToRows(run(sql, params));
    },
    async insertColumns(name, columns) {
      conn.query(`drop table if exists ${quoteIdent(name)}`);
      conn.insertArrowFromIPCStream(columnsToIPC(arrow, columns), { name, create: true });
    },
    close() {
      conn.close();
      db.reset?.();
    },
  };
}
