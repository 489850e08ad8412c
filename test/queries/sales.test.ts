// Golden answers for the two numbers the notebook opens on, worked by hand on a fixture of their
// own: net revenue (every line at its own date, stand-alone credit notes included, cancelled
// lines out) and orders with the customers who placed them (guests counted as orders only).
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readCatalog } from '../../src/cli/readModules';
import { runModule } from '../../src/lib/runModule';
import { loadTables, type FixtureRow } from '../support/loadTables';
import { openWasmDb, type WasmDb } from '../support/wasmDb';

const catalog = readCatalog();
const run = (id: string) => runModule(db, catalog.current.find((m) => m.id === id)!);
let db: WasmDb;

const line = (order_id: string, customer_id: string | null, order_date: string, revenue: number, refund: number | null, status: string | null, is_trial = false): FixtureRow => ({
  order_id, customer_id, order_date, revenue, refund, status, is_trial,
});

beforeAll(async () => {
  db = await openWasmDb();
  await loadTables(db, {
    orders: [
      line('S1', 'A', '2024-03-31 23:59:00', 100, 0, 'completed'),
      line('S2', 'A', '2024-04-01 00:00:00', 80, 0, 'completed'),
      line('S2', 'A', '2024-04-02 10:00:00', 20, 5, 'refunded'),
      line('CN1', 'A', '2024-04-30 23:59:00', 0, 15, 'refunded'),
      line('S7', 'C', '2024-04-30 23:00:00', 10, null, 'completed'),
      line('S7', 'C', '2024-05-01 01:00:00', 10, null, 'completed'),
      line('S3', "O'Brien", '2024-05-01 00:00:00', 50, 50, 'refunded'),
      line('S4', null, '2024-05-10 12:00:00', 70, 0, 'completed'),
      line('CN2', null, '2024-05-31 23:00:00', 0, 10, null),
      line('X1', 'B', '2024-05-20 12:00:00', 40, 40, 'cancelled'),
      line('T1', 'C', '2024-05-21 12:00:00', 0, 0, 'completed', true),
      line('S5', 'B', '2024-05-25 12:00:00', 30, 0, 'completed'),
      line('S6', 'B', '2024-05-26 12:00:00', 30, null, null),
      line('CN3', 'A', '2024-06-01 00:00:00', 0, 7, 'refunded'),
      // One order id shared by two customers, and a guest's order that a customer added to later.
      line('S8', 'D', '2024-05-15 12:00:00', 20, 0, 'completed'),
      line('S8', 'E', '2024-05-16 12:00:00', 20, 0, 'completed'),
      line('S9', null, '2024-04-10 12:00:00', 15, 0, 'completed'),
      line('S9', 'F', '2024-06-02 12:00:00', 25, 0, 'completed'),
    ],
  }, { start: '2024-04-01', end: '2024-05-31' });
});
afterAll(() => db.close());

test('net_revenue: revenue minus refunds of every line in the period, credit notes at their own date', async () => {
  // April: S2 80 + S2 20 (5 refunded) + CN1 (a credit note: 15 back) + S7's first line 10
  //   + S9's guest line 15 -> revenue 125, refunds 20, net 105.
  // May: S7's second line 10, S3 50 (50 back), guest S4 70, guest credit note CN2 (10 back),
  //   S5 30, S6 30, S8 20 + 20 -> revenue 230, refunds 60, net 170. Cancelled X1 counts for
  //   neither; the trial adds nothing; S1 (31 March), CN3 and S9's line (June) fall outside.
  expect(await run('net_revenue')).toEqual([
    { month: null, revenue: 355, refunds: 80, net_revenue: 275 },
    { month: '2024-04-01', revenue: 125, refunds: 20, net_revenue: 105 },
    { month: '2024-05-01', revenue: 230, refunds: 60, net_revenue: 170 },
  ]);
});

test('order_count: distinct sale orders dated by their first sale line, guests in, with the customers who bought', async () => {
  // April: S2 (A; two lines, once), S7 (C; first line 30 April 23:00), S9 (placed by a guest on
  //   10 April, F's line came in June) -> 3 orders, customers A, C and F, 1 guest order.
  // May: S3 (O'Brien; fully refunded, still placed), guest S4, S5 and S6 (both B), S8 (one order
  //   that D and E share) -> 5 orders, customers O'Brien, B, D and E, 1 guest order. Not orders:
  //   credit notes CN1-CN3, cancelled X1, trial T1; S1 is March's.
  // Period: 8 orders from A, C, F, O'Brien, B, D and E, two of them with a guest's line.
  expect(await run('order_count')).toEqual([
    { month: null, orders: 8, customers: 7, guest_orders: 2 },
    { month: '2024-04-01', orders: 3, customers: 3, guest_orders: 1 },
    { month: '2024-05-01', orders: 5, customers: 4, guest_orders: 1 },
  ]);
  // Version 1 (a window over every sale line) answers alike.
  expect(await runModule(db, catalog.byRef.get('order_count@1')!)).toEqual(await run('order_count'));
});
