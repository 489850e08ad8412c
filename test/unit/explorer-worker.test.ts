// The explorer's worker side (src/worker/explorer.ts) on DuckDB-WASM: the customer list is
// customer_facts held once per scope and paged from there (pages in order, no overlap, the total;
// sorts only by its columns; search bound, case- and accent-insensitive), rebuilt when the dates
// change; the CSV holds the same rows as the list; one customer's report from its modules; the RFM
// map from the RFM held for the scope answers as its modules; so do the facets' counts from the
// dated pairs held for the range.
import { afterAll, beforeAll, expect, test } from 'vitest';
import * as arrow from 'apache-arrow';
import { readCatalog } from '../../src/cli/readModules';
import { ensureExplorerTables } from '../../src/lib/explorerTables';
import { runModule } from '../../src/lib/runModule';
import { applyScope, setPeriod } from '../../src/lib/scope';
import { scopeModules } from '../../src/lib/customerScope';
import { facetValues } from '../../src/lib/facetValues';
import type { CustomerListQuery } from '../../src/lib/explorerApi';
import { Explorer } from '../../src/worker/explorer';
import { Queries } from '../../src/worker/queries';
import type { Store } from '../../src/worker/store';
import { storeOn } from '../support/asyncWasm';
import { openWasmDb, type WasmDb } from '../support/wasmDb';

const scope = { start: '2024-01-01', end: '2024-12-31' };
let db: WasmDb;
let store: Store;
let explorer: Explorer;

beforeAll(async () => {
  db = await openWasmDb();
  await db.exec('create schema base');
  // 3,000 customers, 20,000 order lines over 2023-2024; C7 has an accented name with a quote, C8 an
  // upper-case e-mail, C9 a comma and a line break in its name.
  await db.exec(`create table base.orders as
    select 'O' || (i // 2) as order_id, 'C' || (i % 3000) as customer_id,
           timestamp '2023-01-01' + (i * 53 % 730) * interval 1 day as order_date,
           ((i % 97) + 1)::double as revenue, null::double as quantity, ((i % 97) / 3)::double as cost,
           case when i % 50 = 0 then 5.0 else 0 end::double as refund, 'completed' as status,
           ['FR', 'DE', null][i % 3 + 1] as country, null::varchar as city, null::varchar as channel,
           'EUR' as currency, false as is_trial, 'P' || (i % 7) as product
    from range(20000) r(i)`);
  await db.exec(`create table base.customers as
    select 'C' || i as customer_id, null::timestamp as first_seen,
           case i when 7 then 'Zoë O''Hara' when 9 then e'Smith, Jo\nJr' else 'Name ' || i end as name,
           case i when 8 then 'ZOE@EXAMPLE.FR' else 'c' || i || '@example.com' end as email,
           null::varchar as country, null::varchar as city, null::varchar as channel, null::boolean as is_trial
    from range(3000) r(i)`);
  await applyScope(db, scope, ['orders', 'customers']);
  store = storeOn(db);
  store.canonical = ['orders', 'customers'];
  store.scoping.scope = scope;
  explorer = new Explorer(store);
}, 60_000);
afterAll(() => db.close());

const rowsOf = (ipc: Uint8Array) => arrow.tableFromIPC(ipc).toArray().map((r) => r.toJSON());
const page = async (query: Partial<CustomerListQuery>) => {
  const outcome = await explorer.customerPage({ sort: 'revenue', descending: true, offset: 0, limit: 100, ...query });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return { ...outcome.value, list: rowsOf(outcome.value.ipc) };
};

test('pages come from customer_facts, sorted, in order and without overlap, with the total', async () => {
  const catalog = readCatalog();
  await ensureExplorerTables(db, ['orders', 'customers']);
  const facts = await runModule(db, catalog.current.find((m) => m.id === 'customer_facts')!);
  const expected = facts.sort((a, b) => Number(b.revenue) - Number(a.revenue) || String(a.customer_id).localeCompare(String(b.customer_id)));
  const first = await page({});
  const second = await page({ offset: 100 });
  expect(first.total).toBe(expected.length);
  expect(first.total).toBeGreaterThan(2000);
  expect(first.rows).toBe(100);
  expect([...first.list, ...second.list].map((r) => r.customer_id)).toEqual(expected.slice(0, 200).map((r) => r.customer_id));
  expect(first.columns.map((c) => c.name)).toEqual(catalog.current.find((m) => m.id === 'customer_facts')!.columns.map((c) => c.name));
  const last = await page({ offset: first.total - 10 });
  expect(last.rows).toBe(10);
});

