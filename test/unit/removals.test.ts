// Removing a file or a table with a way back (src/worker/removals.ts), on real DuckDB-WASM with
// files ingested as the page does: a removal takes the rows, the file's records and rows set
// aside out of everything the scope and prepared tables read; undo puts back exactly what was
// there; discarding drops what was kept.
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { CanonicalTableName } from '../../src/lib/canonical';
import { applyScope, ensureBaseSchema } from '../../src/lib/scope';
import { listSetAside, listSources } from '../../src/worker/ingest/sources';
import { discardRemoval, putSampleAway, removeFile, removeTable, restoreRemoval, type Loaded } from '../../src/worker/removals';
import { openIngestHost } from '../support/ingestHost';
import { loaded as ingested } from '../support/ingestFixtures';

let host: Awaited<ReturnType<typeof openIngestHost>>;
let store: Loaded;
const scope = { start: '2024-01-01', end: '2024-12-31' };

beforeAll(async () => {
  host = await openIngestHost();
});
afterAll(() => host.wasm.close());

/** base.orders from three files (one with two rows set aside) and a table of its own, scoped. */
beforeEach(async () => {
  for (const { s } of await host.rows("select schema_name as s from duckdb_schemas() where schema_name = 'base'")) await host.exec(`drop schema ${s} cascade`);
  for (const { t } of await host.rows("select table_name as t from duckdb_tables() where schema_name = 'main'")) await host.exec(`drop table "${t}"`);
  for (const { v } of await host.rows("select view_name as v from duckdb_views() where schema_name = 'main' and not internal")) await host.exec(`drop view "${v}"`);
  await ensureBaseSchema(host);
  for (const file of ['orders-2024-01.csv', 'orders-blanks-guests.csv', 'orders-2024-02.csv']) await ingested(host, file);
  await host.exec("create table prices as select 'Tea' as product, 4.5 as list_price");
  store = {
    sources: new Map([['base.orders', 'orders-2024-01.csv, orders-2024-02.csv, orders-blanks-guests.csv'], ['prices', 'prices.csv']]),
    canonical: ['orders'],
  };
  await applyScope(host, scope, store.canonical);
});

/** Everything a removal touches, to compare before and after. */
async function snapshot() {
  return {
    orders: await host.rows('select * from base.orders order by all'),
    sources: await listSources(host),
    setAside: await listSetAside(host, 'orders:orders-blanks-guests.csv'),
    // The scoped view and a prepared table, as the modules read them.
    scoped: await host.rows('select count(*)::double as n, sum(revenue)::double as revenue from orders'),
    prepared: await host.rows('select count(*)::double as n from customer_orders'),
    prices: await host.rows('select * from prices'),
    listed: [...store.sources],
    canonical: [...store.canonical],
  };
}

const rescope = () => applyScope(host, scope, store.canonical);

test('removing one file takes its rows and records out of the table, the scope and the prepared tables; undo puts back exactly what was there', async () => {
  const before = await snapshot();
  // 2 + 1 orders from the monthly files, 3 of the 5 lines of the other (no amount, no date: set aside).
  expect(before.scoped).toEqual([{ n: 6, revenue: 120 }]);
  const removal = await removeFile(host, store, 'orders:orders-blanks-guests.csv', 1);
  expect(removal).toMatchObject({ table: 'base.orders', fileName: 'orders-blanks-guests.csv', rows: 3, whole: false });
  await rescope();
  expect(await host.rows('select order_id from orders order by all')).toEqual([{ order_id: 'M01-1' }, { order_id: 'M01-2' }, { order_id: 'M02-1' }]);
  expect(await host.rows('select count(*)::double as n from customer_orders')).toEqual([{ n: 3 }]);
  expect((await listSources(host)).map((s) => s.fileName)).toEqual(['orders-2024-01.csv', 'orders-2024-02.csv']);
  expect(await listSetAside(host, 'orders:orders-blanks-guests.csv')).toEqual([]);
  expect(store.sources.get('base.orders')).toBe('orders-2024-01.csv, orders-2024-02.csv');

  await restoreRemoval(host, store, removal);
  await rescope();
  expect(await snapshot()).toEqual(before);
  expect(before.setAside).toHaveLength(2);
  // Nothing is left aside once restored.
  expect(await host.rows("select table_name from duckdb_tables() where table_name like '\\_removed%' escape '\\'")).toEqual([]);
});

