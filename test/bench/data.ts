/**
 * The benchmark's stores: canonical tables (Parquet and CSV) made with the sample store's
 * generator at a given number of orders, cached in test/bench/cache/<size>/ between runs.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalTableNames } from '../../src/lib/canonical';
import { generateSample, ordersPerCustomer } from '../../src/sample/generate';

export const cacheDir = fileURLToPath(new URL('./cache', import.meta.url));

export const sizes = { '100k': 100_000, '1m': 1_000_000, '10m': 10_000_000 } as const;
export type Size = keyof typeof sizes;

export type FileKind = 'parquet' | 'csv';

export const storeDir = (size: Size) => join(cacheDir, size);

/** The canonical files of a store, one per table the generator wrote. */
export function storeFiles(size: Size, kind: FileKind): string[] {
  return canonicalTableNames.map((t) => join(storeDir(size), `${t}.${kind}`)).filter((f) => existsSync(f));
}

const complete = (dir: string) => existsSync(join(dir, 'params.json')) && existsSync(join(dir, 'orders.csv'));

/** Generates the store unless the cache already holds it; returns its directory. */
export async function ensureStore(size: Size): Promise<string> {
  const dir = storeDir(size);
  if (complete(dir)) return dir;
  const t0 = performance.now();
  console.log(`generating ${size} orders into ${dir}…`);
  const counts = await generateSample({ customers: Math.round(sizes[size] / ordersPerCustomer), out: dir, csv: true });
  console.log(`  ${counts.orders} orders (${counts.orderLines} lines) in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  return dir;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const wanted = process.argv.slice(2).filter((a): a is Size => a in sizes);
  for (const size of wanted.length ? wanted : (['100k', '1m'] as Size[])) await ensureStore(size);
}