test('search is bound and ignores case and accents; a sort must be a column of the list', async () => {
  const zoe = await page({ search: 'ZOE' });
  expect(zoe.list.map((r) => r.customer_id).sort()).toEqual(['C7', 'C8']);
  expect(zoe.total).toBe(2);
  expect((await page({ search: "o'hara" })).list.map((r) => r.name)).toEqual(['Zoë O\'Hara']);
  expect((await page({ search: "'; drop table orders; --" })).total).toBe(0);
  const bad = await explorer.customerPage({ sort: 'revenue; drop table orders', descending: false, offset: 0, limit: 10 });
  expect(bad.ok ? 'sorted' : bad.error.code).toBe('bad-sort');
});

test('the CSV holds the list\'s rows in its order, with labels and the customer list\'s awkward names quoted', async () => {
  const outcome = await explorer.customerCsv({ sort: 'customer_id', descending: false, columns: ['customer_id', 'name', 'revenue', 'last_order'], delimiter: ';', search: 'c9' });
  if (!outcome.ok) throw new Error(outcome.error.message);
  const bytes = outcome.value;
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(bytes.slice(3));
  const listed = await page({ sort: 'customer_id', descending: false, search: 'c9', limit: 5000 });
  expect(text.split('\r\n')[0]).toBe('Customer ID;Name;Revenue;Last order');
  expect(text).toContain('C9;"Smith, Jo\nJr";');
  // One line per customer listed (C9's name holds a line break inside its quotes), and a final CRLF.
  expect(text.split('\r\n').length).toBe(listed.total + 2);
  expect(text.split('\r\n')[1].startsWith('C9;')).toBe(true);
  expect(text).toMatch(/;\d+,\d+;|;\d+;/);
});

test('a change of dates builds the list again for them', async () => {
  const before = (await page({})).total;
  store.scoping.scope = { start: '2024-12-01', end: '2024-12-31' };
  const after = (await page({})).total;
  store.scoping.scope = scope;
  expect(after).toBeLessThan(before);
  expect(after).toBeGreaterThan(0);
});

test('one customer\'s report: identity, summary as the list counts, months, products; unknown ids say so', async () => {
  const outcome = await explorer.customerReport('C7');
  if (!outcome.ok) throw new Error(outcome.error.message);
  const report = outcome.value;
  const listed = (await page({ search: 'C7@' })).list[0];
  expect(report.identity).toMatchObject({ customer_id: 'C7', name: 'Zoë O\'Hara', email: 'c7@example.com' });
  expect(report.summary).toMatchObject({ orders: listed.orders, revenue: listed.revenue, refunds: listed.refunds });
  expect(report.monthly.length).toBeGreaterThan(0);
  expect(report.products.length).toBeGreaterThan(0);
  expect(report.activity).toEqual([]);
  expect(report.prediction).toBeUndefined();
  // The report reads the customer's own rows, narrowed once: each part as its module answers over every row.
  const catalog = readCatalog();
  const direct = async (id: string) => runModule(db, catalog.current.find((m) => m.id === id)!, { customer_id: 'C7' });
  expect(report.monthly).toEqual(await direct('customer_report_monthly'));
  expect(report.products).toEqual(await direct('customer_report_products'));
  expect(report.summary).toEqual((await direct('customer_report_summary'))[0]);
  const missing = await explorer.customerReport('nobody');
  expect(missing.ok ? 'found' : missing.error.code).toBe('no-customer');
});

