// The scope in the worker (src/worker/scoping.ts, src/worker/queries.ts, src/worker/explorer.ts) on DuckDB-WASM, with the
// bundled modules (the real customer facts and RFM): a facet applied through the Scoping narrows
// what modules read; a change of dates alone rebuilds nothing unless a facet or segment follows
// the dates; facetValues lists the facets; a compared segment's two sides add up to the whole; a
// bad segment is refused with its sentence, a side asked for with nothing compared too.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { moduleRef } from '../../src/lib/queryModule';
import { moduleCatalog } from '../../src/lib/queryModules';
import type { Scope } from '../../src/lib/scope';
import { Explorer } from '../../src/worker/explorer';
import { Queries } from '../../src/worker/queries';
import type { Store } from '../../src/worker/store';
import { storeOn } from '../support/asyncWasm';
import { loadTables, type FixtureRow } from '../support/loadTables';
import { openWasmDb, type WasmDb } from '../support/wasmDb';

const period = { start: '2024-01-01', end: '2024-12-31' };
const order = (order_id: string, customer_id: string | null, order_date: string, revenue: number, country: string, product: string): FixtureRow => ({
  order_id, customer_id, order_date, revenue, country, product, status: 'completed', refund: 0,
});
// FR: A (10 + 20), B (40); DE: C (100 + 100 + 5); a guest's 7.
const orders = [
  order('1', 'A', '2024-01-10 10:00:00', 10, 'FR', 'Tea'),
  order('2', 'A', '2024-05-10 10:00:00', 20, 'FR', 'Mug'),
  order('3', 'B', '2024-03-10 10:00:00', 40, 'FR', 'Tea'),
  order('4', 'C', '2024-02-10 10:00:00', 100, 'DE', 'Mug'),
  order('5', 'C', '2024-06-10 10:00:00', 100, 'DE', 'Mug'),
  order('6', 'C', '2024-07-10 10:00:00', 5, 'DE', 'Pen'),
  order('7', null, '2024-07-11 10:00:00', 7, 'DE', 'Pen'),
];

let db: WasmDb;
let store: Store;
let queries: Queries;
let explorer: Explorer;
beforeAll(async () => {
  db = await openWasmDb();
  await loadTables(db, { orders }, period);
  store = storeOn(db);
  store.canonical = ['orders'];
  queries = new Queries(store);
  explorer = new Explorer(store);
}, 300_000);
afterAll(() => db.close());

const catalog = moduleCatalog();
const ref = (id: string) => moduleRef(catalog.current.find((m) => m.id === id)!);
const setScope = async (scope: Partial<Scope>) => {
  store.scoping.scope = { ...period, ...scope };
  await store.gate.change(() => store.scoping.rescope(false));
};
const netRevenue = async (side?: 'segment' | 'rest') => {
  const outcome = await queries.runModule(ref('net_revenue'), `t-${side}`, undefined, undefined, undefined, side);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value.rows.find((r) => r.month === null)!.net_revenue;
};

test('a facet narrows what modules read; dates alone rebuild nothing unless a facet or segment follows them', async () => {
  await setScope({ facets: { country: ['FR'] } });
  expect(await netRevenue()).toBe(70);
  expect(store.scoping.onlyPeriodChanges({ start: '2024-06-01', end: '2024-12-31', facets: { country: ['FR'] } })).toBe(true);
  expect(store.scoping.onlyPeriodChanges({ ...period, facets: { country: ['FR', 'DE'] } })).toBe(false);
  await setScope({ facets: { revenue_contribution: ['top_20'] } });
  expect(await netRevenue()).toBe(205);
  expect(store.scoping.onlyPeriodChanges({ start: '2024-06-01', end: '2024-12-31', facets: { revenue_contribution: ['top_20'] } })).toBe(false);
  const segment = { name: 'Big', match: 'all' as const, conditions: [{ field: 'revenue', op: 'gte' as const, value: 50 }] };
  await setScope({ segment });
  expect(store.scoping.onlyPeriodChanges({ start: '2024-06-01', end: '2024-12-31', segment })).toBe(false);
  expect(await netRevenue()).toBe(205);
});

test('facetValues lists every facet with its values', async () => {
  await setScope({ facets: { country: ['FR'] } });
  const outcome = await explorer.facetValues(10);
  if (!outcome.ok) throw new Error(outcome.error.message);
  const of = (id: string) => outcome.value.find((f) => f.id === id);
  expect(of('country')?.values).toEqual([
    { value: 'FR', customers: 2, revenue: 70 },
    { value: 'DE', customers: 1, revenue: 205 },
  ]);
  expect(of('product')?.values).toEqual([
    { value: 'Tea', customers: 2, revenue: 70 },
    { value: 'Mug', customers: 1, revenue: 30 },
  ]);
  // Scored by the bundled RFM among the French customers: each has a segment.
  expect(of('rfm_segment')?.values.reduce((n, v) => n + v.customers, 0)).toBe(2);
});

test('a compared segment and everyone else add up to the whole; bad segments and sides are refused', async () => {
  const side = await queries.runModule(ref('net_revenue'), 'no-side', undefined, undefined, undefined, 'segment');
  expect(side).toMatchObject({ ok: false, error: { code: 'no-segment' } });
  await setScope({ compareSegment: { name: 'Repeat', match: 'all', conditions: [{ field: 'orders', op: 'gte', value: 2 }] } });
  const [whole, segment, rest] = [await netRevenue(), await netRevenue('segment'), await netRevenue('rest')];
  expect([whole, segment, rest]).toEqual([282, 235, 47]);
  expect(await queries.segmentSize({ name: 'Repeat', match: 'all', conditions: [{ field: 'orders', op: 'gte', value: 2 }] })).toEqual({ ok: true, value: { customers: 2, revenue: 235 } });
  const bad = await queries.segmentSize({ name: 'Odd', match: 'all', conditions: [{ field: 'revenue', op: 'between', value: [1] }] });
  expect(bad).toMatchObject({ ok: false, error: { code: 'segment', message: expect.stringContaining('between takes two values') } });
});
