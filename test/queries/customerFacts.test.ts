// customer_facts and customer_identity on a fixture worked out by hand: a customer list whose ids
// differ from the orders' in case and surrounding spaces (matched, and counted by
// customer_id_matches), a name with a quote, a country only on the orders' billing lines, a
// customer with no country anywhere ('unknown'), a refund, a line without cost (no profit), and
// the lifetime-value columns NULL before a fit and filled after it.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readCatalog } from '../../src/cli/readModules';
import { ensureExplorerTables } from '../../src/lib/explorerTables';
import { runModule } from '../../src/lib/runModule';
import { loadTables, type FixtureRow } from '../support/loadTables';
import { openWasmDb, type WasmDb } from '../support/wasmDb';

const period = { start: '2024-03-01', end: '2024-03-31' };
const line = (order_id: string, customer_id: string, order_date: string, revenue: number, extra: FixtureRow = {}): FixtureRow => ({
  order_id, customer_id, order_date, revenue, cost: 10, refund: 0, status: 'completed', country: null, city: null, ...extra,
});

const orders: FixtureRow[] = [
  line('O1', 'AB12', '2024-02-10 10:00:00', 100, { country: 'DE', city: 'Köln' }),
  line('O2', 'AB12', '2024-03-05 10:00:00', 60, { refund: 20, status: 'refunded', country: 'FR', city: 'Lyon' }),
  line('O3', 'cd34', '2024-03-20 10:00:00', 40, { cost: null, country: 'ES' }),
  line('O4', 'zz99', '2024-03-30 10:00:00', 25),
  line('O5', 'zz99', '2024-04-02 10:00:00', 25, { country: 'IT' }), // after the period: not its country yet
];
const customers: FixtureRow[] = [
  { customer_id: '  ab12 ', name: 'Anna Bauer', email: 'anna@example.com', country: null, city: null },
  { customer_id: 'CD34', name: "Zoë O'Hara", email: 'zoe@example.ie', country: 'IE', city: 'Cork' },
  { customer_id: 'nobody', name: 'No Orders', email: null, country: 'US', city: 'Boston' },
];

const tickets: FixtureRow[] = [
  { ticket_id: 'T1', customer_id: 'AB12', opened_at: '2024-03-06 09:00:00', resolved_at: null, channel: 'email' },
  { ticket_id: 'T2', customer_id: 'AB12', opened_at: '2024-04-06 09:00:00', resolved_at: null, channel: 'email' }, // after the period
];
const surveys: FixtureRow[] = [{ customer_id: 'AB12', answered_at: '2024-03-07 09:00:00', kind: 'NPS', score: 9, comment: 'Très bien, "merci"' }];

const catalog = readCatalog();
const module = (id: string) => catalog.current.find((m) => m.id === id)!;
let db: WasmDb;
beforeAll(async () => {
  db = await openWasmDb();
  await loadTables(db, { orders, customers, tickets, surveys }, period);
  await ensureExplorerTables(db, ['orders', 'customers', 'tickets', 'surveys']);
});
afterAll(() => db.close());

const byId = async () => Object.fromEntries((await runModule(db, module('customer_facts'))).map((r) => [r.customer_id, r]));

test('customer_facts: one row per customer with a sale in the period, the customer list matched with case and spaces ignored', async () => {
  const facts = await byId();
  expect(Object.keys(facts).sort()).toEqual(['AB12', 'cd34', 'zz99']);
  // AB12: list row "  ab12 " (name, e-mail, no country) -> country and city of the latest billing line
  // up to the period's end (O2, Lyon). March: 60 sold, 20 refunded -> 40 net, profit 40 - 10 = 30.
  expect(facts.AB12).toMatchObject({
    name: 'Anna Bauer', email: 'anna@example.com', country: 'FR', city: 'Lyon',
    first_order: '2024-02-10 10:00:00', last_order: '2024-03-05 10:00:00',
    orders: 1, sales: 60, refunds: 20, revenue: 40, profit: 30, recency_days: 26, frequency: 1, monetary: 40,
    p_alive: null, predicted_value: null,
  });
  // cd34: the list's "CD34" with its own country and city; a line without cost -> no profit.
  expect(facts.cd34).toMatchObject({ name: "Zoë O'Hara", country: 'IE', city: 'Cork', revenue: 40, profit: null, recency_days: 11 });
  // zz99: not listed, no country on any line up to the period's end -> unknown, never NULL.
  expect(facts.zz99).toMatchObject({ name: null, email: null, country: 'unknown', city: 'unknown', revenue: 25, profit: 15 });
  // RFM over the three: R 26 days 1, 11 days 1 + floor(5/3) = 2, 1 day 1 + floor(10/3) = 4; all one order F = 1;
  // M: 25 -> 1, 40 and 40 tie -> 1 + floor(5/3) = 2 both.
  expect([facts.AB12.r, facts.cd34.r, facts.zz99.r]).toEqual([1, 2, 4]);
  expect([facts.AB12.m, facts.cd34.m, facts.zz99.m, facts.AB12.f]).toEqual([2, 2, 1, 1]);
});

