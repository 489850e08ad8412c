/**
 * The default notebook's KPI cells at the bench's 1M-order store on DuckDB-WASM in Node, per
 * module and per period: the default year, its comparison, then a rescope to the last 90 days
 * (and its comparison) with nothing rebuilt, as the page does on a new date range.
 * `npx tsx test/bench/kpiCells.ts [store-dir] [--explain id,id]`. Prints milliseconds per module
 * and period, the totals (older versions left out), and the load average; `--explain` adds EXPLAIN
 * ANALYZE of those modules; `--only id,id` times only those; `--before id@n` adds older versions.
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { runModule, prepareModule } from '../../src/lib/runModule';
import { applyScope, previousPeriod, setPeriod } from '../../src/lib/scope';
import { readCatalog } from '../../src/cli/readModules';
import { openEngine } from './engines';
import { baseColumns, defaultPeriod, notebookModules } from './notebook';
import { storeDir } from './data';

const args = process.argv.slice(2);
const explainAt = args.indexOf('--explain');
const explain = explainAt >= 0 ? args[explainAt + 1].split(',') : [];
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : undefined;
const dir = args[0] && !args[0].startsWith('--') ? args[0] : storeDir('1m');
const engine = await openEngine('wasm-node');
const t0 = performance.now();
await engine.load(readdirSync(dir).filter((f) => f.endsWith('.parquet')).map((f) => join(dir, f)));
console.log(`load ${(performance.now() - t0).toFixed(0)} ms`);
const columns = await baseColumns(engine.db);
// `--before id@n,...`: older versions timed beside the current ones, on the same data and load.
const before = args.includes('--before') ? args[args.indexOf('--before') + 1].split(',') : [];
const catalog = readCatalog();
const modules = [...notebookModules(columns).filter((m) => !only || only.includes(m.id)), ...before.map((ref) => catalog.byRef.get(ref)!)];
const year = await defaultPeriod(engine.db);
const quarter = { start: new Date(Date.parse(`${year.end}T00:00:00Z`) - 89 * 86_400_000).toISOString().slice(0, 10), end: year.end };
const t1 = performance.now();
await applyScope(engine.db, year, [...columns.keys()]);
console.log(`scope with prepared tables ${(performance.now() - t1).toFixed(0)} ms`);

const periods = [
  ['year', year],
  ['year-prev', previousPeriod(year.start, year.end)],
  ['q90', quarter],
  ['q90-prev', previousPeriod(quarter.start, quarter.end)],
] as const;
const times: Record<string, Record<string, number>> = {};
// One warm-up pass over the year, as the bench does (first runs are slower).
for (const m of modules) await runModule(engine.db, m);
for (const [name, p] of periods) {
  await setPeriod(engine.db, p.start, p.end);
  for (const m of modules) {
    if (name.endsWith('-prev') && !m.headline) continue;
    const t = performance.now();
    await runModule(engine.db, m);
    (times[before.includes(`${m.id}@${m.version}`) ? `${m.id}@${m.version}` : m.id] ??= {})[name] = performance.now() - t;
  }
}
const total = (keys: string[]) => Object.entries(times).filter(([id]) => !id.includes('@')).map(([, r]) => r).reduce((s, r) => s + keys.reduce((a, k) => a + (r[k] ?? 0), 0), 0);
const rows = Object.entries(times).sort((a, b) => (b[1].year + (b[1]['year-prev'] ?? 0)) - (a[1].year + (a[1]['year-prev'] ?? 0)));
console.log('module'.padEnd(30), periods.map(([n]) => n.padStart(10)).join(''));
for (const [id, r] of rows) console.log(id.padEnd(30), periods.map(([n]) => (r[n] === undefined ? '-' : r[n].toFixed(0)).padStart(10)).join(''));
console.log(`notebook (year + comparison) ${total(['year', 'year-prev']).toFixed(0)} ms; rescope to 90 days (+ comparison) ${total(['q90', 'q90-prev']).toFixed(0)} ms; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);

for (const id of explain) {
  const m = modules.find((x) => x.id === id);
  if (!m) continue;
  await setPeriod(engine.db, year.start, year.end);
  await prepareModule(engine.db, m);
  const out = await engine.db.rows(`explain analyze ${m.sql.replace(/;\s*$/, '')}`);
  console.log(`\n=== ${id}\n${String(out[0].explain_value ?? Object.values(out[0]).at(-1))}`);
}
engine.close();
