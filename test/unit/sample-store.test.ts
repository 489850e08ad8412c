// Pins the sample store generator: the same seed gives the same bytes, every table has exactly
// the canonical columns and types, and the data keeps its promises (refunds within revenue,
// costs below revenue, every order's customer exists, dates inside the range).
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, expect, test } from 'vitest';
import { canonicalTableNames, canonicalTables } from '../../src/lib/canonical';
import { generateSample, sampleDir } from '../../src/sample/generate';

const first = mkdtempSync(join(tmpdir(), 'sample-a-'));
const second = mkdtempSync(join(tmpdir(), 'sample-b-'));

beforeAll(async () => {
  await generateSample({ customers: 500, out: first });
  await generateSample({ customers: 500, out: second });
});

async function query(sql: string) {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const rows = (await conn.runAndReadAll(sql)).getRowObjectsJson();
  conn.closeSync();
  return rows;
}

test('the same seed writes the same bytes', () => {
  for (const file of readdirSync(first)) expect(readFileSync(join(second, file)).equals(readFileSync(join(first, file))), file).toBe(true);
});

test.each(canonicalTableNames)('%s has exactly the canonical columns and types', async (table) => {
  const rows = await query(`select column_name, column_type from (describe select * from '${join(first, `${table}.parquet`)}')`);
  expect(rows.map((r) => `${r.column_name} ${r.column_type}`)).toEqual(canonicalTables[table].columns.map((c) => `${c.name} ${c.type}`));
});

test('orders keep their promises', async () => {
  const f = (t: string) => `'${join(first, `${t}.parquet`)}'`;
  const [row] = await query(`
    select count(*) filter (where refund > revenue) as over_refunded,
           count(*) filter (where cost >= revenue and revenue > 0 and product <> 'Gift card') as cost_above_revenue,
           count(*) filter (where customer_id is not null and customer_id not in (select customer_id from ${f('customers')})) as unknown_customer,
           count(*) filter (where customer_id is null) > 0 as has_guests,
           count(*) filter (where status = 'refunded') > 0 as has_refunds,
           count(*) filter (where is_trial) > 0 as has_trials,
           min(order_date) >= timestamp '2023-01-01' and max(order_date) <= timestamp '2026-01-01' as in_range
    from ${f('orders')}`);
  expect(row).toEqual({ over_refunded: '0', cost_above_revenue: '0', unknown_customer: '0', has_guests: true, has_refunds: true, has_trials: true, in_range: true });
});

test('the shipped sample stays small', () => {
  const total = readdirSync(sampleDir).reduce((n, f) => n + statSync(join(sampleDir, f)).size, 0);
  expect(total).toBeLessThan(4 * 1024 * 1024);
});