test('customer_id_matches: how many listed ids matched only with case or spaces ignored', async () => {
  expect(await runModule(db, module('customer_id_matches'))).toEqual([{ listed: 3, matched_loosely: 2, without_orders: 1 }]);
});

test('without a customer list or a fit the explorer still binds; after a fit it reads the predictions', async () => {
  const bare = await openWasmDb();
  try {
    await loadTables(bare, { orders }, period);
    await ensureExplorerTables(bare, ['orders']);
    const rows = await runModule(bare, module('customer_facts'));
    expect(rows.map((r) => [r.customer_id, r.name, r.country, r.p_alive]).sort()).toEqual([
      ['AB12', null, 'FR', null],
      ['cd34', null, 'ES', null],
      ['zz99', null, 'unknown', null],
    ]);
  } finally {
    bare.close();
  }
  await db.insertColumns('clv_predictions', {
    customer_id: ['AB12'], frequency: [1], recency: [10], T: [20], monetary_value: [40], p_alive: [0.8], expected_purchases: [1.5], expected_spend: [40], predicted_clv: [60],
  });
  const facts = await byId();
  expect([facts.AB12.p_alive, facts.AB12.predicted_value, facts.cd34.p_alive]).toEqual([0.8, 60, null]);
});

test('the report modules: identity, summary, months, products, tickets and surveys up to the period\'s end, the prediction', async () => {
  const report = (id: string) => runModule(db, module(id), { customer_id: 'AB12' });
  expect(await report('customer_report_identity')).toEqual([
    { customer_id: 'AB12', name: 'Anna Bauer', email: 'anna@example.com', country: 'FR', city: 'Lyon', customer_since: '2024-02-10 10:00:00', first_channel: 'unknown' },
  ]);
  // March: 60 sold, 20 refunded; ever: 100 + 40 net over two orders.
  expect(await report('customer_report_summary')).toEqual([
    { orders: 1, revenue: 40, sales: 60, refunds: 20, profit: 30, first_order: '2024-02-10 10:00:00', last_order: '2024-03-05 10:00:00', lifetime_orders: 2, lifetime_revenue: 140 },
  ]);
  expect(await report('customer_report_monthly')).toEqual([
    { month: '2024-02-01', orders: 1, revenue: 100 },
    { month: '2024-03-01', orders: 1, revenue: 40 },
  ]);
  expect(await report('customer_report_products')).toEqual([{ product: 'unknown', orders: 2, quantity: null, revenue: 140, last_bought: '2024-03-05 10:00:00' }]);
  expect(await report('customer_report_tickets')).toEqual([{ happened_at: '2024-03-06 09:00:00', activity: 'ticket', detail: 'T1 · email · open', score: null }]);
  expect(await report('customer_report_surveys')).toEqual([{ happened_at: '2024-03-07 09:00:00', activity: 'survey nps', detail: 'Très bien, "merci"', score: 9 }]);
  // A customer with nothing: a summary of zeros, no identity.
  expect(await runModule(db, module('customer_report_identity'), { customer_id: 'nobody' })).toEqual([]);
  expect((await runModule(db, module('customer_report_summary'), { customer_id: 'nobody' }))[0]).toMatchObject({ orders: 0, revenue: 0, profit: null, lifetime_orders: 0 });
  expect(await report('customer_report_prediction')).toEqual([{ p_alive: 0.8, expected_purchases: 1.5, predicted_value: 60 }]);
});
