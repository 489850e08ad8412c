// Pins how the command-line runner turns files into canonical tables: recognised by name or by
// columns (headers compared case- and punctuation-blind), appended when several files hold one
// table, cast to the canonical types, and columns no file had left out (so `needs` stays honest).
import { canonicalTables } from '../../src/lib/canonical';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadFiles, recogniseTable } from '../../src/cli/loadFiles';
import { openNativeDb, type NativeDb } from '../../src/cli/nativeDb';

const dir = 'test/fixtures/cli/load';
let db: NativeDb;
beforeAll(async () => {
  db = await openNativeDb();
});
afterAll(() => db.close());

test('a file is recognised by the table its name names, else by its columns', () => {
  expect(recogniseTable('exports/Shopify orders 2024.csv', ['Order ID', 'customer_id', 'ORDER_DATE', 'revenue'])).toEqual({ table: 'orders', missing: [] });
  expect(recogniseTable('marketing_spend.parquet', ['day', 'channel', 'spend'])).toEqual({ table: 'marketing_spend', missing: [] });
  expect(recogniseTable('crm.csv', ['Customer ID', 'Email'])).toEqual({ table: 'customers', missing: [] });
  expect(recogniseTable('export.csv', ['ticket_id', 'customer_id', 'opened_at', 'channel'])).toEqual({ table: 'tickets', missing: [] });
  expect(recogniseTable('orders.csv', ['customer_id', 'revenue'])).toEqual({ table: 'orders', missing: ['order_id', 'order_date'] });
  expect(recogniseTable('stuff.csv', ['a', 'b'])).toBeUndefined();
});

test('two order files become one base.orders with canonical types; columns no file had are NULL', async () => {
  const result = await loadFiles(db, [`${dir}/shop orders 2024-01.csv`, `${dir}/orders-feb.csv`]);
  expect(result.files.map((f) => [f.table, f.rows])).toEqual([['orders', 2], ['orders', 1]]);
  const canonical = canonicalTables.orders.columns;
  expect([...result.columns.get('orders')!]).toEqual(canonical.map((c) => c.name));
  expect(await db.rows("select column_name, data_type from information_schema.columns where table_schema = 'base' and table_name = 'orders' order by ordinal_position")).toEqual(
    canonical.map((c) => ({ column_name: c.name, data_type: c.type })),
  );
  expect(await db.rows('select order_id, customer_id, order_date, revenue, refund, channel, status from base.orders order by order_date')).toEqual([
    { order_id: '1', customer_id: 'c1', order_date: '2024-01-05 00:00:00', revenue: 10.5, refund: null, channel: 'ads', status: null },
    { order_id: '2', customer_id: 'c2', order_date: '2024-01-06 08:00:00', revenue: 20, refund: null, channel: 'ads', status: null },
    { order_id: "O'1", customer_id: 'c1', order_date: '2024-02-01 00:00:00', revenue: 5, refund: 1.25, channel: null, status: null },
  ]);
});

test('a file named after a table but lacking its required columns, or with a bad value, is refused with a reason', async () => {
  await expect(loadFiles(db, [`${dir}/orders-broken.csv`])).rejects.toThrow('looks like orders but has no order_id column');
  await expect(loadFiles(db, [`${dir}/orders-baddate.csv`])).rejects.toThrow(/orders-baddate\.csv: could not be loaded as orders: .*not a date/);
});
