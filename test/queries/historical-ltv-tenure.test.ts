// historical_ltv@3 measures every cohort over the same tenure: a customer's net revenue from
// their first order to the period's end (or within `within_days` of the first order, whichever
// ends first). Version 2 counted every order to the data's last day, so the cohort before had a
// year longer to spend; each answer below would differ under that rule (noted beside it).
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readCatalog } from '../../src/cli/readModules';
import { runModule } from '../../src/lib/runModule';
import { setPeriod } from '../../src/lib/scope';
import { loadTables, type FixtureRow } from '../support/loadTables';
import { openWasmDb, type WasmDb } from '../support/wasmDb';

const catalog = readCatalog();
const module = catalog.current.find((m) => m.id === 'historical_ltv')!;
let db: WasmDb;

const line = (order_id: string, customer_id: string | null, order_date: string, revenue: number, refund: number, status = 'completed'): FixtureRow => ({
  order_id, customer_id, order_date, revenue, refund, status,
});

beforeAll(async () => {
  db = await openWasmDb();
  await loadTables(db, {
    orders: [
      line('A1', 'A', '2024-01-10 10:00:00', 100, 0),
      line('A2', 'A', '2024-02-05 09:00:00', 50, 0),
      line('B1', 'B', '2024-02-10 10:00:00', 100, 0),
      line('B2', 'B', '2024-03-31 23:00:00', 40, 0),
      line('B3', 'B', '2024-04-01 00:00:00', 200, 0),
      line('C1', 'C', '2024-02-29 12:00:00', 80, 0),
      line('C2', 'C', '2024-03-30 12:00:00', 20, 0),
      line('Q1', "O'Brien", '2024-03-20 12:00:00', 60, 10),
      line('Q2', "O'Brien", '2024-03-25 12:00:00', 30, 0),
      line('Q3', "O'Brien", '2024-06-01 12:00:00', 500, 0),
      line('X1', 'B', '2024-03-05 12:00:00', 70, 0, 'cancelled'),
      line('G1', null, '2024-02-15 12:00:00', 90, 0),
    ],
  }, { start: '2024-02-01', end: '2024-03-31' });
});
afterAll(() => db.close());

test('version 3 is current and reads the order dates of the prepared table', () => {
  expect(module.version).toBe(3);
  expect(module.params.map((p) => [p.name, p.default])).toEqual([['within_days', null]]);
});

test('spend counts up to the period end: orders after it (April, June) are left out', async () => {
  await setPeriod(db, '2024-02-01', '2024-03-31');
  // New in Feb–Mar: B (100 + 40 on 31 March 23:00; not B3 on 1 April, nor the cancelled X1) = 140,
  // C 80 + 20 = 100, O'Brien 60 - 10 refunded + 30 = 80 (not Q3 in June). A first bought in
  // January; the guest has no id. Average 320 / 3. Version 2: B 340, O'Brien 580 -> 1020 / 3.
  expect(await runModule(db, module)).toEqual([
    { ltv_band: null, customers: 3, average_ltv: 320 / 3 },
    { ltv_band: 50, customers: 1, average_ltv: 80 },
    { ltv_band: 100, customers: 2, average_ltv: 120 },
  ]);
});

test('the previous period\'s cohort stops at its own end, not at the data\'s', async () => {
  await setPeriod(db, '2023-12-03', '2024-01-31');
  // A, new on 10 January: 100 to 31 January (A2 on 5 February is the next period's). Version 2: 150.
  expect(await runModule(db, module)).toEqual([
    { ltv_band: null, customers: 1, average_ltv: 100 },
    { ltv_band: 100, customers: 1, average_ltv: 100 },
  ]);
});

test('within_days stops each customer earlier when their window closes before the period end; exactly N days later is out', async () => {
  await setPeriod(db, '2024-02-01', '2024-03-31');
  // 30 days: B to 11 March 10:00 -> 100 (B2 is out); C to 30 March 12:00, so C2 at that very
  // moment is out -> 80; O'Brien to 19 April, capped at 31 March -> 80. Average 260 / 3.
  expect(await runModule(db, module, { within_days: 30 })).toEqual([
    { ltv_band: null, customers: 3, average_ltv: 260 / 3 },
    { ltv_band: 50, customers: 2, average_ltv: 80 },
    { ltv_band: 100, customers: 1, average_ltv: 100 },
  ]);
});
