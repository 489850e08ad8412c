/**
 * Prepared tables: what many KPI modules would otherwise each work out again from every order
 * line of all history (a customer's first sale, their orders in sequence, the gap to the next
 * one). The scope layer builds them once from the scoped views whenever the data or the facets
 * change, never when only the date range does; a module reads them like any canonical table
 * and names them in `needs`.
 *
 * `customer_orders`: one row per order of an identified customer that is a sale, built from the
 * order lines that count as sales everywhere in the library (a customer id, revenue > 0, not
 * cancelled). An order's date is its earliest such line's; its money is the sum of those lines.
 * Orders of one customer are numbered by date, then order id.
 *
 * `customer_refunds`: what identified customers were given back outside their sales, per
 * customer and day: the stand-alone refund lines and credit notes (no revenue, a refund, not
 * cancelled), which `customer_orders` never sees. Net figures subtract them at their own date.
 */
import type { CanonicalColumn, CanonicalTableName, ColumnType } from './canonical';
import { quoteIdent, type Db } from './db';

const col = (name: string, type: ColumnType): CanonicalColumn => ({ name, type, required: true });

export const preparedTables: Record<string, CanonicalColumn[]> = {
  customer_orders: [
    col('customer_id', 'VARCHAR'),
    col('order_id', 'VARCHAR'),
    col('order_date', 'TIMESTAMP'),
    col('revenue', 'DOUBLE'), // gross, of the sale lines
    col('refund', 'DOUBLE'), // 0 when none
    col('cost', 'DOUBLE'), // 0 when unknown
    col('refunded', 'BOOLEAN'), // some line of the order has a refund
    col('paid', 'BOOLEAN'), // some line of the order is not a free trial (is_trial not true)
    col('channel', 'VARCHAR'), // the channel of the order's earliest line, 'unknown' when absent
    col('lines_without_cost', 'INTEGER'), // sale lines of the order with no cost (counted as 0 in cost)
    col('order_number', 'INTEGER'), // 1 for the customer's first sale
    col('first_at', 'TIMESTAMP'), // the customer's first sale
    col('first_channel', 'VARCHAR'), // the channel of the customer's first order
    col('previous_at', 'TIMESTAMP'), // the customer's order before this one
    col('next_at', 'TIMESTAMP'), // the customer's order after this one
    col('paid_number', 'INTEGER'), // the customer's paid orders up to this one, this one included
  ],
  customer_refunds: [
    col('customer_id', 'VARCHAR'),
    col('day', 'DATE'),
    col('refund', 'DOUBLE'), // summed over the customer's stand-alone refund lines of the day
  ],
};

/**
 * The canonical table a prepared table is built from, and the columns it cannot do without (the
 * optional ones it reads are coalesced, so a table with them empty still feeds it).
 */
const builtFrom: Record<string, { table: CanonicalTableName; columns: string[] }> = {
  customer_orders: { table: 'orders', columns: ['customer_id', 'order_id', 'order_date', 'revenue'] },
  customer_refunds: { table: 'orders', columns: ['customer_id', 'order_date', 'revenue'] },
};

/** The canonical table a prepared table is built from and the columns it cannot do without; undefined for any other table. */
export function preparedSource(name: string): { table: CanonicalTableName; columns: readonly string[] } | undefined {
  return builtFrom[name];
}

