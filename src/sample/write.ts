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

function sources(): Record<CanonicalTableName, { select: string; order: string }> {
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
  };
}

/** Reads `<csvDir>/<table>.csv`, writes `<outDir>/<table>.parquet` (and canonical CSV when asked). */
export async function writeTables(csvDir: string, outDir: string, alsoCsv: boolean): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1', memory_limit: '4GB', temp_directory: join(csvDir, 'spill') });
  const db = await instance.connect();
  try {
    for (const [table, { select, order }] of Object.entries(sources())) {
      const csv = sqlString(join(csvDir, `${table}.csv`));
      const parquet = sqlString(join(outDir, `${table}.parquet`));
      await db.run(
        `copy (select * from (select ${select} from read_csv(${csv}, header = true, all_varchar = true)) order by ${order})
         to ${parquet} (format parquet, compression zstd, row_group_size 122880)`,
      );
      if (alsoCsv) await db.run(`copy (select * from read_parquet(${parquet})) to ${sqlString(join(outDir, `${table}.csv`))} (header, delimiter ',')`);
    }
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}
