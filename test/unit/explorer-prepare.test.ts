// The Customers view's tables built ahead while DuckDB is idle (src/worker/explorer.ts `prepare`),
// on DuckDB-WASM: the view then opens without building anything and answers as when it builds on
// opening; a request of the page stops the work done ahead, what it finished is kept, and the rest
// is built next time; nothing is built ahead above the size limit.
import { afterAll, beforeAll, expect, test } from 'vitest';
import * as arrow from 'apache-arrow';
import { readCatalog } from '../../src/cli/readModules';
import { scopeModules } from '../../src/lib/customerScope';
import { applyScope } from '../../src/lib/scope';
import { Explorer } from '../../src/worker/explorer';
import type { Store } from '../../src/worker/store';
import { storeOn } from '../support/asyncWasm';
import { openWasmDb, type WasmDb } from '../support/wasmDb';

const scope = { start: '2024-01-01', end: '2024-12-31' };
const dbs: WasmDb[] = [];

afterAll(() => dbs.forEach((db) => db.close()));

/** A store on a database of its own, the same data in each, its statements written to `log`. */
async function storeWithLog(onStatement?: (sql: string) => void) {
  const db = await openWasmDb();
  dbs.push(db);
  await db.exec('create schema base');
  await db.exec(`create table base.orders as
    select 'O' || (i // 2) as order_id, 'C' || (i % 2000) as customer_id,
           timestamp '2023-01-01' + (i * 53 % 730) * interval 1 day as order_date,
           ((i % 97) + 1)::double as revenue, null::double as quantity, ((i % 97) / 3)::double as cost,
           case when i % 50 = 0 then 5.0 else 0 end::double as refund, 'completed' as status,
           ['FR', 'DE', null][i % 3 + 1] as country, ['Lyon', 'Köln', null, 'Iași'][i % 4 + 1] as city, null::varchar as channel,
           'EUR' as currency, false as is_trial, 'P' || (i % 7) as product
    from range(12000) r(i)`);
  await db.exec(`create table base.customers as
    select 'C' || i as customer_id, null::timestamp as first_seen, 'Name ' || i as name, 'c' || i || '@example.com' as email,
           null::varchar as country, null::varchar as city, null::varchar as channel, null::boolean as is_trial
    from range(2000) r(i)`);
  await applyScope(db, scope, ['orders', 'customers'], true, undefined, scopeModules(readCatalog().current));
  const store = storeOn(db);
  store.canonical = ['orders', 'customers'];
  store.scoping.scope = scope;
  const log: string[] = [];
  const connect = store.db!.connect.bind(store.db);
  const logged = (sql: string) => {
    log.push(sql);
    onStatement?.(sql);
  };
  store.db = {
    connect: async () => {
      const conn = (await connect()) as any;
      return {
        ...conn,
        query: (sql: string) => (logged(sql), conn.query(sql)),
        useUnsafe: (call: (bindings: any, id: number) => unknown) =>
          conn.useUnsafe((b: any, id: number) => call({ ...b, startPendingQuery: (c: number, sql: string, stream: boolean) => (logged(sql), b.startPendingQuery(c, sql, stream)) }, id)),
        prepare: (sql: string) => (logged(sql), conn.prepare(sql)),
      };
    },
  } as never;
  return { store, log, explorer: new Explorer(store) };
}

/** What opening the view asks for: the RFM map, every facet's values, the list's first page. */
async function opening(explorer: Explorer) {
  const answers = await Promise.all([explorer.rfmMap(), explorer.facetValues(), explorer.customerPage({ sort: 'revenue', descending: true, offset: 0, limit: 100 })]);
  for (const a of answers) if (!a.ok) throw new Error(a.error.message);
  const [rfm, facets, page] = answers.map((a) => (a.ok ? a.value : undefined)) as [any, any, any];
  return { rfm, facets, list: arrow.tableFromIPC(page.ipc).toArray().map((r) => r.toJSON()), total: page.total };
}

/** The statements that build a table held for the view (or the facets' pairs). */
const builds = (log: string[]) => log.filter((sql) => /create or replace table (explorer_|everyone\.facet_)/.test(sql)).map((sql) => sql.match(/create or replace table (\S+)/)![1]);

let cold: Awaited<ReturnType<typeof opening>>;
beforeAll(async () => {
  const { explorer, log } = await storeWithLog();
  cold = await opening(explorer);
  // Opened cold, the view builds every table it reads.
  expect(builds(log).sort()).toEqual(['everyone.facet_customers', 'everyone.facet_static', 'explorer_customers', 'explorer_facet_dated', 'explorer_identity', 'explorer_places', 'explorer_rfm']);
}, 60_000);