// One grouping of the lines into orders, then one sort of the orders per customer. On the bench's
// 1M-order store (1.66M lines), native DuckDB with one thread: ~0.7 s + ~1.3 s; DuckDB-WASM in
// Node: 1.7 s + 1.8 s. Taking an order's channel by min() instead of arg_min() by line date would
// save 0.45 s, but changes the channel a customer came from when an order's lines disagree.
// `part` restricts it to one share of the customers (see buildPrepared).
const buildSql: Record<string, (part: string, from: string) => string> = {
  customer_orders: (part, from) => `
with per_order as (
  select customer_id,
         order_id,
         min(order_date) as order_date,
         sum(revenue) as revenue,
         sum(coalesce(refund, 0)) as refund,
         sum(coalesce(cost, 0)) as cost,
         bool_or(coalesce(refund, 0) > 0) as refunded,
         bool_or(not coalesce(is_trial, false)) as paid,
         arg_min(coalesce(channel, 'unknown'), order_date) as channel,
         count(*) filter (where cost is null)::integer as lines_without_cost
  from ${from}
  where customer_id is not null
    and revenue > 0
    and coalesce(status, '') <> 'cancelled'${part ? `
    and ${part}` : ''}
  group by customer_id, order_id
)
select *,
       (row_number() over w)::integer as order_number,
       first_value(order_date) over w as first_at,
       first_value(channel) over w as first_channel,
       lag(order_date) over w as previous_at,
       lead(order_date) over w as next_at,
       (count(*) filter (where paid) over w)::integer as paid_number
from per_order
window w as (partition by customer_id order by order_date, order_id)`,
  customer_refunds: (part, from) => `
select customer_id,
       order_date::date as day,
       sum(refund) as refund
from ${from}
where ${refundLine}${part ? `
  and ${part}` : ''}
group by customer_id, order_date::date`,
};

/** A stand-alone refund line or credit note of an identified customer (customer_refunds' rows). */
const refundLine = `customer_id is not null
  and not coalesce(revenue > 0, false)
  and refund > 0
  and coalesce(status, '') <> 'cancelled'`;

/**
 * The lines a prepared table is built from, counted to choose its parts: every order line for
 * `customer_orders` (a count the engine answers from its metadata); only the refund lines for
 * `customer_refunds`, which are few, so it is built in one pass where parts would each read
 * every line again (at 100M lines in Parquet, six reads of the whole folder for a small table).
 */
const linesCounted: Record<string, string | undefined> = {
  customer_refunds: refundLine,
};

/**
 * Order lines per share of customers when a prepared table is built in parts. One statement
 * holds its whole result, and its grouping and sorting, in memory until it ends: 10M orders at
 * once took DuckDB-WASM to the edge of its 4 GB. Every query over the prepared table reads whole
 * customers, so building it a share of the customers at a time gives the same table.
 */
export const linesPerPart = 3_000_000;

/**
 * Adds the prepared tables that `columns` (table -> loaded columns) can feed, with all their
 * columns, so a module needing one shows exactly when its sources are loaded.
 */
export function withPrepared<T extends Map<string, Set<string>>>(columns: T): T {
  for (const [name, source] of Object.entries(builtFrom)) {
    const loaded = columns.get(source.table);
    if (loaded && source.columns.every((c) => loaded.has(c))) columns.set(name, new Set(preparedTables[name].map((c) => c.name)));
  }
  return columns;
}

/**
 * (Re)builds every prepared table whose source is loaded, in `schema`, from that schema's views
 * of the canonical tables; drops the others. The scope layer builds them once over every
 * customer (schema `everyone`, src/lib/scope.ts): a row is one customer's, so the customers
 * in scope read them through a view that keeps their rows, and a facet never rebuilds them.
 */
export async function buildPrepared(db: Db, loaded: readonly CanonicalTableName[], perPart = linesPerPart, schema = 'main'): Promise<void> {
  for (const [name, source] of Object.entries(builtFrom)) {
    const target = `${quoteIdent(schema)}.${quoteIdent(name)}`;
    if (!loaded.includes(source.table)) {
      await db.exec(`drop table if exists ${target}`);
      continue;
    }
    const from = `${quoteIdent(schema)}.${quoteIdent(source.table)}`;
    const where = linesCounted[name];
    const [{ n }] = await db.rows(`select count(*)::double as n from ${from}${where ? ` where ${where}` : ''}`);
    const parts = Math.max(1, Math.ceil(Number(n) / perPart));
    if (parts === 1) {
      await db.exec(`create or replace table ${target} as ${buildSql[name]('', from)}`);
      continue;
    }
    for (let k = 0; k < parts; k++) {
      const sql = buildSql[name](`hash(customer_id) % ${parts} = ${k}`, from);
      await db.exec(k === 0 ? `create or replace table ${target} as ${sql}` : `insert into ${target} ${sql}`);
    }
  }
}
