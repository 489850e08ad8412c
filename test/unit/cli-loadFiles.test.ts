// Pins how the command-line runner turns files into canonical tables: recognised by their
// columns as the browser recognises them (synonyms, layouts), appended when several files hold one
// table, cast to the canonical types, and columns no file had left out (so `needs` stays honest).
import { canonicalTables } from '../../src/lib/canonical';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadFiles } from '../../src/cli/loadFiles';
import { openNativeDb, type NativeDb } from '../../src/cli/nativeDb';

const dir = 'test/fixtures/cli/load';
let db: NativeDb;
beforeAll(async () => {
  db = await openNativeDb();
});
afterAll(() => db.close());

test('a French export is recognised by its headers and loads as orders, a file of no table is refused', async () => {
  const result = await loadFiles(db, [`${dir}/commandes-fr.csv`]);
  expect(result.files.map((f) => [f.table, f.rows])).toEqual([['orders', 2]]);
  expect(await db.rows('select order_id, customer_id, order_date, revenue from base.orders order by order_id')).toEqual([
    { order_id: 'F1', customer_id: 'c1', order_date: '2024-03-01 00:00:00', revenue: 12.5 },
    { order_id: 'F2', customer_id: 'c2', order_date: '2024-03-02 00:00:00', revenue: 8 },
  ]);
  await expect(loadFiles(db, [`${dir}/price-list.csv`])).rejects.toThrow('price-list.csv: its columns (sku, colour, weight) do not hold the required columns of any canonical table');
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
