// Pins that every current query module gives identical results on DuckDB-WASM (the browser's
// engine; Parquet through parquet-wasm -> Arrow IPC) and native DuckDB (the command-line runner;
// read_parquet), on the same canonical Parquet files, loaded by the same ingestion, and the same scopes. Results must match
// value for value and row for row; the only allowance is a relative difference below 1e-9 in
// floating-point numbers, because the engines may add in a different order (threads, versions).
// Data: the sample store (static/sample/*.parquet), and a synthetic store with awkward values.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadFiles } from '../../src/cli/loadFiles';
import { openNativeDb, type NativeDb } from '../../src/cli/nativeDb';
import { readCatalog } from '../../src/cli/readModules';
import { orderDateRange, runKpis, type KpiReport } from '../../src/cli/runKpis';
import { scopeModules } from '../../src/lib/customerScope';
import { explorerFamilies, scopeFamilies } from '../../src/lib/moduleCatalog';
import { canonicalTableNames, type CanonicalTableName } from '../../src/lib/canonical';
import type { Db } from '../../src/lib/db';
import type { Scope } from '../../src/lib/scope';
import { differences } from '../support/kpiDifferences';
import { writeSyntheticStore } from '../support/syntheticStore';
import { ingest } from '../../src/worker/ingest/ingest';
import type { IngestHost } from '../../src/worker/ingest/types';
import { openIngestHost } from '../support/ingestHost';
import type { WasmDb } from '../support/wasmDb';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sampleDir = join(root, 'static/sample');
const sampleFiles = canonicalTableNames.map((t) => join(sampleDir, `${t}.parquet`)).filter((f) => existsSync(f));
// The catalog, plus probes written in the style of KPI SQL (cohorts, quantiles, ISO weeks, FILTER,
// full joins, ordered string_agg) so that engine differences show even before the catalog grows.
const fixtureModules = ['test/fixtures/cli/queries', 'test/fixtures/crossEngine/queries'].flatMap((d) => readCatalog(join(root, d)).current);
// The facet and explorer modules are read by the scope layer and the explorer, not run as KPIs (as in the runner).
const modules = [...readCatalog().current.filter((m) => !scopeFamilies.includes(m.family) && !explorerFamilies.includes(m.family)), ...fixtureModules];
const facetModules = scopeModules(readCatalog().current);

async function baseColumns(db: Db): Promise<Map<CanonicalTableName, Set<string>>> {
  const rows = await db.rows(
    "select table_name as t, column_name as c from information_schema.columns where table_schema = 'base' order by t, ordinal_position",
  );
  const columns = new Map<CanonicalTableName, Set<string>>();
  for (const r of rows) {
    const t = r.t as CanonicalTableName;
    if (!columns.has(t)) columns.set(t, new Set());
    columns.get(t)!.add(String(r.c));
  }
  return columns;
}

const datasets: { name: string; files: (native: NativeDb, tmp: string) => Promise<string[]>; present: boolean }[] = [
  { name: 'the sample store', files: async () => sampleFiles, present: sampleFiles.length > 0 },
  { name: 'a synthetic store', files: writeSyntheticStore, present: true },
];

describe.each(datasets.filter((d) => d.present))('on $name', ({ files: makeFiles }) => {
  let wasm: IngestHost & { wasm: WasmDb };
  let native: NativeDb;
  let tmp: string;
  const loaded = new Map<string, Map<CanonicalTableName, Set<string>>>();

  beforeAll(async () => {
    [wasm, native] = await Promise.all([openIngestHost(), openNativeDb()]);
    tmp = mkdtempSync(join(tmpdir(), 'clientele-cross-'));
    const files = await makeFiles(native, tmp);
    await loadFiles(native, files);
    // The page's way: each file's bytes through the same ingestion, on DuckDB-WASM.
    for (const file of files) {
      const out = await ingest(wasm, { name: basename(file), data: new Uint8Array(readFileSync(file)) });
      if (!out.ok || out.value.status !== 'loaded') throw new Error(`${file} did not load on DuckDB-WASM`);
    }
    loaded.set('wasm', await baseColumns(wasm));
    loaded.set('native', await baseColumns(native));
  });

  afterAll(() => {
    wasm?.wasm.close();
    native?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  async function bothEngines(scope: Scope): Promise<{ w: KpiReport; n: KpiReport }> {
    const w = await runKpis(wasm, modules, loaded.get('wasm')!, scope, { scopeModules: facetModules });
    const n = await runKpis(native, modules, loaded.get('native')!, scope, { scopeModules: facetModules });
    return { w, n };
  }

  test('both engines load the same tables, columns, types and rows', async () => {
    const shape = (m: Map<CanonicalTableName, Set<string>>) => [...m].map(([t, cs]) => `${t}(${[...cs].join(',')})`).sort();
    expect(shape(loaded.get('native')!)).toEqual(shape(loaded.get('wasm')!));
    expect(loaded.get('native')!.has('orders')).toBe(true);
    const types = "select table_name, column_name, data_type from information_schema.columns where table_schema = 'base' order by all";
    expect(await native.rows(types)).toEqual(await wasm.rows(types));
    for (const table of loaded.get('native')!.keys()) {
      const sql = `select count(*) as n, count(distinct columns(*)) from base.${table}`;
      expect(await native.rows(sql), table).toEqual(await wasm.rows(sql));
    }
  });

  test('every current module gives the same result on both engines over the whole period', async () => {
    const range = (await orderDateRange(native))!;
    expect(await orderDateRange(wasm)).toEqual(range);
    const { w, n } = await bothEngines(range);
    // clv_summary is consumed by the lifetime-value fit rather than reported as a module.
    expect(w.modules.length + w.skipped.length + (w.clv && !('error' in w.clv) ? 1 : 0)).toBe(modules.length);
    const fixtureIds = new Set(fixtureModules.map((m) => m.id));
    const fixtureRuns = w.modules.filter((m) => fixtureIds.has(m.id));
    expect(fixtureRuns.filter((m) => m.error).map((m) => `${m.id}: ${m.error?.split('\n')[0]}`)).toEqual(['deliberately_failing: the database stopped with an error (Invalid Input Error: deliberate failure). Check the query and the data it reads, then run it again.']);
    expect(fixtureRuns.filter((m) => m.rows.length === 0).map((m) => m.id)).toEqual(['deliberately_failing']);
    expect(differences(w, n, ['deliberately_failing'])).toEqual([]);
  });

  test('and over the last 90 days, for the customers of the two commonest channels and three commonest countries', async () => {
    const range = (await orderDateRange(native))!;
    const start = new Date(Date.parse(`${range.end}T00:00:00Z`) - 89 * 86_400_000).toISOString().slice(0, 10);
    const common = async (column: string, n: number) =>
      (await native.rows(`select ${column} as v from base.orders where ${column} is not null group by all order by count(*) desc, v limit ${n}`)).map((r) => String(r.v));
    const scope: Scope = { start, end: range.end, facets: { channel: await common('channel', 2), country: await common('country', 3) } };
    const { w, n } = await bothEngines(scope);
    expect(w.modules.some((m) => m.rows.length > 0 && !m.error)).toBe(true);
    expect(differences(w, n, ['deliberately_failing'])).toEqual([]);
  });
});
