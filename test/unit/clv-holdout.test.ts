// The holdout check is drawn only when there is something to check: with fewer than a time
// unit (7 days) after the calibration end, or fewer than 10 purchase days in it, the fit says
// "no holdout" and why, and still names the calibration end it used (the page shows it in the
// automatic field). Fixture: 20 customers buying every 10 to 29 days until late November 2024,
// one of whom also buys on 2024-12-20 and 2024-12-31 (the last purchase day).
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readCatalog } from '../../src/cli/readModules';
import { fitClv } from '../../src/lib/clv/fitClv';
import { createTableSql } from '../../src/lib/canonical';
import { applyScope, ensureBaseSchema } from '../../src/lib/scope';
import { openWasmDb, type WasmDb } from '../support/wasmDb';

let db: WasmDb;
const summary = readCatalog().current.find((m) => m.id === 'clv_summary')!;

beforeAll(async () => {
  db = await openWasmDb();
  await ensureBaseSchema(db);
  await db.exec(createTableSql('orders', 'base.orders'));
  const orders: [string, string, number][] = [];
  for (let c = 0; c < 20; c++) {
    for (let day = c; day < 330; day += 10 + c) orders.push([`c${c}`, iso(day), 20 + c]);
  }
  orders.push(['c0', '2024-12-20', 30], ['c0', '2024-12-31', 30]);
  for (const [i, [customer, date, revenue]] of orders.entries()) {
    await db.exec('insert into base.orders (order_id, customer_id, order_date, revenue) values (?, ?, cast(? as timestamp), ?)', [`o${i}`, customer, date, revenue]);
  }
  await applyScope(db, { start: '2024-01-01', end: '2024-12-31' }, ['orders']);
}, 60_000);
afterAll(() => db.close());

function iso(day: number): string {
  return new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
}

test('a holdout with purchases in it is checked', async () => {
  const { check } = await fitClv(db, summary, { calibrationEnd: '2024-09-30' });
  if ('error' in check) throw new Error(check.error);
  expect(check.rows.reduce((n, r) => n + r.actual * r.customers, 0)).toBeGreaterThanOrEqual(10);
  expect(check.calibrationEnd).toBe('2024-09-30');
});

test('three days after the calibration end are no holdout', async () => {
  const { check, prediction } = await fitClv(db, summary, { calibrationEnd: '2024-12-28' });
  expect(check).toEqual({ calibrationEnd: '2024-12-28', error: 'the calibration end (Dec 28, 2024) leaves 3 days of purchases after it; the check needs at least 7.' });
  // The predictions do not depend on the check.
  expect(prediction.asOf).toBe('2024-12-31');
});

test('two purchases after the calibration end are no holdout', async () => {
  const { check } = await fitClv(db, summary, { calibrationEnd: '2024-12-15' });
  expect(check).toEqual({ calibrationEnd: '2024-12-15', error: 'customers made 2 purchases after the calibration end (Dec 15, 2024); the check needs at least 10.' });
});
