// Golden answers for the lifetime-value cells, on a hand-made clv_predictions table.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readCatalog } from '../../src/cli/readModules';
import { runModule } from '../../src/lib/runModule';
import { openWasmDb, type WasmDb } from '../support/wasmDb';

const catalog = readCatalog();
const module = (id: string) => catalog.current.find((m) => m.id === id)!;
let db: WasmDb;

beforeAll(async () => {
  db = await openWasmDb();
  await db.insertColumns('clv_predictions', {
    customer_id: ['c1', 'c2', 'c3', "O'Brien", 'c5'],
    frequency: [3, 0, 5, 1, 2],
    recency: [10, 0, 20, 5, 3],
    T: [30, 30, 30, 30, 30],
    monetary_value: [50, 0, 100, 400, 10],
    p_alive: [0.9, 1, 0.2, 0.4, 0.45],
    expected_purchases: [2, 0.5, 0.3, 0.4, 0.1],
    expected_spend: [48, 60, 95, 300, 12],
    predicted_clv: [90, 28, 27, 510, 1],
  });
});
afterAll(() => db.close());

test('clv_distribution: bands of 25, capped at 500, and the total predicted revenue', async () => {
  // 90 -> 75; 28 and 27 -> 25; 510 -> 500 (cap); 1 -> 0. Total 656 over 5 = 131.2.
  expect(await runModule(db, module('clv_distribution'))).toEqual([
    { clv_band: null, customers: 5, total_clv: 656, average_clv: 131.2 },
    { clv_band: 0, customers: 1, total_clv: 1, average_clv: 1 },
    { clv_band: 25, customers: 2, total_clv: 55, average_clv: 27.5 },
    { clv_band: 75, customers: 1, total_clv: 90, average_clv: 90 },
    { clv_band: 500, customers: 1, total_clv: 510, average_clv: 510 },
  ]);
});

test('clv_top_customers: highest predicted value first', async () => {
  const rows = await runModule(db, module('clv_top_customers'), { top: 3 });
  expect(rows.map((r) => [r.customer_id, r.predicted_clv])).toEqual([["O'Brien", 510], ['c1', 90], ['c2', 28]]);
  // At its default of 25, all five.
  const all = await runModule(db, module('clv_top_customers'));
  expect(all.map((r) => r.customer_id)).toEqual(["O'Brien", 'c1', 'c2', 'c3', 'c5']);
});

test('clv_at_risk: valuable repeat customers the model thinks have left', async () => {
  // P(alive) < 0.5 with repeat purchases: c3 (5 x 100 = 500), O'Brien (400), c5 (20); c2 never repeated.
  const rows = await runModule(db, module('clv_at_risk'));
  expect(rows).toEqual([
    { customer_id: 'c3', repeat_purchases: 5, past_value: 500, p_alive: 0.2, predicted_clv: 27 },
    { customer_id: "O'Brien", repeat_purchases: 1, past_value: 400, p_alive: 0.4, predicted_clv: 510 },
    { customer_id: 'c5', repeat_purchases: 2, past_value: 20, p_alive: 0.45, predicted_clv: 1 },
  ]);
});