test('removing a whole table renames it aside (the scoped view and prepared tables go); undo brings it back as it was', async () => {
  const before = await snapshot();
  const removal = await removeTable(host, store, 'base.orders', 2);
  expect(removal).toMatchObject({ table: 'base.orders', rows: 6, whole: true, sourceIds: ['orders:orders-2024-01.csv', 'orders:orders-2024-02.csv', 'orders:orders-blanks-guests.csv'] });
  expect(store.canonical).toEqual([]);
  expect(store.sources.has('base.orders')).toBe(false);
  await rescope();
  expect(await host.rows("select table_name as t from duckdb_tables() where table_name in ('orders', 'customer_orders')")).toEqual([]);
  expect(await host.rows("select view_name from duckdb_views() where view_name = 'orders'")).toEqual([]);
  expect(await listSources(host)).toEqual([]);

  await restoreRemoval(host, store, removal);
  await rescope();
  expect(await snapshot()).toEqual(before);
});

test("a file's removal that leaves its table without files takes the table; undo restores table and file", async () => {
  const removals = [];
  for (const [id, file] of [[3, 'orders-2024-01.csv'], [4, 'orders-2024-02.csv']] as const) removals.push(await removeFile(host, store, `orders:${file}`, id));
  await rescope();
  const before = await snapshot();
  const last = await removeFile(host, store, 'orders:orders-blanks-guests.csv', 5);
  expect(last).toMatchObject({ whole: true, fileName: 'orders-blanks-guests.csv', rows: 3 });
  expect(store.canonical).toEqual([]);
  await restoreRemoval(host, store, last);
  await rescope();
  expect(await snapshot()).toEqual(before);
  for (const removal of removals) await discardRemoval(host, removal);
});

test('a table of its own is renamed aside and back; discarding a removal drops what was kept', async () => {
  const before = await snapshot();
  const removal = await removeTable(host, store, 'prices', 6);
  expect(removal).toMatchObject({ table: 'prices', rows: 1, whole: true, listedAs: 'prices.csv', sourceIds: [] });
  expect(await host.rows("select table_name as t from duckdb_tables() where table_name like '%prices'")).toEqual([{ t: '_removed_6_prices' }]);
  await restoreRemoval(host, store, removal);
  expect(await snapshot()).toEqual(before);

  const gone = await removeFile(host, store, 'orders:orders-2024-02.csv', 7);
  await discardRemoval(host, gone);
  expect(await host.rows("select table_name as t from duckdb_tables() where table_name like '\\_removed%' escape '\\'")).toEqual([]);
  expect(await host.rows('select count(*)::double as n from base.orders')).toEqual([{ n: 5 }]);
});

test("undo after the sample came back puts the sample's tables away before restoring the user's", async () => {
  const removal = await removeTable(host, store, 'base.orders', 8);
  // The sample store loaded again in its place (as src/worker/loadSample.ts does).
  await host.exec("create table base.orders as select 'S1' as order_id");
  await host.exec("create table base.tickets as select 'T1' as ticket_id");
  store.sources.set('base.orders', 'sample').set('base.tickets', 'sample');
  store.canonical.push('orders', 'tickets' as CanonicalTableName);
  await putSampleAway(host, store);
  await restoreRemoval(host, store, removal);
  expect(store.canonical).toEqual(['orders']);
  expect([...store.sources.keys()].sort()).toEqual(['base.orders', 'prices']);
  expect(await host.rows("select table_name as t from duckdb_tables() where schema_name = 'base' order by t")).toEqual([{ t: 'orders' }]);
  expect(await host.rows('select count(*)::double as n from base.orders')).toEqual([{ n: 6 }]);
});
