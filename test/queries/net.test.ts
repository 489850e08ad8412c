// "Net means net": every module that reports net money counts a customer's stand-alone refunds
// and credit notes (lines with no revenue and a refund, as ingestion turns Online Retail's `C`
// invoices into) against that customer, on the day they were issued. One fixture worked by
// hand; the answers of the versions that ignored those lines are in the comments, to show each
// test would catch them. Profit needs a cost column and counts the sale lines without a cost.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readCatalog } from '../../src/cli/readModules';
import { availableColumns, emptyColumns, missingNeeds } from '../../src/lib/loadedColumns';
import { runModule } from '../../src/lib/runModule';
import { loadTables, type FixtureRow } from '../support/loadTables';
import { openWasmDb, type WasmDb } from '../support/wasmDb';

const catalog = readCatalog();
const module = (id: string) => catalog.current.find((m) => m.id === id)!;
let db: WasmDb;
beforeAll(async () => {
  db = await openWasmDb();
});
afterAll(() => db.close());

const run = (id: string, params = {}) => runModule(db, module(id), params);

const line = (order_id: string, customer_id: string | null, order_date: string, revenue: number, refund: number | null, status: string | null, cost: number | null = null): FixtureRow => ({
  order_id, customer_id, order_date, revenue, refund, status, cost,
});

// Period April - May 2024. E bought in March and got 25 back in April; A got 5 back on the last
// minute of April and 7 in June; B was credited the 30 of its second order on the same day;
// O'Brien's sale has a refund on the line itself and no cost; a guest was credited 15.
const store = [
  line('S0', 'E', '2024-03-20 10:00:00', 60, null, 'completed', 20),
  line('S1', 'A', '2024-04-10 10:00:00', 80, null, 'completed', 30),
  line('CN4', 'E', '2024-04-15 09:00:00', 0, 25, 'refunded'),
  line('CN1', 'A', '2024-04-30 23:59:00', 0, 5, 'refunded'),
  line('S2', 'B', '2024-05-01 00:00:00', 100, 0, 'completed', 40),
  line('S3', "O'Brien", '2024-05-15 12:00:00', 50, 20, 'refunded'),
  line('X1', 'B', '2024-05-20 12:00:00', 40, 40, 'cancelled', 15),
  line('S4', 'B', '2024-05-25 12:00:00', 30, null, 'completed', 10),
  line('CN5', 'B', '2024-05-25 18:00:00', 0, 30, null),
  line('CN2', null, '2024-05-31 23:00:00', 0, 15, null),
  line('CN3', 'A', '2024-06-01 00:00:00', 0, 7, 'refunded'),
];

describe('on a store with stand-alone refunds', () => {
  beforeAll(async () => {
    await loadTables(db, { orders: store }, { start: '2024-04-01', end: '2024-05-31' });
  });

  test('revenue_per_customer: refunds count on their own day, refund-only customers are no customers', async () => {
    // Apr: A 80, less A's 5 and E's 25 = 50 over A. May: B 100 + 30, O'Brien 50 - 20, less B's
    // 30 = 130 over B and O'Brien. Period 180 / 3. (Ignoring them: Apr 80, May 160 / 2, period 80.)
    expect(await run('revenue_per_customer')).toEqual([
      { month: null, customers: 3, revenue: 180, revenue_per_customer: 60 },
      { month: '2024-04-01', customers: 1, revenue: 50, revenue_per_customer: 50 },
      { month: '2024-05-01', customers: 2, revenue: 130, revenue_per_customer: 65 },
    ]);
  });

  test('profit_per_customer: refunds take back money, not cost; lines without a cost are counted', async () => {
    // Apr: A 80 - 30 = 50, less 5 and 25 = 20. May: B 100 - 40 = 60 and 30 - 10 = 20, O'Brien
    // 50 - 20 with no cost (1 line) = 30, less B's 30 = 80 over 2. Period 100 / 3.
    expect(await run('profit_per_customer')).toEqual([
      { month: null, customers: 3, profit: 100, profit_per_customer: 100 / 3, lines_without_cost: 1 },
      { month: '2024-04-01', customers: 1, profit: 20, profit_per_customer: 20, lines_without_cost: 0 },
      { month: '2024-05-01', customers: 2, profit: 80, profit_per_customer: 40, lines_without_cost: 1 },
    ]);
  });

  test('average_order_value: refunds lower the orders\' value without being orders; guests\' too', async () => {
    // Apr: S1 80 less 5 and 25 = 50 over 1 order. May: S2 100, S3 30, S4 30, less B's 30 and the
    // guest's 15 = 115 over 3. Period 165 / 4. (Ignoring them: period 240 / 4 = 60.)
    expect(await run('average_order_value')).toEqual([
      { month: null, orders: 4, revenue: 165, aov: 41.25 },
      { month: '2024-04-01', orders: 1, revenue: 50, aov: 50 },
      { month: '2024-05-01', orders: 3, revenue: 115, aov: 115 / 3 },
    ]);
  });

  test('top_customer_share: customers of the period ranked by net, refunds in the period included', async () => {
    // B 130 - 30 = 100, A 80 - 5 = 75 (June's 7 is outside), O'Brien 30; E bought nothing in the
    // period and is not ranked. Top 1 of 3: 100 / 205. (Ignoring them: 130 / 240.)
    expect(await run('top_customer_share')).toEqual([
      { customer_share: null, revenue_share: 100 / 205 },
      { customer_share: 0.34, revenue_share: 100 / 205 },
      { customer_share: 0.67, revenue_share: 175 / 205 },
      { customer_share: 1, revenue_share: 1 },
    ]);
  });

  test('historical_ltv: every refund a new customer got up to the period end comes off their value', async () => {
    // New in the period: A 80 - 5 = 75 (the 7 of June falls after the period, outside the equal
    // tenure every cohort is measured over), B 130 - 30 = 100, O'Brien 30 (E is from March).
    // Mean 205 / 3. (Ignoring the stand-alone refunds: A 80, B 130, mean 80.)
    expect(await run('historical_ltv')).toEqual([
      { ltv_band: null, customers: 3, average_ltv: 205 / 3 },
      { ltv_band: 0, customers: 1, average_ltv: 30 },
      { ltv_band: 50, customers: 1, average_ltv: 75 },
      { ltv_band: 100, customers: 1, average_ltv: 100 },
    ]);
  });

  test('refund_rate agrees: every refund of the period, stand-alone ones at their own date', async () => {
    // Gross 80 + 100 + 50 + 30 = 260; refunded 25 + 5 + 20 + 30 + 15 = 95.
    expect((await run('refund_rate'))[0]).toEqual({ month: null, revenue: 260, refunded: 95, refund_rate: 95 / 260 });
  });
});

