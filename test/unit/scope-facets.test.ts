// Facets select customers, not order lines (src/lib/scope.ts, src/lib/customerScope.ts), on real
// DuckDB-WASM with a store worked out by hand: a product facet keeps its buyers' other orders; a
// ticket's channel is not the channel a customer came through; customers without a country are
// "unknown", never dropped; values of a facet are OR'ed, facets AND'ed; values with a comma or a
// quote survive; facet counts are those a facet would have if it were off; the RFM facet is read
// among the customers the other facets keep; a segment filters; a compared segment and everyone
// else add up to the whole.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readCatalog } from '../../src/cli/readModules';
import type { CanonicalTableName } from '../../src/lib/canonical';
import { scopeModules, type ScopeModules } from '../../src/lib/customerScope';
import { facetValues } from '../../src/lib/facetValues';
import { parseQueryModule } from '../../src/lib/queryModule';
import { headlineRow, runModule } from '../../src/lib/runModule';
import { applyScope, unfilteredTables, useSide, type Scope } from '../../src/lib/scope';
import { loadTables, type FixtureRow } from '../support/loadTables';
import { openWasmDb, type WasmDb } from '../support/wasmDb';

const catalog = readCatalog();
const facts = parseQueryModule('customers/customer_facts.sql', readFileSync(new URL('../fixtures/scope/customer_facts.sql', import.meta.url), 'utf8'));
const modules: ScopeModules = { ...scopeModules(catalog.current), facts };
const valuesModule = catalog.current.find((m) => m.id === 'facet_values')!;
const period = { start: '2024-01-01', end: '2024-12-31' };

const line = (order_id: string, customer_id: string | null, order_date: string, product: string, revenue: number, refund: number, status: string, channel: string, country: string | null, city: string | null = null): FixtureRow => ({
  order_id, customer_id, order_date, product, revenue, refund, status, channel, country, city,
});

// By hand — country: C1 FR (list), C2 AT (list blank: latest billing), C3 unknown, O'Brien IE,
// C4 FR (billing), C5 unknown (list, no orders). Channel of the first sale: C1 email, C2 organic,
// C3 email, O'Brien ads, C4 unknown (only a cancelled order), C5 partner (list). Net revenue in
// 2024: C1 70, C2 65, C3 200, O'Brien 10 (the guest's 15 is no customer's).
const tables: Partial<Record<CanonicalTableName, FixtureRow[]>> = {
  customers: [
    { customer_id: 'C1', country: 'FR', city: 'Paris' },
    { customer_id: 'C2', country: '', city: null },
    { customer_id: "O'Brien", country: 'IE', city: 'Washington, "D.C."' },
    { customer_id: 'C5', country: null, city: null, channel: 'partner' },
  ],
  orders: [
    line('o1', 'C1', '2023-05-01 10:00:00', 'Mug, large', 30, 0, 'completed', 'email', 'FR'),
    line('o2', 'C1', '2024-02-01 10:00:00', 'Tea', 70, 0, 'completed', 'ads', 'FR'),
    line('o3', 'C2', '2024-03-01 10:00:00', 'Tea', 50, 0, 'completed', 'organic', 'DE', 'Berlin'),
    line('o4', 'C2', '2024-04-01 10:00:00', 'Mug, large', 20, 5, 'completed', 'organic', 'AT', 'Vienna'),
    line('o5', 'C3', '2024-05-01 10:00:00', 'Pen "gold"', 200, 0, 'completed', 'email', null),
    line('o6', "O'Brien", '2024-06-01 10:00:00', 'Tea', 10, 0, 'completed', 'ads', null),
    line('o7', null, '2024-06-02 10:00:00', 'Tea', 15, 0, 'completed', 'organic', null),
    line('o8', 'C4', '2024-07-01 10:00:00', 'Mug, large', 40, 0, 'cancelled', 'email', 'FR'),
  ],
  tickets: [
    { ticket_id: 't1', customer_id: 'C1', opened_at: '2024-03-01 09:00:00', channel: 'phone' },
    { ticket_id: 't2', customer_id: 'C2', opened_at: '2024-03-02 09:00:00', channel: 'email' },
    { ticket_id: 't3', customer_id: 'C3', opened_at: '2024-03-03 09:00:00', channel: 'email' },
  ],
  marketing_spend: [{ day: '2024-03-01', channel: 'email', spend: 100 }],
};
const loaded = Object.keys(tables) as CanonicalTableName[];

