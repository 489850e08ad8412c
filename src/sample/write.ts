/**
 * Turns the generated CSVs into the canonical tables with native DuckDB (which has Parquet
 * built in): exact canonical types, orders and tickets numbered by time, rows in time order,
 * zstd Parquet. One thread, so the bytes are the same on every run.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';
import { canonicalTables, type CanonicalTableName } from '../lib/canonical';

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

function canonicalSelect(table: CanonicalTableName, extra: Record<string, string> = {}): string {
  return canonicalTables[table].columns.map((c) => `${extra[c.name] ?? `"${c.name}"`}::${c.type} as "${c.name}"`).join(', ');
}

const sources: Record<CanonicalTableName, { select: string; order: string }> = {
  orders: {
    select: canonicalSelect('orders', {
      order_id: `'O' || lpad(dense_rank() over (order by order_date, gen_order)::varchar, 7, '0')`,
    }),
    order: 'order_date, order_id, product',
  },
  customers: { select: canonicalSelect('customers'), order: 'customer_id' },
  tickets: {
    select: canonicalSelect('tickets', { ticket_id: `'T' || lpad(row_number() over (order by opened_at, customer_id)::varchar, 6, '0')` }),
    order: 'ticket_id',
  },
  surveys: { select: canonicalSelect('surveys'), order: 'answered_at, customer_id, kind' },
  marketing_spend: { select: canonicalSelect('marketing_spend'), order: 'day, channel' },
  leads: { select: canonicalSelect('leads'), order: 'created_at, lead_id' },
  social_mentions: { select: canonicalSelect('social_mentions'), order: 'posted_at, author, text' },
};

/** Reads `<csvDir>/<table>.csv`, writes `<outDir>/<table>.parquet` (and canonical CSV when asked). */
export async function writeTables(csvDir: string, outDir: string, alsoCsv: boolean): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const db = await instance.connect();
  try {
    for (const [table, { select, order }] of Object.entries(sources)) {
      const csv = join(csvDir, `${table}.csv`);
      await db.run(`create or replace table t as select ${select} from read_csv(${sqlString(csv)}, header = true, all_varchar = true)`);
      const parquet = join(outDir, `${table}.parquet`);
      await db.run(`copy (select * from t order by ${order}) to ${sqlString(parquet)} (format parquet, compression zstd, row_group_size 122880)`);
      if (alsoCsv) {
        await db.run(`copy (select * from t order by ${order}) to ${sqlString(join(outDir, `${table}.csv`))} (header, delimiter ',')`);
      }
    }
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}