test('clv_summary: a day of credit notes only is no purchase; its refund comes off the repeat purchases', async () => {
  await loadTables(db, {
    orders: [
      line('A1', 'A', '2024-04-02 10:00:00', 80, null, 'completed'),
      line('A2', 'A', '2024-04-20 10:00:00', 60, null, 'completed'),
      line('AC', 'A', '2024-04-25 10:00:00', 0, 10, 'refunded'),
      line('A3', 'A', '2024-05-20 10:00:00', 40, null, 'completed'),
      line('B1', 'B', '2024-04-05 10:00:00', 50, null, 'completed'),
      line('BC1', 'B', '2024-04-05 16:00:00', 0, 20, 'refunded'),
      line('BC2', 'B', '2024-04-15 10:00:00', 0, 5, 'refunded'),
      line('EC', 'E', '2024-04-10 10:00:00', 0, 10, 'refunded'),
    ],
  }, { start: '2024-04-01', end: '2024-05-31' });
  // Purchase days run 2 Apr - 20 May (48 days): the default calibration ends 28 days in, 30 Apr.
  // A: repeat day 20 Apr (60), less the credit note of 25 Apr -> monetary 50; 20 May held out.
  // B: one purchase day (5 Apr, 50 - 20); the 15 Apr credit is no purchase -> no repeats, 0.
  // E has credit notes only: no purchase, no row. (Counting credit days as purchases: A would
  // have 2 repeats worth 25 on average, B one worth -5, and E a row.)
  expect(await run('clv_summary', { holdout_check: true })).toEqual([
    { customer_id: 'A', frequency: 1, recency: 18 / 7, age: 4, monetary_value: 50, holdout_purchases: 1, calibration_end: '2024-04-30', holdout_end: '2024-05-20' },
    { customer_id: 'B', frequency: 0, recency: 0, age: 25 / 7, monetary_value: 0, holdout_purchases: 0, calibration_end: '2024-04-30', holdout_end: '2024-05-20' },
  ]);
});

describe('a column no line has a value in is not loaded', () => {
  const sale = (order_id: string, cost: number | null): FixtureRow => ({ order_id, customer_id: 'A', order_date: '2024-04-10 10:00:00', revenue: 10, cost });

  test('without costs, profit asks for orders(cost); the other value cells still show', async () => {
    await loadTables(db, { orders: [sale('S1', null), sale('S2', null)] }, { start: '2024-04-01', end: '2024-04-30' });
    const empty = await emptyColumns(db, 'orders', 'base');
    expect(empty).toContain('cost');
    // refund and status mean something when empty (nothing refunded, a sale): still loaded.
    expect(empty).not.toContain('refund');
    expect(empty).not.toContain('status');
    const available = availableColumns([{ table: 'orders', columns: ['order_id', 'customer_id', 'order_date', 'revenue', 'cost', 'refund', 'status'], empty }]);
    expect(missingNeeds(module('profit_per_customer'), available)).toEqual(['orders(cost)']);
    expect(missingNeeds(module('revenue_per_customer'), available)).toEqual([]);
    expect(missingNeeds(module('average_order_value'), available)).toEqual([]);
  });

  test('with a cost on some lines, profit shows and counts the lines without one', async () => {
    await loadTables(db, { orders: [sale('S1', 4), sale('S2', null)] }, { start: '2024-04-01', end: '2024-04-30' });
    expect(await emptyColumns(db, 'orders', 'base')).not.toContain('cost');
    expect((await run('profit_per_customer'))[0]).toEqual({ month: null, customers: 1, profit: 16, profit_per_customer: 16, lines_without_cost: 1 });
  });
});