let db: WasmDb;
beforeAll(async () => {
  db = await openWasmDb();
  await loadTables(db, tables, period);
}, 300_000);
afterAll(() => db.close());

const scoped = (scope: Partial<Scope>, prepare = true) => applyScope(db, { ...period, ...scope }, loaded, prepare, undefined, modules);
const ids = async (table: string, column: string) => (await db.rows(`select ${column} as v from ${table} order by all`)).map((r) => r.v);
const netRevenue = async () => {
  const module = catalog.current.find((m) => m.id === 'net_revenue')!;
  return headlineRow(module, await runModule(db, module))!.net_revenue;
};

describe('facets select customers', () => {
  test('a product facet keeps its buyers with all their orders: revenue is theirs, not the product\'s', async () => {
    await scoped({ facets: { product: ['Mug, large'] } });
    expect(await ids('scope_customers', 'customer_id')).toEqual(['C1', 'C2']);
    expect(await ids('orders', 'order_id')).toEqual(['o1', 'o2', 'o3', 'o4']);
    // Their whole net revenue of 2024 (70 + 50 + 20 - 5), not the mugs' (20 - 5).
    expect(await netRevenue()).toBe(135);
    expect(await ids('tickets', 'ticket_id')).toEqual(['t1', 't2']);
    expect(await ids('customer_orders', 'order_id')).toEqual(['o1', 'o2', 'o3', 'o4']);
    // Spend holds no customer: whole, and a cell reading it can say so.
    expect(await ids('marketing_spend', 'spend')).toEqual([100]);
    expect(unfilteredTables('select sum(spend) from marketing_spend join orders using (channel)', { facets: { product: ['Mug, large'] } })).toEqual(['marketing_spend']);
    expect(unfilteredTables('select sum(spend) from marketing_spend', {})).toEqual([]);
  });

  test("a customer's channel is where they came from, not how they wrote in", async () => {
    await scoped({ facets: { channel: ['email'] } });
    expect(await ids('scope_customers', 'customer_id')).toEqual(['C1', 'C3']);
    // C1's phone ticket stays: the customer came through e-mail.
    expect(await ids('tickets', 'ticket_id')).toEqual(['t1', 't3']);
    await scoped({ facets: { channel: ['phone'] } });
    expect(await ids('orders', 'order_id')).toEqual([]);
    await scoped({ facets: { channel: ['partner'] } });
    expect(await ids('customers', 'customer_id')).toEqual(['C5']);
  });

  test('customers without a country are "unknown", never dropped', async () => {
    await scoped({ facets: { country: ['unknown'] } });
    expect(await ids('scope_customers', 'customer_id')).toEqual(['C3', 'C5']);
    expect(await ids('orders', 'order_id')).toEqual(['o5']);
    await scoped({ facets: { country: ['AT'] } });
    expect(await ids('scope_customers', 'customer_id')).toEqual(['C2']);
  });

  test("values of a facet are OR'ed, facets AND'ed", async () => {
    await scoped({ facets: { country: ['FR', 'AT'] } });
    expect(await ids('scope_customers', 'customer_id')).toEqual(['C1', 'C2', 'C4']);
    await scoped({ facets: { country: ['FR', 'AT'], product: ['Tea'] } });
    expect(await ids('scope_customers', 'customer_id')).toEqual(['C1', 'C2']);
    await scoped({ facets: { country: ['FR', 'AT'], product: ['Tea'], channel: ['organic'] } });
    expect(await ids('scope_customers', 'customer_id')).toEqual(['C2']);
    // A facet with no value chosen is off.
    await scoped({ facets: { country: [] } });
    expect(await ids('orders', 'order_id')).toHaveLength(8);
  });

  test('values with a comma or a quote', async () => {
    await scoped({ facets: { city: ['Washington, "D.C."'] } });
    expect(await ids('scope_customers', 'customer_id')).toEqual(["O'Brien"]);
    await scoped({ facets: { product: ['Pen "gold"'] } });
    expect(await ids('scope_customers', 'customer_id')).toEqual(['C3']);
  });

  test('revenue contribution ranks the customers with a sale in the range, and follows the dates', async () => {
    await scoped({ facets: { revenue_contribution: ['top_20'] } });
    expect(await ids('scope_customers', 'customer_id')).toEqual(['C3']);
    await scoped({ facets: { revenue_contribution: ['bottom_50'] } });
    expect(await ids('scope_customers', 'customer_id')).toEqual(['C2', "O'Brien"]);
    // 2023: C1 alone bought.
    await applyScope(db, { start: '2023-01-01', end: '2023-12-31', facets: { revenue_contribution: ['top_20'] } }, loaded, false, undefined, modules);
    expect(await ids('scope_customers', 'customer_id')).toEqual(['C1']);
  });

  test('an unknown facet is refused with the facets there are', async () => {
    await expect(scoped({ facets: { colour: ['red'] } })).rejects.toThrow(/no facet "colour".*country/);
  });

  test("a load keeps no facet pairs until a facet, a segment or the counts ask for them", async () => {
    const kept = async () => (await db.rows("select table_name from duckdb_tables() where schema_name = 'everyone' and table_name = 'facet_static'")).length;
    await scoped({});
    expect(await kept()).toBe(0);
    expect((await facetValues(db, modules, valuesModule, loaded, 10)).find((f) => f.id === 'country')!.values).toHaveLength(4);
    expect(await kept()).toBe(1);
    await scoped({});
    expect(await kept()).toBe(0);
    await scoped({ facets: { product: ['Tea'] } }, false);
    expect(await kept()).toBe(1);
    expect(await ids('scope_customers', 'customer_id')).toEqual(['C1', 'C2', "O'Brien"]);
  });

  test('facet counts are those each facet would have if it were off', async () => {
    await scoped({ facets: { country: ['FR'] } });
    const facets = await facetValues(db, modules, valuesModule, loaded, 10);
    const of = (id: string) => facets.find((f) => f.id === id)!.values;
    expect(of('country')).toEqual([
      { value: 'unknown', customers: 2, revenue: 200 },
      { value: 'FR', customers: 2, revenue: 70 },
      { value: 'AT', customers: 1, revenue: 65 },
      { value: 'IE', customers: 1, revenue: 10 },
    ]);
    // The others under FR: C1 and C4.
    expect(of('product')).toEqual([
      { value: 'Mug, large', customers: 1, revenue: 70 },
      { value: 'Tea', customers: 1, revenue: 70 },
    ]);
    expect(of('channel')).toEqual([
      { value: 'email', customers: 1, revenue: 70 },
      { value: 'unknown', customers: 1, revenue: 0 },
    ]);
    expect(of('revenue_contribution')).toEqual([{ value: 'next_30', customers: 1, revenue: 70 }]);
    // RFM scored among the French customers (the stand-in facts: above 60 in the range is Champions).
    expect(of('rfm_segment')).toEqual([{ value: 'Champions', customers: 1, revenue: 70 }]);
    const limited = await facetValues(db, modules, valuesModule, loaded, 1);
    expect(limited.find((f) => f.id === 'country')).toMatchObject({ values: [{ value: 'unknown' }], more: 3 });
  });
});

