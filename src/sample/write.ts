/**
 * Turns the generated CSVs into the canonical tables with native DuckDB (which has Parquet
 * built in): exact canonical types, orders, tickets and leads numbered by time, rows in time
 * order, zstd Parquet. Each table is one streaming COPY with one sort that spills to disk, so
 * 10M orders fit in a few GB. One thread, so the bytes are the same on every run.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';
import { canonicalTables, type CanonicalTableName } from '../lib/canonical';

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

function canonicalSelect(table: CanonicalTableName, extra: Record<string, string> = {}): string {
  return canonicalTables[table].columns.map((c) => `${extra[c.name] ?? `"${c.name}"`}::${c.type} as "${c.name}"`).join(', ');
}

/** An id numbered in the given order, zero-padded to at least `width` digits (lpad would cut longer ones). */
export const numbered = (prefix: string, rank: string, width: number) => `printf('${prefix}%0${width}d', ${rank})`;

/**
 * Visits, made from the orders so that they agree with them (no random stream of their own):
 * a customer's order follows one to three visits in the three days before it, from the order's
 * channel; customers also come back without buying, up to five times in the year after their
 * first order (up to the store's last day); a guest's order follows one visit by an anonymous
 * visitor. The spreads come from hashes of the ids.
 */
const visitsQuery = (orders: string) => `
with o as (
  select gen_order, customer_id, min(order_date::timestamp) as order_at, min(channel) as channel
  from ${orders}
  group by all
),
before_orders as (
  select coalesce('V' || customer_id, 'G' || gen_order) as visitor_id,
         order_at - to_minutes((hash(gen_order, i) % 4320)::bigint) as visited_at,
         customer_id, channel
  from o, range(case when customer_id is null then 1 else 1 + (hash(gen_order) % 3)::bigint end) r(i)
),
browsing as (
  select 'V' || customer_id as visitor_id,
         min(order_at) + to_minutes((hash(customer_id, j) % 525600)::bigint) as visited_at,
         customer_id, 'organic' as channel, j
  from o, range((hash(customer_id) % 6)::bigint) r(j)
  where customer_id is not null
  group by customer_id, j
)
select visitor_id, visited_at, customer_id, channel from before_orders
union all
select visitor_id, visited_at, customer_id, channel from browsing
where visited_at < (select max(order_at) from o)::date + interval 1 day`;

function sources(): Record<CanonicalTableName, { select: string; order: string; from?: (orders: string) => string }> {
  return {
    orders: {
      select: canonicalSelect('orders', { order_id: numbered('O', 'dense_rank() over (order by order_date::timestamp, gen_order::bigint)', 7) }),
      order: 'order_date, order_id, product, revenue, quantity, cost, refund, status',
    },
    customers: { select: canonicalSelect('customers'), order: 'customer_id' },
    tickets: {
      select: canonicalSelect('tickets', { ticket_id: numbered('T', 'row_number() over (order by opened_at::timestamp, customer_id, channel, resolved_at)', 6) }),
      order: 'ticket_id',
    },
    surveys: { select: canonicalSelect('surveys'), order: 'answered_at, customer_id, kind, score, comment' },
    marketing_spend: { select: canonicalSelect('marketing_spend'), order: 'day, channel' },
    leads: {
      select: canonicalSelect('leads', { lead_id: numbered('L', 'row_number() over (order by created_at::timestamp, gen_lead::bigint)', 7) }),
      order: 'lead_id',
    },
    social_mentions: { select: canonicalSelect('social_mentions'), order: 'posted_at, author, text, platform' },
    visits: { select: canonicalSelect('visits'), order: 'visitor_id, visited_at, channel', from: visitsQuery },
  };
}

/** Reads `<csvDir>/<table>.csv`, writes `<outDir>/<table>.parquet` (and canonical CSV when asked). */
export async function writeTables(csvDir: string, outDir: string, alsoCsv: boolean): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1', memory_limit: '4GB', temp_directory: join(csvDir, 'spill') });
  const db = await instance.connect();
  try {
    for (const [table, { select, order, from }] of Object.entries(sources())) {
      const csv = (name: string) => `read_csv(${sqlString(join(csvDir, `${name}.csv`))}, header = true, all_varchar = true)`;
      const parquet = sqlString(join(outDir, `${table}.parquet`));
      await db.run(
        `copy (select * from (select ${select} from ${from ? `(${from(csv('orders'))})` : csv(table)}) order by ${order})
         to ${parquet} (format parquet, compression zstd, row_group_size 122880)`,
      );
      if (alsoCsv) await db.run(`copy (select * from read_parquet(${parquet})) to ${sqlString(join(outDir, `${table}.csv`))} (header, delimiter ',')`);
    }
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}
