/**
 * `npm run bench [-- --full] [--sizes 100k,1m] [--only sql,arquero,browser] [--kinds parquet,csv] [--runs N] [--reuse FILE] [--marks] [--shots DIR] [--skip-sample]`
 *
 * Generates the stores (cached), runs the default notebook's KPI SQL on native DuckDB (one
 * thread, all threads) and on DuckDB-WASM in Node, the same KPIs in Arquero (checked against
 * the SQL first), and the built app in headless Chromium (the notebook, then the customers view);
 * prints medians, ratios and the targets of issues 6 and 14, and writes them to test/bench/results/<timestamp>.json.
 * Default sizes are 100k and 1M orders; --full adds 10M. --reuse takes the parts not in --only
 * from an earlier results file. Not part of `npm test`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arqueroBench, checkArquero, loadOrdersParquet } from './arqueroBench';
import { browserBench } from './browserBench';
import { ensureStore, sizes as allSizes, storeFiles, type Size, type FileKind } from './data';
import { openEngine, type EngineName } from './engines';
import { defaultPeriod } from './notebook';
import { printTables, ratios, targets, type BenchResults } from './report';
import { sqlBench } from './sqlBench';

const args = process.argv.slice(2);
const option = (flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const sizes = (option('--sizes')?.split(',') ?? (args.includes('--full') ? ['100k', '1m', '10m'] : ['100k', '1m'])) as Size[];
for (const s of sizes) if (!(s in allSizes)) throw new Error(`unknown size ${s}; sizes are ${Object.keys(allSizes).join(', ')}`);
const only = new Set(option('--only')?.split(',') ?? ['sql', 'arquero', 'browser']);
const runs = Number(option('--runs') ?? 5);
const engines: EngineName[] = ['native-1', 'native-all', 'wasm-node'];
// Arquero holds every order line as JS values: 10M lines would measure the heap, not the KPIs.
const arqueroSizes = sizes.filter((s) => s !== '10m');

async function main() {
  const started = new Date();
  // The machine is shared: the load average says how much to trust the figures.
  const loadAtStart = loadavg();
  for (const size of new Set<Size>(['100k', ...sizes])) await ensureStore(size);
  const results: BenchResults = { sql: [], arquero: [], browser: [] };
  const reuse = option('--reuse');
  if (reuse) {
    const earlier = JSON.parse(readFileSync(reuse, 'utf8')) as BenchResults;
    for (const part of ['sql', 'arquero', 'browser'] as const) if (!only.has(part)) results[part] = earlier[part] as never;
  }
  const dir = fileURLToPath(new URL('./results', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${started.toISOString().replace(/[:.]/g, '-')}.json`);
  // Written after each part, so a long run that is stopped still leaves what it measured.
  const save = () => {
    const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version, loadAtStart, loadNow: loadavg() };
    const summary = { ratios: sizes.map((s) => ratios(results, s)), targets: targets(results) };
    writeFileSync(file, JSON.stringify({ started: started.toISOString(), args, runs, machine, ...results, ...summary }, null, 2) + '\n');
  };

  if (only.has('sql')) {
    for (const size of sizes) {
      for (const engine of engines) {
        console.log(`KPI SQL on ${engine}, ${size}…`);
        results.sql.push(await sqlBench(engine, size, runs));
        save();
      }
    }
  }

  if (only.has('arquero')) {
    const check = await openEngine('native-1');
    await check.load(storeFiles('100k', 'parquet'));
    const period = await defaultPeriod(check.db);
    const wrong = await checkArquero(check.db, loadOrdersParquet('100k'), period);
    check.close();
    if (wrong.length) throw new Error(`Arquero KPIs differ from the SQL modules at 100k:\n${wrong.join('\n')}`);
    console.log('Arquero KPIs agree with the SQL modules at 100k orders');
    for (const size of arqueroSizes) {
      const engine = await openEngine('native-1');
      await engine.load(storeFiles(size, 'parquet').filter((f) => f.endsWith('orders.parquet')));
      const p = await defaultPeriod(engine.db);
      engine.close();
      console.log(`Arquero, ${size}…`);
      results.arquero.push(await arqueroBench(size, p, runs));
      save();
    }
  }

  if (only.has('browser')) {
    const kinds = option('--kinds')?.split(',') as FileKind[] | undefined;
    await browserBench(sizes, Math.min(runs, 3), { kinds, marks: args.includes('--marks'), shots: option('--shots'), skipSample: args.includes('--skip-sample') }, (r) => {
      results.browser.push(r);
      save();
    });
  }

  printTables(results, sizes);
  save();
  console.log(`\nload average at start ${loadAtStart.map((x) => x.toFixed(1)).join(' ')}, at end ${loadavg().map((x) => x.toFixed(1)).join(' ')} (${cpus().length} cores)`);
  console.log(`written to ${file}`);
}

await main();
