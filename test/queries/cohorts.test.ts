// Monthly cohort retention on a store of its own: cohorts of several customers, each partly
// retained, so every expected share differs from 1 and from its neighbours. The shared store
// (storeFixture.ts) has one customer per cohort, where any retention is 0 or 1.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readCatalog } from '../../src/cli/readModules';
import { runModule } from '../../src/lib/runModule';
import { loadTables, type FixtureRow } from '../support/loadTables';
import { openWasmDb, type WasmDb } from '../support/wasmDb';

const catalog = readCatalog();
let db: WasmDb;
beforeAll(async () => {
  db = await openWasmDb();
});
afterAll(() => db.close());

const sale = (order_id: string, customer_id: string | null, order_date: string, status = 'completed'): FixtureRow => ({
  order_id, customer_id, order_date, revenue: 10, status,
});

test('cohort_retention: the share of each first-sale month buying in each later month of the period', async () => {
  await loadTables(db, {
    orders: [
      // January cohort: C1, C2, C3, C4.
      sale('1a', 'C1', '2024-01-05 10:00:00'),
      sale('1b', 'C1', '2024-01-25 10:00:00'), // twice in January: counted once
      sale('1c', 'C1', '2024-02-10 10:00:00'),
      sale('1d', 'C1', '2024-03-03 10:00:00'),
      sale('2a', 'C2', '2024-01-15 10:00:00'),
      sale('2b', 'C2', '2024-03-20 10:00:00'),
      sale('3a', "O'Brien", '2024-01-31 23:00:00'),
      sale('3b', "O'Brien", '2024-02-01 01:00:00'), // two hours later, but the next month
      sale('4a', 'C4', '2024-01-20 10:00:00'),
      sale('4b', 'C4', '2024-04-02 10:00:00'), // after the period
      // February cohort: C5, C6, C7.
      sale('5a', 'C5', '2024-02-29 10:00:00'),
      sale('5b', 'C5', '2024-03-01 10:00:00'),
      sale('6a', 'C6', '2024-02-03 10:00:00'),
      sale('7a', 'C7', '2024-02-10 10:00:00'),
      sale('7b', 'C7', '2024-03-05 10:00:00', 'cancelled'), // not a sale: not retained
      // March cohort: C8. P's cohort is December, before the period; guests have none.
      sale('8a', 'C8', '2024-03-31 23:59:00'),
      sale('Pa', 'P', '2023-12-10 10:00:00'),
      sale('Pb', 'P', '2024-02-10 10:00:00'),
      sale('Ga', null, '2024-02-12 10:00:00'),
    ],
  }, { start: '2024-01-01', end: '2024-03-31' });
  // January (4): February C1 and O'Brien -> 2/4; March C1 and C2 -> 2/4 (C4's April is outside).
  // February (3): March only C5 -> 1/3. March (1): itself.
  expect(await runModule(db, catalog.current.find((m) => m.id === 'cohort_retention')!)).toEqual([
    { cohort: '2024-01', month_offset: 0, customers: 4, retention: 1 },
    { cohort: '2024-01', month_offset: 1, customers: 2, retention: 0.5 },
    { cohort: '2024-01', month_offset: 2, customers: 2, retention: 0.5 },
    { cohort: '2024-02', month_offset: 0, customers: 3, retention: 1 },
    { cohort: '2024-02', month_offset: 1, customers: 1, retention: 1 / 3 },
    { cohort: '2024-03', month_offset: 0, customers: 1, retention: 1 },
  ]);
});
