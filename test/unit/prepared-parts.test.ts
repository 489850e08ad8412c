// The prepared customer_orders built a share of the customers at a time (as for large stores,
// src/lib/prepared.ts) is the same table as built in one statement. On the shipped sample,
// 118,094 order lines, in four parts.
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

test('four parts build the same customer_orders as one', async () => {
  const all = 'select * from customer_orders order by customer_id, order_number';
  const whole = await db.rows(all);
  expect(whole.length).toBeGreaterThan(50_000);
  await buildPrepared(db, ['orders'], 30_000, 'everyone');
  expect(await db.rows(all)).toEqual(whole);
}, 60_000);
