// A statement stopped through DuckDB-WASM's pending-query path (src/worker/browserDb.ts cancel):
// it fails as cancelled, and leaves nothing behind. DuckDB-WASM 1.32 ends a cancelled statement's
// transaction only when its connection runs another statement; closed before that, the
// transaction stays open and every later `create or replace` of the table it was creating fails
// with "Catalog write-write conflict" (the Customers view's facets failed so once work done ahead
// was stopped). Run on the Node bundle, polled as the browser's AsyncDuckDBConnection polls.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ConnectionDb } from '../../src/worker/browserDb';
import { countedConnection, openBigDb } from '../support/asyncWasm';
import type { WasmDb } from '../support/wasmDb';

let db: WasmDb;
beforeAll(async () => (db = await openBigDb()), 60_000);
afterAll(() => db.close());

const slow = 'create or replace table s.t as select i % 1000 as k, count(*) as n from s.big group by all';

test('a statement cancelled while it runs fails, and the table it was creating can be created after its connection closed', async () => {
  const { raw, counter } = countedConnection(db);
  const c = new ConnectionDb(raw as never);
  const running = c.exec(slow).then(() => 'finished', (e: Error) => e.message);
  while (counter.polls === 0) await new Promise((resolve) => setImmediate(resolve));
  await c.cancel();
  expect(await running).toMatch(/cancel/i);
  await raw.close();
  const other = new ConnectionDb(countedConnection(db).raw as never);
  await other.exec('create or replace table s.t as select 1 as x');
  expect(await other.rows('select * from s.t')).toEqual([{ x: 1 }]);
  // The statement itself runs to the end when nothing stops it.
  await other.exec(slow);
  expect(await other.rows('select count(*)::integer as k from s.t')).toEqual([{ k: 1000 }]);
});
