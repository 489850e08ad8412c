// A cell's result held in the worker for paging (src/worker/cellResults.ts, heldResults.ts): a
// large query answers with its first page and its total, later pages come back with the right
// rows in the query's order, statements that are not a single query still work, and a result let
// go of (its cell ran again, the data changed) closes its connection. On DuckDB-WASM's Node bundle.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Table } from 'apache-arrow';
import { firstPageRows } from '../../src/lib/api';
import { arrowToRows } from '../../src/lib/arrowRows';
import { holdResult, type ResultConnection } from '../../src/worker/cellResults';
import { DataGate } from '../../src/worker/dataGate';
import { HeldResults } from '../../src/worker/heldResults';
import { openWasmDb, type WasmDb } from '../support/wasmDb';

let db: WasmDb;
beforeAll(async () => {
  db = await openWasmDb();
});
afterAll(() => db.close());

/** A connection of its own, as each cell run gets in the worker. */
function connection(): ResultConnection & { close(): Promise<void>; closed: boolean } {
  const conn = db.db.connect();
  const c = {
    closed: false,
    async table(sql: string): Promise<Table> {
      return conn.query(sql);
    },
    async prepares(sql: string) {
      try {
        conn.prepare(sql).close();
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      c.closed = true;
      conn.close();
    },
  };
  return c;
}

const values = (table: Table, column = 'i') => arrowToRows(table).map((r) => r[column]);

test('a 100,000-row query answers with its first page and total; page 2 and the last page have the right rows', async () => {
  const c = connection();
  const result = await holdResult(c, 'select i, i * 2 as twice from range(100000) t(i) order by i desc;');
  expect(result.total).toBe(100000);
  const first = await result.page(0, firstPageRows);
  expect(first.numRows).toBe(firstPageRows);
  expect(values(first).slice(0, 2)).toEqual([99999, 99998]);
  expect(arrowToRows(first)[0]).toEqual({ i: 99999, twice: 199998 });
  expect(values(await result.page(50, 50))).toEqual(Array.from({ length: 50 }, (_, k) => 99949 - k));
  const last = await result.page(99950, 50);
  expect(values(last)).toEqual(Array.from({ length: 50 }, (_, k) => 49 - k));
  expect((await result.page(99990, 50)).numRows).toBe(10);
  await c.close();
});

test('the rows stay in the worker: the query runs into a temporary table of its connection', async () => {
  const c = connection();
  await holdResult(c, 'select * from range(10000) t(i)');
  expect(arrowToRows(await c.table("select count(*)::integer as n from duckdb_tables() where temporary and table_name = 'cell_result'"))).toEqual([{ n: 1 }]);
  await c.close();
});

test('statements that are not a single query run as before, their result paged from memory', async () => {
  const c = connection();
  const several = await holdResult(c, 'create table made as select * from range(7000) t(i); select i from made order by i');
  expect(several.total).toBe(7000);
  expect(values(await several.page(6990, 50))).toEqual([6990, 6991, 6992, 6993, 6994, 6995, 6996, 6997, 6998, 6999]);
  const described = await holdResult(c, 'describe made');
  expect(arrowToRows(await described.page(0, 10)).map((r) => r.column_name)).toEqual(['i']);
  const set = await holdResult(c, 'set variable answer = 42');
  expect(set.total).toBeLessThanOrEqual(1);
  expect(arrowToRows(await (await holdResult(c, "select getvariable('answer') as a")).page(0, 1))).toEqual([{ a: 42 }]);
  await expect(holdResult(c, 'selec 1')).rejects.toThrow(/syntax error/);
  await c.close();
});

test('a result let go of closes its connection, and its page is no longer there', async () => {
  const held = new HeldResults();
  const first = connection();
  await held.add('cell-1:1', await holdResult(first, 'select * from range(20000) t(i)'), () => first.close());
  expect(held.get('cell-1:1')?.total).toBe(20000);
  // The cell ran again: the page lets go of the old run's result.
  const second = connection();
  await held.add('cell-1:2', await holdResult(second, 'select * from range(30000) t(i)'), () => second.close());
  expect(await held.release('cell-1:1')).toBe(true);
  expect(first.closed).toBe(true);
  expect(held.get('cell-1:1')).toBeUndefined();
  expect(second.closed).toBe(false);
  expect(values(await held.get('cell-1:2')!.page(29999, 50))).toEqual([29999]);
  await second.close();
});

test('a change of data lets go of every held result; too many held lets go of the least recently read', async () => {
  const gate = new DataGate();
  const held = new HeldResults(2);
  gate.onChange(() => held.releaseAll());
  const conns = [connection(), connection(), connection()];
  await held.add('a', await holdResult(conns[0], 'select 1 as i'), () => conns[0].close());
  await held.add('b', await holdResult(conns[1], 'select 2 as i'), () => conns[1].close());
  held.get('a');
  await held.add('c', await holdResult(conns[2], 'select 3 as i'), () => conns[2].close());
  expect(conns.map((c) => c.closed)).toEqual([false, true, false]);
  await gate.change(async () => undefined);
  expect(conns.map((c) => c.closed)).toEqual([true, true, true]);
  expect(held.get('a')).toBeUndefined();
  expect(held.get('c')).toBeUndefined();
});
