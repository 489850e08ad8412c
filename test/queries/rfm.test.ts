// RFM as the explorer and the notebook compute it (queries/customers/customer_rfm.sql, the segment
// rules in rfm_segment_map.sql, the notebook's rfm_segments and the explorer's rfm_grid) on ten
// customers worked out by hand, with ties at quintile edges: two customers a day from the end share
// places 8 and 9 (ntile would give them 4 and 5), seven one-order customers share F = 1.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readCatalog } from '../../src/cli/readModules';
import { runModule } from '../../src/lib/runModule';
import { loadTables, type FixtureRow } from '../support/loadTables';
import { openWasmDb, type WasmDb } from '../support/wasmDb';

const period = { start: '2024-01-01', end: '2024-01-31' };
let n = 0;
const line = (customer_id: string | null, order_date: string, revenue: number, extra: FixtureRow = {}): FixtureRow => ({
  order_id: `O${++n}`, customer_id, order_date, revenue, cost: 10, refund: 0, status: 'completed', ...extra,
});

export const rfmOrders: FixtureRow[] = [
  line('C01', '2023-12-15 10:00:00', 500), // before the period: first order only
  line('C01', '2024-01-03 10:00:00', 100),
  line('C01', '2024-01-10 10:00:00', 100),
  line('C01', '2024-01-20 10:00:00', 100),
  line('C01', '2024-01-31 23:00:00', 100),
  line('C02', '2024-01-30 10:00:00', 50),
  line('C02', '2024-02-05 10:00:00', 999), // after the period
  line('C03', '2024-01-30 12:00:00', 150, { refund: 30, status: 'refunded' }),
  line('C04', '2024-01-25 10:00:00', 80, { cost: null }), // no cost: no profit
  line('C05', '2024-01-20 10:00:00', 80),
  line('C06', '2024-01-15 10:00:00', 200),
  line('C06', '2024-01-16 10:00:00', 0, { refund: 60, cost: null }), // a stand-alone refund
  line('C07', '2024-01-10 10:00:00', 30),
  line('C08', '2024-01-02 10:00:00', 100),
  line('C08', '2024-01-10 11:00:00', 60),
  line('C09', '2024-01-05 10:00:00', 10),
  line('C09', '2024-01-28 10:00:00', 70, { status: 'cancelled' }),
  line('C10', '2024-01-01 00:00:00', 20),
  line('C10', '2024-01-01 08:00:00', 25),
  line('C11', '2024-02-02 10:00:00', 40), // only after the period
  line(null, '2024-01-12 10:00:00', 70), // a guest
];

const catalog = readCatalog();
const module = (id: string) => catalog.current.find((m) => m.id === id)!;
let db: WasmDb;
beforeAll(async () => {
  db = await openWasmDb();
  await loadTables(db, { orders: rfmOrders }, period);
});
afterAll(() => db.close());

test('customer_rfm: recency, frequency and net revenue in the period, scored 1 + floor(5 * worse / n), ties equal', async () => {
  const rows = (await runModule(db, module('customer_rfm'))).sort((a, b) => String(a.customer_id).localeCompare(String(b.customer_id)));
  // R (days to Jan 31; worse = customers with more days): C10 30 (0 worse) 1, C09 26 (1) 1, C07 C08 21
  // (2) 2, C06 16 (4) 3, C05 11 (5) 3, C04 6 (6) 4, C02 C03 1 (7) 4 -- both, where ntile splits 4|5 --, C01 0 (9) 5.
  // F: seven customers with 1 order (0 worse) 1; C08, C10 with 2 (7 worse) 4; C01 with 4 (9) 5.
  // M (net): C09 10 1, C07 30 1, C10 45 2, C02 50 2, C04 C05 80 (4 worse) 3, C03 120 4, C06 140 4,
  // C08 160 5, C01 400 5. FM = (F + M + 1) // 2.
  const got = rows.map((r) => [r.customer_id, r.recency_days, r.frequency, r.monetary, r.r, r.f, r.m, r.fm, r.rfm_segment]);
  expect(got).toEqual([
    ['C01', 0, 4, 400, 5, 5, 5, 5, 'Champions'],
    ['C02', 1, 1, 50, 4, 1, 2, 2, 'Potential loyalists'],
    ['C03', 1, 1, 120, 4, 1, 4, 3, 'Potential loyalists'],
    ['C04', 6, 1, 80, 4, 1, 3, 2, 'Potential loyalists'],
    ['C05', 11, 1, 80, 3, 1, 3, 2, 'About to sleep'],
    ['C06', 16, 1, 140, 3, 1, 4, 3, 'Need attention'],
    ['C07', 21, 1, 30, 2, 1, 1, 1, 'Hibernating'],
    ['C08', 21, 2, 160, 2, 4, 5, 5, "Can't lose them"],
    ['C09', 26, 1, 10, 1, 1, 1, 1, 'Lost'],
    ['C10', 30, 2, 45, 1, 4, 2, 3, 'At risk'],
  ]);
  const c01 = rows[0];
  expect([c01.first_order, c01.last_order, c01.orders, c01.sales, c01.refunds, c01.revenue, c01.profit]).toEqual(['2023-12-15 10:00:00', '2024-01-31 23:00:00', 4, 400, 0, 400, 360]);
  // C03: 150 sold, 30 refunded on the order; C06: 200 sold, 60 given back on its own.
  expect([rows[2].sales, rows[2].refunds, rows[2].revenue, rows[2].profit]).toEqual([150, 30, 120, 110]);
  expect([rows[5].sales, rows[5].refunds, rows[5].revenue, rows[5].profit]).toEqual([200, 60, 140, 130]);
  expect(rows[3].profit).toBeNull();
});

