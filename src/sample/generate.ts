/**
 * `npm run sample` regenerates the shipped sample store in static/sample/.
 * `npm run sample -- --customers N | --orders N  --out DIR [--csv] [--seed S]` writes a store of
 * another size (the benchmark uses this); --orders is approximate (about 3.7 orders per customer, guests included).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { trueParams } from './model';
import { generateStore, type StoreCounts } from './store';
import { writeTables } from './write';

export const shippedCustomers = 20_000;
export const ordersPerCustomer = 3.7;
export const sampleDir = fileURLToPath(new URL('../../static/sample', import.meta.url));

export async function generateSample(options: { customers: number; out: string; csv?: boolean; seed?: number }): Promise<StoreCounts> {
  mkdirSync(options.out, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'clientele-sample-'));
  try {
    const counts = generateStore(work, options.customers, options.seed ?? trueParams.seed);
    await writeTables(work, options.out, options.csv ?? false);
    const params = { ...trueParams, seed: options.seed ?? trueParams.seed, customers: options.customers, counts };
    writeFileSync(join(options.out, 'params.json'), JSON.stringify(params, null, 2) + '\n');
    return counts;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function parseArgs(argv: string[]) {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const orders = value('--orders');
  const customers = value('--customers') ?? (orders ? String(Math.round(Number(orders) / ordersPerCustomer)) : undefined);
  return {
    customers: customers ? Number(customers) : shippedCustomers,
    out: resolve(value('--out') ?? sampleDir),
    csv: argv.includes('--csv'),
    seed: value('--seed') ? Number(value('--seed')) : undefined,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  const counts = await generateSample(options);
  console.log(`Wrote ${options.out} in ${((performance.now() - t0) / 1000).toFixed(1)} s:`, counts);
}