test('built ahead, the view opens without building anything and answers as when it builds on opening', async () => {
  const { explorer, log } = await storeWithLog();
  await explorer.prepare();
  expect(builds(log).sort()).toEqual(['everyone.facet_customers', 'everyone.facet_static', 'explorer_customers', 'explorer_facet_dated', 'explorer_identity', 'explorer_places', 'explorer_rfm']);
  log.length = 0;
  const prepared = await opening(explorer);
  expect(builds(log)).toEqual([]);
  expect(prepared).toEqual(cold);
  expect(cold.total).toBeGreaterThan(1000);
  // Nothing changed since: asked again, it builds nothing.
  await explorer.prepare();
  expect(builds(log)).toEqual([]);
});

test('a request of the page stops the work done ahead; what it finished is kept and the rest is built next time', async () => {
  let explorer!: Explorer;
  let page: ReturnType<Explorer['customerPage']> | undefined;
  // The list is asked for as the work done ahead builds the facets' pairs.
  const made = await storeWithLog((sql) => {
    if (!page && /create or replace table everyone\.facet_static/.test(sql)) page = explorer.customerPage({ sort: 'revenue', descending: true, offset: 0, limit: 100 });
  });
  explorer = made.explorer;
  const { log } = made;
  await explorer.prepare();
  expect(page).toBeDefined();
  const listed = await page!;
  if (!listed.ok) throw new Error(listed.error.message);
  expect(arrow.tableFromIPC(listed.value.ipc).toArray().map((r) => r.toJSON())).toEqual(cold.list);
  // Stopped after the pairs: the list's tables were built once, by the request.
  const first = builds(log);
  expect(first.filter((t) => t === 'everyone.facet_static')).toHaveLength(1);
  expect(first.filter((t) => t === 'explorer_customers')).toHaveLength(1);
  expect(first).not.toContain('explorer_facet_dated');
  log.length = 0;
  await explorer.prepare();
  expect(builds(log)).toEqual(['explorer_facet_dated']);
  log.length = 0;
  expect(await opening(explorer)).toEqual(cold);
  expect(builds(log)).toEqual([]);
});

test('a request that comes half-way through keeping the facets\' pairs stops that work; the request keeps them itself and answers as when built on opening', async () => {
  let explorer!: Explorer;
  let counts: ReturnType<Explorer['facetValues']> | undefined;
  // The facets' counts asked for as the first of the two statements that keep the facets' pairs runs.
  const made = await storeWithLog((sql) => {
    if (!counts && /create or replace table everyone\.facet_customers/.test(sql)) counts = explorer.facetValues();
  });
  explorer = made.explorer;
  await explorer.prepare();
  const answer = await counts!;
  if (!answer.ok) throw new Error(answer.error.message);
  expect(answer.value).toEqual(cold.facets);
  expect(builds(made.log).filter((t) => t === 'everyone.facet_customers')).toHaveLength(2);
});

test('new dates set while work is done ahead (the page sets them without stopping anything) leave nothing under their key built for the old ones', async () => {
  const later = { start: '2024-07-01', end: '2024-12-31' };
  const reference = await storeWithLog();
  reference.store.scoping.scope = later;
  const expected = await opening(reference.explorer);
  expect(expected.list).not.toEqual(cold.list);
  let store!: Store;
  const made = await storeWithLog((sql) => {
    if (store.scoping.scope !== later && /create or replace table everyone\.facet_static/.test(sql)) store.scoping.scope = later;
  });
  store = made.store;
  await made.explorer.prepare();
  expect(await opening(made.explorer)).toEqual(expected);
});

test('a new load is built ahead again; above the size limit nothing is', async () => {
  const all = ['everyone.facet_customers', 'everyone.facet_static', 'explorer_customers', 'explorer_facet_dated', 'explorer_identity', 'explorer_places', 'explorer_rfm'];
  const { explorer, log, store } = await storeWithLog();
  await explorer.prepare();
  await store.gate.change(() => store.scoping.rescope(true));
  log.length = 0;
  await explorer.prepare();
  expect(builds(log).sort()).toEqual(all);
  const large = await storeWithLog();
  await large.explorer.prepare(11_999);
  expect(builds(large.log)).toEqual([]);
});
