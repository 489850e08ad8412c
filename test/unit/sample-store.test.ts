// Pins the sample store generator: the same seed gives the same bytes (and the shipped files are
// what the generator writes), every table has exactly the canonical columns and types, and the
// data keeps its promises (refunds within revenue, costs below revenue, every order's customer
// exists, dates inside the range, ticket and survey fields in their domains).
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { canonicalTableNames, canonicalTables } from '../../src/lib/canonical';
import { generateSample, sampleDir, shippedCustomers } from '../../src/sample/generate';
import { numbered } from '../../src/sample/write';

const first = mkdtempSync(join(tmpdir(), 'sample-a-'));
const second = mkdtempSync(join(tmpdir(), 'sample-b-'));
const shipped = mkdtempSync(join(tmpdir(), 'sample-shipped-'));
let conn: DuckDBConnection;

beforeAll(async () => {
  await generateSample({ customers: 500, out: first });
  await generateSample({ customers: 500, out: second });
  conn = await (await DuckDBInstance.create(':memory:')).connect();
  for (const table of canonicalTableNames) await conn.run(`create view ${table} as select * from '${join(first, `${table}.parquet`)}'`);
}, 120_000);
afterAll(() => conn.closeSync());

async function one(sql: string) {
  return (await conn.runAndReadAll(sql)).getRowObjectsJson()[0];
}

test('the same seed writes the same bytes', () => {
  const files = readdirSync(first).sort();
  expect(files).toEqual([...canonicalTableNames.map((t) => `${t}.parquet`), 'params.json'].sort());
  for (const file of files) expect(readFileSync(join(second, file)).equals(readFileSync(join(first, file))), file).toBe(true);
});

test.each(canonicalTableNames)('%s has exactly the canonical columns and types', async (table) => {
  const rows = (await conn.runAndReadAll(`select column_name, column_type from (describe ${table})`)).getRowObjectsJson();
  expect(rows.map((r) => `${r.column_name} ${r.column_type}`)).toEqual(canonicalTables[table].columns.map((c) => `${c.name} ${c.type}`));
});

test('orders keep their promises', async () => {
  const row = await one(`
    select count(*) filter (where refund > revenue or refund < 0) as bad_refund,
           count(*) filter (where revenue > 0 and cost >= revenue) as cost_not_below_revenue,
           count(*) filter (where customer_id not in (select customer_id from customers)) as unknown_customer,
           count(*) filter (where status = 'cancelled' and refund <> revenue) as cancelled_not_refunded,
           count(*) filter (where is_trial and revenue <> 0) as paid_trial,
           (select count(*) from (select order_id from orders group by 1 having count(distinct coalesce(customer_id, '-')) > 1 or count(distinct order_date) > 1)) as split_orders,
           count(*) filter (where customer_id is null) > 0 as has_guests,
           count(*) filter (where status = 'refunded') > 0 as has_refunds,
           count(*) filter (where status = 'cancelled') > 0 as has_cancels,
           count(*) filter (where is_trial) > 0 as has_trials,
           min(order_date) >= timestamp '2023-01-01' and max(order_date) < timestamp '2026-01-01' as in_range
    from orders`);
  expect(row).toEqual({
    bad_refund: '0',
    cost_not_below_revenue: '0',
    unknown_customer: '0',
    cancelled_not_refunded: '0',
    paid_trial: '0',
    split_orders: '0',
    has_guests: true,
    has_refunds: true,
    has_cancels: true,
    has_trials: true,
    in_range: true,
  });
});

test('tickets, surveys, leads, spend and mentions stay in their domains and the date range', async () => {
  const row = await one(`
    select (select count(*) from tickets where contacts not between 1 and 5 or first_contact_resolved <> (contacts = 1)
              or resolved_at < opened_at or channel not in ('email', 'chat', 'phone')
              or customer_id not in (select customer_id from customers)) as bad_tickets,
           (select count(*) > 0 from tickets where resolved_at is null) as has_open_tickets,
           (select count(*) from surveys where not ((kind = 'nps' and score between 0 and 10) or (kind = 'csat' and score between 1 and 5)
              or (kind = 'ces' and score between 1 and 7))) as bad_scores,
           (select count(distinct kind) from surveys) as survey_kinds,
           (select count(*) from leads where converted_at < created_at
              or (customer_id is not null) <> (converted_at is not null)
              or customer_id not in (select customer_id from customers)) as bad_leads,
           (select count(*) from leads) > (select count(*) from customers) as more_leads_than_customers,
           (select count(*) from marketing_spend where spend <= 0 or channel not in ('paid_search', 'paid_social', 'affiliate')) as bad_spend,
           (select count(*) from social_mentions where sentiment is not null or lang not in ('en', 'fr', 'es', 'ro')) as bad_mentions,
           (select count(distinct lang) from social_mentions) as languages,
           (select min(m) >= timestamp '2023-01-01' and max(m) < timestamp '2026-01-01' from (
              select opened_at as m from tickets union all select resolved_at from tickets union all select answered_at from surveys
              union all select created_at from leads union all select converted_at from leads union all select day from marketing_spend
              union all select posted_at from social_mentions union all select first_seen from customers)) as in_range`);
  expect(row).toEqual({
    bad_tickets: '0',
    has_open_tickets: true,
    bad_scores: '0',
    survey_kinds: '3',
    bad_leads: '0',
    more_leads_than_customers: true,
    bad_spend: '0',
    bad_mentions: '0',
    languages: '4',
    in_range: true,
  });
});

test('ids numbered past their padding keep every digit', async () => {
  const row = await one(`select ${numbered('O', '12345678', 7)} as long, ${numbered('O', '42', 7)} as short`);
  expect(row).toEqual({ long: 'O12345678', short: 'O0000042' });
});

test('the shipped sample is what the generator writes, and stays small', async () => {
  await generateSample({ customers: shippedCustomers, out: shipped });
  for (const file of readdirSync(shipped)) expect(readFileSync(join(sampleDir, file)).equals(readFileSync(join(shipped, file))), file).toBe(true);
  const sizes = readdirSync(sampleDir).map((f) => statSync(join(sampleDir, f)).size);
  expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(4 * 1024 * 1024);
  expect(statSync(join(sampleDir, 'README.md')).size).toBeGreaterThan(0);
}, 120_000);
