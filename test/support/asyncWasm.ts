/**
 * The worker's Store on DuckDB-WASM's Node (blocking) bundle: each `connect()` gives a connection
 * shaped like the browser's async one (query, send, prepare, cancelSent, close), so the worker's own
 * classes (ConnectionDb, Explorer, Queries) run in a test against the browser's engine. Results
 * cross as Arrow IPC, because the Node bundle's Arrow is another copy than the one the worker imports.
 */
import * as arrow from 'apache-arrow';
import { Store } from '../../src/worker/store';
import { arrow as nodeArrow, type WasmDb } from './wasmDb';

const toEsm = (table: any): arrow.Table => arrow.tableFromIPC(nodeArrow.tableToIPC(table, 'stream'));

function asyncConnection(conn: any) {
  return {
    query: async (sql: string) => toEsm(conn.query(sql)),
    send: async (sql: string) => {
      const table = toEsm(conn.query(sql));
      return Object.assign(
        (async function* () {
          yield* table.batches;
        })(),
        { schema: table.schema },
      );
    },
    prepare: async (sql: string) => {
      const stmt = conn.prepare(sql);
      return { query: async (...params: unknown[]) => toEsm(stmt.query(...params)), close: async () => stmt.close() };
    },
    insertArrowFromIPCStream: async (bytes: Uint8Array, options: unknown) => conn.insertArrowFromIPCStream(bytes, options),
    cancelSent: async () => false,
    close: async () => conn.close(),
  };
}

/** A Store whose database is `wasm`'s (the same tables and views the test loads through `wasm`). */
export function storeOn(wasm: WasmDb): Store {
  const store = new Store();
  store.db = { connect: async () => asyncConnection(wasm.db.connect()) } as never;
  return store;
}
