// Value modules on fixtures of their own, for cases the shared store cannot show: refunds
// issued as stand-alone credit notes, and a Pareto curve over 20 tied customers.
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

const run = (id: string, params = {}) => runModule(db, catalog.current.find((m) => m.id === id)!, params);

const line = (order_id: string, customer_id: string | null, order_date: string, revenue: number, refund: number | null, status: string | null): FixtureRow => ({
  order_id, customer_id, order_date, revenue, refund, status,
});

test('refund_rate: a credit note is a refund at its own date; cancelled orders are neither', async () => {
  await loadTables(db, {
    orders: [
      line('S1', 'A', '2024-04-10 10:00:00', 80, null, 'completed'),
      line('CN1', 'A', '2024-04-30 23:59:00', 0, 5, 'refunded'),
      line('S2', 'B', '2024-05-01 00:00:00', 100, 0, 'completed'),
      line('S3', "O'Brien", '2024-05-15 12:00:00', 50, 20, 'refunded'),
      line('CN2', null, '2024-05-31 23:00:00', 0, 15, null),
      line('X1', 'B', '2024-05-20 12:00:00', 40, 40, 'cancelled'),
      line('CN3', 'A', '2024-06-01 00:00:00', 0, 7, 'refunded'),
    ],
  }, { start: '2024-04-01', end: '2024-05-31' });
  // Apr: 80 gross, the credit note CN1 gives back 5. May: 100 + 50 gross; 20 on S3 and 15 on the
  // guest's credit note CN2 = 35; cancelled X1 is left out. Period: 40 / 230. CN3 is in June.
  expect(await run('refund_rate')).toEqual([
    { month: null, revenue: 230, refunded: 40, refund_rate: 40 / 230 },
    { month: '2024-04-01', revenue: 80, refunded: 5, refund_rate: 5 / 80 },
    { month: '2024-05-01', revenue: 150, refunded: 35, refund_rate: 35 / 150 },
  ]);
});

test('top_customer_share: 20 customers spending the same draw the diagonal, one point per 5%', async () => {
  const ids = Array.from({ length: 20 }, (_, i) => (i === 10 ? "O'Brien" : `C${String(i + 1).padStart(2, '0')}`));
  await loadTables(db, {
    orders: ids.map((id, i) => line(`O${i + 1}`, id, '2024-05-10 12:00:00', 10, 0, 'completed')),
  }, { start: '2024-05-01', end: '2024-05-31' });
  // Each customer holds 10 of 200: the k-th of 20 sits at k x 5% of customers and k / 20 of
  // revenue (the 11th at 0.55, not 0.56). Top 20% = 4 customers = 40 / 200.
  const rows = await run('top_customer_share');
  expect(rows[0]).toEqual({ customer_share: null, revenue_share: 0.2 });
  expect(rows.slice(1)).toEqual(Array.from({ length: 20 }, (_, i) => ({ customer_share: ((i + 1) * 5) / 100, revenue_share: (i + 1) / 20 })));
  expect(rows).toContainEqual({ customer_share: 0.55, revenue_share: 0.55 });
});
