// Moving the store into DuckDB's compressed in-memory database (src/worker/compressedStore.ts)
// keeps every schema, table, row and view, frees the plain copies, and stores strings coded;
// which files trigger it. On DuckDB-WASM's Node bundle, the browser's engine.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { compressAboveBytes, compressedDatabase, moveToCompressedStore, needsCompressedStore } from '../../src/worker/compressedStore';
import { openWasmDb, type WasmDb } from '../support/wasmDb';

let db: WasmDb;
const checks = ["select sum(revenue)::double as s, count(distinct customer_id)::integer as c from base.orders where channel = 'shop'", 'select max(order_date)::varchar as m from orders'];
let before: unknown[];
beforeAll(async () => {
  db = await openWasmDb();
  await db.exec('create schema base');
  await db.exec(
    "create table base.orders as select 'O' || i as order_id, 'C' || (i % 1000) as customer_id, timestamp '2024-01-01' + i * interval 1 minute as order_date, (i % 97)::double as revenue, ['web', 'shop', 'app'][i % 3 + 1] as channel from range(300000) r(i)",
  );
  await db.exec("create table price_list as select 'P' || i as product, i * 1.5 as price from range(10) r(i)");
  await db.exec('create view orders as select * from base.orders where revenue > 0');
  await db.exec('create view cheap as select * from price_list where price < 5');
  before = await Promise.all(checks.map((q) => db.rows(q)));
  await moveToCompressedStore(db);
}, 60_000);
afterAll(() => db.close());

test('the connection now works in the compressed database, with every table and view', async () => {
  expect((await db.rows('select current_database() as d'))[0].d).toBe(compressedDatabase);
  expect(await db.rows('select count(*)::integer as n from base.orders')).toEqual([{ n: 300000 }]);
  expect(await db.rows('select count(*)::integer as n from orders')).toEqual([{ n: 300000 - Math.ceil(300000 / 97) }]);
  expect(await db.rows('select count(*)::integer as n from cheap')).toEqual([{ n: 4 }]);
  expect(await Promise.all(checks.map((q) => db.rows(q)))).toEqual(before);
});

test('the plain copies are gone and the orders are stored compressed', async () => {
  const left = await db.rows("select table_name as t from duckdb_tables() where database_name = 'memory' union all select view_name from duckdb_views() where database_name = 'memory' and not internal");
  expect(left).toEqual([]);
  const coded = await db.rows(
    `select distinct compression as c from pragma_storage_info('${compressedDatabase}.base.orders') where column_name = 'channel' and segment_type = 'VARCHAR'`,
  );
  expect(coded.map((r) => r.c)).not.toContain('Uncompressed');
});

test('only files too large for the plain store move it', () => {
  expect(needsCompressedStore(196_000_000, 'text')).toBe(false); // the bench's 1M orders as CSV
  expect(needsCompressedStore(22_000_000, 'parquet')).toBe(false); // and as Parquet
  expect(needsCompressedStore(1_870_000_000, 'text')).toBe(true); // 10M orders as CSV
  expect(needsCompressedStore(208_000_000, 'parquet')).toBe(true); // and as Parquet
  expect(needsCompressedStore(compressAboveBytes + 1, 'text')).toBe(true);
});
