/**
 * Facets and segments at the bench's 1M-order store, on native DuckDB with one thread (the
 * closest native match to DuckDB-WASM's one thread; NOTES-duckdb-wasm.md puts WASM at 1.0-1.4x):
 * `npx tsx test/bench/scopeBench.ts [store-dir]`. Times: the scope built after a load (prepared
 * tables and the facets' fixed pairs), a facet applied, the facet counts after it, a change of
 * dates with and without a date-dependent facet, a compared segment and a KPI for each side.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readCatalog } from '../../src/cli/readModules';
import { loadFiles } from '../../src/cli/loadFiles';
import { openNativeDb } from '../../src/cli/nativeDb';
import { scopeModules } from '../../src/lib/customerScope';
import { facetValues } from '../../src/lib/facetValues';
import { runModule } from '../../src/lib/runModule';
import { applyScope, useSide, type Scope } from '../../src/lib/scope';
import { ensureStore } from './data';

const dir = process.argv[2] ?? (await ensureStore('1m'));
const db = await openNativeDb();
await db.exec('set threads = 1');
const files = readdirSync(dir).filter((f) => f.endsWith('.parquet')).map((f) => join(dir, f));
const loaded = await loadFiles(db, files);
const tables = [...loaded.columns.keys()];
const catalog = readCatalog();
const modules = scopeModules(catalog.current);
const valuesModule = catalog.current.find((m) => m.id === 'facet_values')!;
const net = catalog.current.find((m) => m.id === 'net_revenue')!;
const [{ n }] = await db.rows('select count(*)::double as n from base.orders');
const [{ last }] = await db.rows("select strftime(max(order_date), '%Y-%m-%d') as last from base.orders");
const end = String(last);
const yearBefore = new Date(Date.parse(`${end}T00:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);
const quarter = new Date(Date.parse(`${end}T00:00:00Z`) - 89 * 86_400_000).toISOString().slice(0, 10);
const [{ country }] = await db.rows("select country from everyone.orders where country is not null group by all order by count(*) desc limit 1").catch(async () => db.rows("select country from base.orders where country is not null group by all order by count(*) desc limit 1"));
console.log(`${n} order lines, ${tables.join(', ')}; period ${yearBefore} .. ${end}; facet country=${country}`);

const times: [string, number][] = [];
async function time<T>(label: string, run: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const value = await run();
  times.push([label, performance.now() - t0]);
  console.log(`${label}: ${(performance.now() - t0).toFixed(0)} ms`);
  return value;
}
const apply = (scope: Partial<Scope>, prepare = false) => applyScope(db, { start: yearBefore, end, ...scope }, tables, prepare, undefined, modules);

await time('scope after a load (prepared tables; facet pairs wait until asked)', () => apply({}, true));
await time('facet counts, no facet on (the facet pairs kept first)', () => facetValues(db, modules, valuesModule, tables, 50));
await time('apply facet country', () => apply({ facets: { country: [String(country)] } }));
await time('facet counts after it', () => facetValues(db, modules, valuesModule, tables, 50));
await time('net revenue under the facet', () => runModule(db, net));
await time('apply country + product', async () => {
  const [{ product }] = await db.rows("select value as product from everyone.facet_static where facet = 'product' group by all order by count(*) desc limit 1");
  await apply({ facets: { country: [String(country)], product: [String(product)] } });
});
await time('change of dates, no dated facet (setPeriod only: nothing rebuilt)', () => db.exec('set variable period_start = cast(? as date)', [quarter]));
await time('apply revenue contribution top 20%', () => apply({ facets: { revenue_contribution: ['top_20'] } }));
await time('change of dates with it on', () => applyScope(db, { start: quarter, end, facets: { revenue_contribution: ['top_20'] } }, tables, false, undefined, modules));
await time('apply RFM facet At risk (customer facts kept)', () => apply({ facets: { rfm_segment: ['At risk'] } }));
await time('facet counts with RFM on', () => facetValues(db, modules, valuesModule, tables, 50));
const repeat = { name: 'Repeat', match: 'all' as const, conditions: [{ field: 'orders', op: 'gte' as const, value: 2 }] };
await time('apply compared segment (orders >= 2)', () => apply({ compareSegment: repeat }));
const whole = await time('net revenue, whole', () => runModule(db, net));
await useSide(db, 'segment');
const seg = await time('net revenue, segment', () => runModule(db, net));
await useSide(db, 'rest');
const rest = await time('net revenue, everyone else', () => runModule(db, net));
await useSide(db, undefined);
const total = (rows: typeof whole) => Number(rows.find((r) => r.month === null)?.net_revenue);
console.log(`segment ${total(seg).toFixed(2)} + rest ${total(rest).toFixed(2)} = ${(total(seg) + total(rest)).toFixed(2)}; whole ${total(whole).toFixed(2)}`);
db.close();
