/**
 * The worker's Store on DuckDB-WASM's Node (blocking) bundle: each `connect()` gives a connection
 * shaped like the browser's async one (its pending-query bindings, query, prepare, cancelSent, close), so the worker's own
 * classes (ConnectionDb, Explorer, Queries) run in a test against the browser's engine. Results
 * cross as Arrow IPC, because the Node bundle's Arrow is another copy than the one the worker imports.
 */
import * as arrow from 'apache-arrow';
import { Store } from '../../src/worker/store';
import { arrow as nodeArrow, openWasmDb, type WasmDb } from './wasmDb';

const toEsm = (table: any): arrow.Table => arrow.tableFromIPC(nodeArrow.tableToIPC(table, 'stream'));

/**
 * The bindings of DuckDB-WASM's AsyncDuckDB that a connection's pending-query path uses, over a
 * blocking connection. `beforePoll` runs before each poll: the browser's polls are messages to
 * DuckDB's worker, so a test that must act between them makes each a macrotask.
 */
export function pendingBindings(conn: any, beforePoll: () => Promise<void> = async () => undefined) {
  const [b, id] = conn.useUnsafe((bindings: any, c: number) => [bindings, c] as const);
  const bindings = {
    startPendingQuery: async (c: number, sql: string, stream: boolean) => b.startPendingQuery(c, sql, stream),
    pollPendingQuery: async (c: number) => {
      await beforePoll();
      return b.pollPendingQuery(c);
    },
    fetchQueryResults: async (c: number) => b.fetchQueryResults(c),
  };
  return {
    useUnsafe: <T>(call: (bindings: unknown, c: number) => T): T => call(bindings, id),
    cancelSent: async () => b.cancelPendingQuery(id),
  };
}

/**
 * A connection shaped as the browser's, each poll of a pending query a macrotask away (a message
 * to DuckDB's worker), its polls counted: for tests that act between polls.
 */
export function countedConnection(wasm: WasmDb) {
  const conn = wasm.db.connect();
  const counter = { polls: 0 };
  const tick = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    counter.polls++;
  };
  const raw = {
    ...pendingBindings(conn, tick),
    query: async (sql: string) => toEsm(conn.query(sql)),
    close: async () => conn.close(),
  };
  return { raw, counter };
}

/** A database with `s.big`, 20M numbered rows: statements over it run long enough to be polled many times. */
export async function openBigDb(): Promise<WasmDb> {
  const db = await openWasmDb();
  await db.exec('create schema s');
  await db.exec('create table s.big as select range as i from range(20000000)');
  return db;
}

function asyncConnection(conn: any) {
  return {
    ...pendingBindings(conn),
    query: async (sql: string) => toEsm(conn.query(sql)),
    prepare: async (sql: string) => {
      const stmt = conn.prepare(sql);
      return { query: async (...params: unknown[]) => toEsm(stmt.query(...params)), close: async () => stmt.close() };
    },
    insertArrowFromIPCStream: async (bytes: Uint8Array, options: unknown) => conn.insertArrowFromIPCStream(bytes, options),
    close: async () => conn.close(),
  };
}

/** A Store whose database is `wasm`'s (the same tables and views the test loads through `wasm`). */
export function storeOn(wasm: WasmDb): Store {
  const store = new Store();
  store.db = { connect: async () => asyncConnection(wasm.db.connect()) } as never;
  return store;
}
