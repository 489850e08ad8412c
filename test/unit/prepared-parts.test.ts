// The prepared customer_orders built a share of the customers at a time (as for large stores,
// src/lib/prepared.ts) is the same table as built in one statement. On the shipped sample,
// 118,094 order lines, in four parts; its refunds, few, in one.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadFiles } from '../../src/cli/loadFiles';
import { openNativeDb, type NativeDb } from '../../src/cli/nativeDb';
import { buildPrepared } from '../../src/lib/prepared';
import { applyScope } from '../../src/lib/scope';

const sampleDir = fileURLToPath(new URL('../../static/sample/', import.meta.url));
let db: NativeDb;
beforeAll(async () => {
  db = await openNativeDb();
  const loaded = await loadFiles(db, readdirSync(sampleDir).filter((f) => f.endsWith('.parquet')).map((f) => join(sampleDir, f)));
  await applyScope(db, { start: '2025-01-01', end: '2025-12-31' }, [...loaded.columns.keys()]);
}, 60_000);
afterAll(() => db.close());

test('four parts build the same customer_orders as one, and customer_refunds the same', async () => {
  const all = 'select * from customer_orders order by customer_id, order_number';
  const refunds = 'select * from customer_refunds order by customer_id, day';
  // The sample has no stand-alone refund lines: a few of its customers get some.
  await db.exec(`insert into base.orders by name
    select 'R' || i as order_id, 'C' || lpad((i * 37 % 900)::varchar, 5, '0') as customer_id, timestamp '2025-03-01' + to_days(i % 200) as order_date,
           0.0 as revenue, 5.0 + i % 7 as refund
    from range(300) t(i)`);
  await buildPrepared(db, ['orders'], 10_000_000, 'everyone');
  const whole = await db.rows(all);
  const wholeRefunds = await db.rows(refunds);
  expect(whole.length).toBeGreaterThan(50_000);
  expect(wholeRefunds.length).toBeGreaterThan(100);
  await buildPrepared(db, ['orders'], 30_000, 'everyone');
  expect(await db.rows(all)).toEqual(whole);
  expect(await db.rows(refunds)).toEqual(wholeRefunds);
}, 60_000);
