/**
 * A store of N order lines as folders of Parquet parts, for measuring the runner beyond a browser
 * tab: `npx tsx test/bench/bigStore.ts <lines> <out-dir> [source-dir]`. Each part is a copy of the
 * 1M-order bench store (test/bench/data.ts) made by DuckDB SQL: every id gets the copy's suffix,
 * so each copy is a further set of customers with their own orders, tickets, surveys and leads,
 * and dates move back by up to four weeks so the copies do not fall on the same days. The last
 * copy keeps a share of its customers so the orders come close to N lines. Marketing spend is
 * copied as is (one row per channel and day; more customers, more spend).
 * Writes <out-dir>/<table>/part-<k>.parquet; never inside the repository.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { canonicalTableNames } from '../../src/lib/canonical';
import { ensureStore } from './data';

export async function writeBigStore(lines: number, out: string, source: string): Promise<{ copies: number; orderLines: number }> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const read = (table: string) => `read_parquet('${join(source, `${table}.parquet`).replace(/'/g, "''")}')`;
  const perCopy = Number((await conn.runAndReadAll(`select count(*) from ${read('orders')}`)).getRows()[0][0]);
  const copies = Math.ceil(lines / perCopy);
  // Whole customers of the last copy, by a hash of their id: per mille kept.
  const lastShare = Math.round(((lines - (copies - 1) * perCopy) / perCopy) * 1000);
  for (const table of canonicalTableNames) {
    const described = await conn.runAndReadAll(`select column_name, column_type from (describe select * from ${read(table)})`).catch(() => undefined);
    if (!described) continue;
    mkdirSync(join(out, table), { recursive: true });
    const columns = described.getRows().map(([name, type]) => ({ name: String(name), type: String(type) }));
    const hasCustomer = columns.some((c) => c.name === 'customer_id');
    for (let k = 0; k < (table === 'marketing_spend' ? 1 : copies); k++) {
      const select = columns.map(({ name, type }) => {
        if (table !== 'marketing_spend' && name.endsWith('_id') && type === 'VARCHAR') return `${name} || '-${k}' as ${name}`;
        if (table !== 'marketing_spend' && (type === 'TIMESTAMP' || type === 'DATE')) return `(${name} - interval ${k % 28} day)::${type} as ${name}`;
        return name;
      });
      const last = k === copies - 1 && hasCustomer && lastShare < 1000 ? ` where customer_id is null or hash(customer_id) % 1000 < ${lastShare}` : '';
      const target = join(out, table, `part-${String(k).padStart(3, '0')}.parquet`).replace(/'/g, "''");
      await conn.run(`copy (select ${select.join(', ')} from ${read(table)}${last}) to '${target}' (format parquet, compression zstd, row_group_size 1000000)`);
    }
  }
  const orderLines = Number((await conn.runAndReadAll(`select count(*) from read_parquet('${join(out, 'orders', '*.parquet')}')`)).getRows()[0][0]);
  conn.closeSync();
  instance.closeSync();
  return { copies, orderLines };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [lines, out, source] = process.argv.slice(2);
  if (!lines || !out) throw new Error('usage: npx tsx test/bench/bigStore.ts <lines> <out-dir> [source-dir]');
  const t0 = performance.now();
  const result = await writeBigStore(Number(lines), out, source ?? (await ensureStore('1m')));
  console.log(`${result.orderLines} order lines in ${result.copies} parts, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