// The shipped sample and the synthetic store (test/queries/rewrites.test.ts) have no customer
// who is only on the list, no blank country on it and no customer who moved: this store has them.
describe('a facet rewritten lists the pairs its earlier versions list', () => {
  const facets = catalog.current.filter((m) => m.family === 'facets' && m.version > 1);
  test('there are rewritten facets', () => expect(facets.map((m) => m.id).sort()).toEqual(['channel', 'city', 'country', 'product']));
  test.each(facets.map((m) => [m.id, m] as const))('%s', async (id, module) => {
    await scoped({});
    const pairs = async (m: typeof module) => (await runModule(db, m)).map((r) => `${r.customer_id} → ${r.value}`).sort();
    const now = await pairs(module);
    expect(now.length).toBeGreaterThan(0);
    for (let v = 1; v < module.version; v++) expect(await pairs(catalog.byRef.get(`${id}@${v}`)!), `${id}@${v}`).toEqual(now);
  });
});

// Version 2 of the counts (queries/scope/facet_values.sql) joins on the customers' numbers and
// finds the facets a customer fails with an anti join; version 1 compared lists on every pair.
describe('the facet counts rewritten answer as their earlier version', () => {
  const versions = catalog.byRef.get('facet_values@1') ? [catalog.byRef.get('facet_values@1')!] : [];
  const repeat = { name: 'Repeat', match: 'all' as const, conditions: [{ field: 'orders', op: 'gte' as const, value: 2 }] };
  const scopes: [string, Partial<Scope>][] = [
    ['no facet', {}],
    ['one country', { facets: { country: ['FR'] } }],
    ['two facets, one with two values', { facets: { country: ['FR', 'unknown'], product: ['Tea'] } }],
    ['three facets', { facets: { country: ['FR', 'AT'], product: ['Tea', 'Mug, large'], channel: ['email', 'organic'] } }],
    ['the RFM facet', { facets: { rfm_segment: ['Champions'] } }],
    ['revenue contribution, other dates', { start: '2024-03-01', end: '2024-06-30', facets: { revenue_contribution: ['top_20', 'next_30'] } }],
    ['a segment', { segment: repeat }],
    ['a segment and a facet', { segment: repeat, facets: { product: ['Tea'] } }],
  ];
  test('version 1 is kept', () => expect(versions).toHaveLength(1));
  test.each(scopes)('%s', async (_, scope) => {
    await scoped(scope);
    const now = await facetValues(db, modules, valuesModule, loaded, 10);
    expect(now.some((f) => f.values.length > 0)).toBe(true);
    for (const v1 of versions) expect(await facetValues(db, modules, v1, loaded, 10)).toEqual(now);
  });
});