test('the RFM map, read from the RFM held for the scope, answers as its modules do; so after a change of dates', async () => {
  const catalog = readCatalog();
  const direct = async (id: string) => runModule(db, catalog.current.find((m) => m.id === id)!);
  for (const end of ['2024-12-31', '2024-06-30']) {
    store.scoping.scope = { ...scope, end };
    await db.exec(`set variable period_end = date '${end}'`);
    const outcome = await explorer.rfmMap();
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.value.segments).toEqual(await direct('rfm_segments'));
    expect(outcome.value.grid).toEqual(await direct('rfm_grid'));
    expect(outcome.value.grid).toHaveLength(25);
  }
  store.scoping.scope = scope;
  await db.exec(`set variable period_end = date '${scope.end}'`);
});

test("the facets' counts, from the dated pairs held for the range, answer as counts worked out on the spot; so after a change of dates", async () => {
  const catalog = readCatalog();
  const modules = scopeModules(catalog.current);
  const contributions: unknown[] = [];
  // The views of the facet modules, as the worker builds them at a load.
  await store.scoping.rescope(true);
  for (const period of [scope, { start: '2024-06-01', end: '2024-06-30' }]) {
    store.scoping.scope = period;
    await setPeriod(db, period.start, period.end);
    const outcome = await explorer.facetValues(50);
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.value).toEqual(await facetValues(db, modules, catalog.current.find((m) => m.id === 'facet_values')!, store.canonical, 50));
    contributions.push(outcome.value.find((f) => f.id === 'revenue_contribution')!.values);
  }
  expect(contributions[1]).not.toEqual(contributions[0]);
  store.scoping.scope = scope;
  await setPeriod(db, scope.start, scope.end);
});

test("the list and the report show the predictions fitted for the scope on show, and none fitted for other dates", async () => {
  const queries = new Queries(store);
  const fit = async () => {
    const outcome = await queries.fitClv({});
    if (!outcome.ok) throw new Error(outcome.error.message);
    explorer.fitted();
  };
  const predicted = async () => (await page({ limit: 1000 })).list.filter((r) => r.p_alive !== null && r.predicted_value !== null);
  const report = async (id: string) => {
    const outcome = await explorer.customerReport(id);
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.value.prediction;
  };
  await fit();
  const fitted = await predicted();
  expect(fitted.length).toBeGreaterThan(100);
  const id = String(fitted[0].customer_id);
  expect(await report(id)).toMatchObject({ p_alive: fitted[0].p_alive });
  // Other dates: the predictions in the table are as of another end.
  store.scoping.scope = { start: '2024-01-01', end: '2024-06-30' };
  expect(await predicted()).toHaveLength(0);
  expect(await report(id)).toBeUndefined();
  await fit();
  const refitted = await predicted();
  expect(refitted.length).toBeGreaterThan(100);
  expect(refitted.map((r) => r.p_alive)).not.toEqual(fitted.map((r) => r.p_alive));
  store.scoping.scope = scope;
});

// Who each customer is and their search keys are kept once per load (explorer_places,
// explorer_search): a load that changes the customer list must reach the list, the search and the
// report, as a load does in the worker (the data gate's change, then the scope's rebuild).
test('a new customer list reaches the list, the search and the report after the load', async () => {
  expect((await page({ search: 'Renamed' })).total).toBe(0);
  const before = (await page({ search: 'c5@example.com' })).list.find((r) => r.customer_id === 'C5');
  expect(before).toMatchObject({ name: 'Name 5' });
  expect(before?.country).not.toBe('IE');
  await store.gate.change(async () => {
    await db.exec(`update base.customers set name = 'Renamed Ärzte', country = 'IE' where customer_id = 'C5'`);
    await store.scoping.rescope(true);
  });
  const found = await page({ search: 'renamed arzte' });
  expect(found.list.map((r) => [r.customer_id, r.name, r.country])).toEqual([['C5', 'Renamed Ärzte', 'IE']]);
  const report = await explorer.customerReport('C5');
  if (!report.ok) throw new Error(report.error.message);
  expect(report.value.identity).toMatchObject({ name: 'Renamed Ärzte', country: 'IE' });
  expect((await page({ search: 'Name 5' })).list.some((r) => r.customer_id === 'C5')).toBe(false);
});