test('rfm_segment_map: 25 cells, every one named, the published map', async () => {
  const rows = await runModule(db, module('rfm_segment_map'));
  const grid = [5, 4, 3, 2, 1].map((fm) => [1, 2, 3, 4, 5].map((r) => rows.find((x) => x.r === r && x.fm === fm)!.rfm_segment));
  expect(grid).toEqual([
    ["Can't lose them", "Can't lose them", 'Loyal', 'Loyal', 'Champions'],
    ['At risk', 'At risk', 'Loyal', 'Loyal', 'Champions'],
    ['At risk', 'At risk', 'Need attention', 'Potential loyalists', 'Potential loyalists'],
    ['Hibernating', 'Hibernating', 'About to sleep', 'Potential loyalists', 'Potential loyalists'],
    ['Lost', 'Hibernating', 'About to sleep', 'Promising', 'New'],
  ]);
});

test('rfm_segments: customers, revenue and averages per segment, best first; the headline is Champions\' share of revenue', async () => {
  const total = 400 + 50 + 120 + 80 + 80 + 140 + 30 + 160 + 10 + 45; // 1115
  const seg = (segment: string | null, customers: number, revenue: number, recency: number, frequency: number) => ({
    segment, customers, customer_share: customers / 10, revenue, revenue_share: revenue / total,
    avg_recency_days: recency, avg_frequency: frequency, avg_monetary: revenue / customers, champions_revenue_share: segment === null ? 400 / total : null,
  });
  expect(await runModule(db, module('rfm_segments'))).toEqual([
    // Recency 0+1+1+6+11+16+21+21+26+30 = 133 days; orders 4 + 7 * 1 + 2 + 2 = 15.
    seg(null, 10, total, 133 / 10, 15 / 10),
    seg('Champions', 1, 400, 0, 4),
    seg('Potential loyalists', 3, 250, 8 / 3, 1),
    seg('Need attention', 1, 140, 16, 1),
    seg('About to sleep', 1, 80, 11, 1),
    seg('At risk', 1, 45, 30, 2),
    seg("Can't lose them", 1, 160, 21, 2),
    seg('Hibernating', 1, 30, 21, 1),
    seg('Lost', 1, 10, 26, 1),
  ]);
});

test('rfm_grid: every cell with its segment, customers and revenue', async () => {
  const rows = await runModule(db, module('rfm_grid'));
  expect(rows).toHaveLength(25);
  const cell = (r: number, fm: number) => rows.find((x) => x.r === r && x.fm === fm)!;
  // R4 FM2 holds C02 and C04 (50 + 80); R1 FM1 C09; R5 FM1 nobody.
  expect(cell(4, 2)).toEqual({ r: 4, fm: 2, rfm_segment: 'Potential loyalists', customers: 2, customer_share: 0.2, revenue: 130, revenue_share: 130 / 1115 });
  expect(cell(1, 1)).toMatchObject({ rfm_segment: 'Lost', customers: 1, revenue: 10 });
  expect(cell(5, 1)).toMatchObject({ rfm_segment: 'New', customers: 0, revenue: 0, customer_share: 0 });
  expect(rows.reduce((s, x) => s + Number(x.customers), 0)).toBe(10);
});
