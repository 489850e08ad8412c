/**
 * The customer explorer at the bench's store size, on DuckDB-WASM in Node (the browser's engine)
 * through the worker's own Explorer (default store: the 1M-order one of test/bench/data.ts). Times, medians of `runs` after a warm-up:
 * the prepared tables (once per data or facet change), customer_facts held for a scope
 * (explorer_customers), the list's first page, a searched page, a sort on another column, one
 * customer's report, and the notebook's RFM segments and the explorer's segment map; last, after
 * another load, the work the page does ahead while idle, what it holds, and the view after it.
 *
 * Runs under vitest (the worker's modules come through Vite's import.meta.glob and ?url imports):
 * `EXPLORER_STORE=<dir> npx vitest run -c test/bench/vitest.explorer.config.ts`.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { basename } from 'node:path';
import { readParquet } from 'parquet-wasm/node';
import { readCatalog } from '../../src/cli/readModules';
import type { CanonicalTableName } from '../../src/lib/canonical';
import { ensureExplorerTables } from '../../src/lib/explorerTables';
import { runModule } from '../../src/lib/runModule';
import { applyScope, ensureBaseSchema, setPeriod } from '../../src/lib/scope';
import { Explorer } from '../../src/worker/explorer';
import { Queries } from '../../src/worker/queries';
import { storeOn } from '../support/asyncWasm';
import { openWasmDb } from '../support/wasmDb';
import { ensureStore } from './data';
import { defaultPeriod } from './notebook';

import { test } from 'vitest';

// The values the customers view asks per facet (facetLimit in src/state/explorer.svelte.ts).
const facetLimit = 500;
const runs = Number(process.env.EXPLORER_RUNS ?? 3);
const tables: CanonicalTableName[] = ['orders', 'customers', 'tickets', 'surveys'];

test('the customer explorer at the bench store', async () => {
  const dir = process.env.EXPLORER_STORE ?? (await ensureStore('1m'));

  const db = await openWasmDb();
  await ensureBaseSchema(db);
  for (const table of tables) {
    const ipc = readParquet(readFileSync(join(dir, `${table}.parquet`))).intoIPCStream();
    db.conn.insertArrowFromIPCStream(ipc, { name: basename(table), schema: 'base', create: true });
  }
  const period = await defaultPeriod(db);
  const [{ lines }] = await db.rows('select count(*)::double as lines from base.orders');

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  async function time(name: string, body: () => Promise<unknown>, repeat = runs): Promise<void> {
    await body();
    const samples: number[] = [];
    for (let i = 0; i < repeat; i++) {
      const t0 = performance.now();
      await body();
      samples.push(performance.now() - t0);
    }
    console.log(`${name.padEnd(44)} ${median(samples).toFixed(0).padStart(6)} ms   (${samples.map((s) => s.toFixed(0)).join(', ')})`);
  }
  const must = <T>(o: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
    if (!o.ok) throw new Error(o.error.message);
    return o.value;
  };

  console.log(`${lines} order lines, period ${period.start} .. ${period.end}, DuckDB-WASM (Node bundle), load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  const catalog = readCatalog();
  const module = (id: string) => catalog.current.find((m) => m.id === id)!;
  const store = storeOn(db);
  // EXPLORER_SLOW=<ms>: every statement of the worker's classes slower than that, with its time.
  const slow = Number(process.env.EXPLORER_SLOW ?? 0);
  if (slow) {
    const connect = store.db!.connect.bind(store.db);
    store.db = {
      connect: async () => {
        const conn = (await connect()) as unknown as Record<string, (sql: string) => Promise<unknown>>;
        for (const method of ['query', 'send']) {
          const inner = conn[method];
          conn[method] = async (sql: string) => {
            const t0 = performance.now();
            const out = await inner(sql);
            const ms = performance.now() - t0;
            if (ms > slow) console.log(`    ${ms.toFixed(0).padStart(6)} ms  ${sql.replace(/\s+/g, ' ').slice(0, 140)}`);
            return out;
          };
        }
        const prepare = conn.prepare;
        conn.prepare = async (sql: string) => {
          const stmt = (await prepare(sql)) as { query: (...p: unknown[]) => Promise<unknown> };
          const query = stmt.query;
          stmt.query = async (...params: unknown[]) => {
            const t0 = performance.now();
            const out = await query(...params);
            const ms = performance.now() - t0;
            if (ms > slow) console.log(`    ${ms.toFixed(0).padStart(6)} ms  ${sql.replace(/\s+/g, ' ').slice(0, 140)}`);
            return out;
          };
          return stmt;
        };
        return conn;
      },
    } as never;
  }
  store.canonical = tables;
  store.scoping.scope = period;
  const explorer = new Explorer(store);
  const queries = new Queries(store);
  const once = async (name: string, body: () => Promise<unknown>) => {
    const t0 = performance.now();
    // vitest 5 on Node 20 fails to print a failed test's error (Map.groupBy): say it here.
    await body().catch((e) => {
      console.log(`${name}: ${(e as Error).message}`);
      throw e;
    });
    const elapsed = performance.now() - t0;
    console.log(`${name.padEnd(44)} ${elapsed.toFixed(0).padStart(6)} ms`);
    return elapsed;
  };
  await once('prepared tables (data loaded)', () => store.scoping.rescope(true));

  // What the customers view asks after a load and after each change of scope, in the order the
  // page shows them: the RFM map and the facets' counts, the list's first page, one report.
  const view = async (label: string) => {
    const rfm = await once(`  RFM map`, async () => {
      const map = (explorer as unknown as { rfmMap?: () => Promise<unknown> }).rfmMap;
      if (map) return must((await map.call(explorer)) as never);
      // Before the explorer served it: the two modules, as the page ran them.
      for (const id of ['rfm_segments', 'rfm_grid']) must(await queries.runModule(`${id}@${module(id).version}`, `bench-${id}`));
    });
    // The explorer answers them since it holds the scope's RFM; the queries did before.
    type Counts = { facetValues?: (limit: number) => Promise<Parameters<typeof must>[0]> };
    const counter = (explorer as unknown as Counts).facetValues ? (explorer as unknown as Counts) : (queries as unknown as Counts);
    const facets = await once(`  facet counts`, async () => must(await counter.facetValues!.call(counter, facetLimit)));
    const list = await once(`  list first page`, async () => must(await page({ limit: 200 })));
    const id = (await db.rows('select customer_id from explorer_customers order by revenue desc limit 1'))[0].customer_id as string;
    const report = await once(`  report`, async () => must(await explorer.customerReport(id)));
    console.log(`${label}: RFM + facets ${(rfm + facets).toFixed(0)} ms, list ${list.toFixed(0)} ms, report ${report.toFixed(0)} ms`);
  };
  const page = (extra = {}) => explorer.customerPage({ sort: 'revenue', descending: true, offset: 0, limit: 100, ...extra });
  console.log('after a load:');
  await view('after a load');
  const [{ country }] = await db.rows(`select value as country from everyone.facet_static where facet = 'country' group by all order by count(*) desc limit 1`);
  for (let k = 1; k <= runs; k++) {
    const end = new Date(Date.parse(`${period.end}T00:00:00Z`) - k * 7 * 86_400_000).toISOString().slice(0, 10);
    const start = new Date(Date.parse(`${period.start}T00:00:00Z`) - k * 7 * 86_400_000).toISOString().slice(0, 10);
    store.scoping.scope = k % 2 ? { start, end, facets: { country: [String(country)] } } : { start, end };
    console.log(`scope change ${k}: ${k % 2 ? `country ${country}, ` : 'no facet, '}${start} .. ${end}`);
    await once('  rescope', () => store.scoping.rescope(false));
    await view(`scope change ${k}`);
  }
  store.scoping.scope = period;
  await store.scoping.rescope(false);
  let day = 0;
  // A new scope each time (the period's end moves a day), so the list is computed again each run.
  const rescoped = () => {
    day++;
    const end = new Date(Date.parse(`${period.end}T00:00:00Z`) - day * 86_400_000).toISOString().slice(0, 10);
    store.scoping.scope = { ...period, end };
  };
  await time('list for a new range end + first page', async () => {
    rescoped();
    must(await page());
  });
  // A new first day only: who each customer is stays held (explorer_identity).
  let shift = 0;
  await time('list for a new range start + first page', async () => {
    shift++;
    store.scoping.scope = { ...period, start: new Date(Date.parse(`${period.start}T00:00:00Z`) + shift * 86_400_000).toISOString().slice(0, 10) };
    must(await page());
  });
  store.scoping.scope = period;
  const first = must(await page());
  console.log(`  ${first.total} customers in the list`);
  await time('first page (held list)', async () => must(await page()));
  await time('page 1,000 sorted by last order', async () => must(await page({ sort: 'last_order', offset: 100_000 })));
  await time('search "smith" (name, e-mail, id)', async () => must(await page({ search: 'smith' })));
  const top = String(must(await page({ limit: 1 })).rows ? (await db.rows('select customer_id from explorer_customers order by revenue desc limit 1'))[0].customer_id : '');
  await time(`report of ${top}`, async () => must(await explorer.customerReport(top)));
  await setPeriod(db, period.start, period.end);
  await time('rfm_segments (notebook cell)', () => runModule(db, module('rfm_segments')));
  await time('rfm_grid (segment map)', () => runModule(db, module('rfm_grid')));
  await time('customer list as CSV (all columns)', async () =>
    must(await explorer.customerCsv({ sort: 'revenue', descending: true, delimiter: ',', columns: module('customer_facts').columns.map((c) => c.name) })), 1);

  // Work done ahead (Explorer.prepare, run by the page while it is idle) after another load: its
  // time, what it holds in DuckDB's memory, then the view opened as the page would after it.
  await store.gate.change(() => store.scoping.rescope(true));
  for (const table of ['explorer_customers', 'explorer_identity', 'explorer_places', 'explorer_search', 'explorer_rfm', 'explorer_facet_dated']) await db.exec(`drop table if exists ${table}`);
  const memory = async () => Number((await db.rows('select sum(memory_usage_bytes)::double as b from duckdb_memory()'))[0].b) / 1e6;
  const before = await memory();
  console.log('another load, the page then idle:');
  await once('  work done ahead', () => explorer.prepare());
  console.log(`  it holds ${(await memory() - before).toFixed(0)} MB of DuckDB's memory`);
  await view('opened after the work done ahead');
  db.close();
}, 1_800_000);