describe('the RFM facet and segments read the customer facts', () => {
  test('the RFM facet is read among the customers the other facets keep', async () => {
    await scoped({ facets: { rfm_segment: ['Champions'] } });
    expect(await ids('scope_customers', 'customer_id')).toEqual(['C1', 'C2', 'C3']);
    await scoped({ facets: { rfm_segment: ['Champions'], country: ['FR'] } });
    expect(await ids('scope_customers', 'customer_id')).toEqual(['C1']);
  });

  test('a segment as a filter keeps its customers among those the facets keep', async () => {
    await scoped({ segment: { name: 'Repeat', match: 'all', conditions: [{ field: 'orders', op: 'gte', value: 2 }] } });
    expect(await ids('scope_customers', 'customer_id')).toEqual(['C2']);
    await scoped({ facets: { country: ['FR', 'IE'] }, segment: { name: 'Small or Irish', match: 'any', conditions: [{ field: 'revenue', op: 'lte', value: 20 }, { field: 'city', op: 'is', value: 'Washington, "D.C."' }] } });
    expect(await ids('scope_customers', 'customer_id')).toEqual(["O'Brien"]);
    await scoped({ segment: { name: 'Mug buyers', match: 'all', conditions: [{ field: 'product', op: 'is', value: 'Mug, large' }] } });
    expect(await ids('scope_customers', 'customer_id')).toEqual(['C1', 'C2']);
  });

  test('a compared segment and everyone else add up to the whole', async () => {
    const repeat = { name: 'Repeat', match: 'all' as const, conditions: [{ field: 'orders', op: 'gte' as const, value: 2 }] };
    await scoped({ compareSegment: repeat });
    const whole = await netRevenue();
    await useSide(db, 'segment');
    const segment = await netRevenue();
    expect(await ids('orders', 'order_id')).toEqual(['o3', 'o4']);
    await useSide(db, 'rest');
    const rest = await netRevenue();
    expect(await ids('marketing_spend', 'spend')).toEqual([100]);
    await useSide(db, undefined);
    expect([whole, segment, rest]).toEqual([360, 65, 295]);
  });
});
