/**
 * The Arquero side: orders loaded from Parquet (parquet-wasm -> Arrow IPC -> aq.fromArrow -> arrays) and
 * from CSV (aq.fromCSV), then each KPI of arquero/kpis.ts checked against its SQL module on the
 * same data and timed, medians over runs.
 */
import * as aq from 'arquero';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readParquet } from 'parquet-wasm/node';
import { readCatalog } from '../../src/cli/readModules';
import type { Db } from '../../src/lib/db';
import { runModule } from '../../src/lib/runModule';
import { applyScope } from '../../src/lib/scope';
import { differences } from './arquero/compare';
import { arqueroKpis } from './arquero/kpis';
import { storeDir, type Size } from './data';
import type { Period } from './notebook';
import { elapsed, median, ms, repeat } from './stats';

/**
 * Arquero's best case: Arrow-backed columns decode strings on every access, which made the
 * KPIs 2-3x slower than on plain arrays, so the columns are copied out once (counted in the load).
 */
export function loadOrdersParquet(size: Size): aq.ColumnTable {
  const ipc = readParquet(readFileSync(join(storeDir(size), 'orders.parquet'))).intoIPCStream();
  const arrow = aq.fromArrow(ipc, { useDate: false });
  return aq.table(Object.fromEntries(arrow.columnNames().map((n) => [n, Array.from(arrow.column(n) as Iterable<unknown>)])));
}

/** Differences between each Arquero KPI and its SQL module, on a db whose base.orders holds the same orders. */
export async function checkArquero(db: Db, orders: aq.ColumnTable, period: Period): Promise<string[]> {
  await applyScope(db, period, ['orders']);
  const catalog = readCatalog();
  const out: string[] = [];
  for (const [id, kpi] of Object.entries(arqueroKpis)) {
    // An id@version names a retired module (churn_rate, merged into retention_rate).
    const module = catalog.byRef.get(id) ?? catalog.current.find((m) => m.id === id);
    if (!module) throw new Error(`no module ${id}`);
    out.push(...differences(id, await runModule(db, module), kpi(orders, period)));
  }
  return out;
}

export interface ArqueroResult {
  size: Size;
  loadParquetMs: number;
  loadCsvMs: number;
  /** KPI id -> median milliseconds. */
  kpis: Record<string, number>;
  totalMs: number;
}

export async function arqueroBench(size: Size, period: Period, runs: number): Promise<ArqueroResult> {
  const loadCsvMs = await elapsed(async () => aq.fromCSV(readFileSync(join(storeDir(size), 'orders.csv'), 'utf8')));
  let orders!: aq.ColumnTable;
  const loadParquetMs = await elapsed(async () => (orders = loadOrdersParquet(size)));
  const samples = await repeat(runs, 1, async () => {
    const times: Record<string, number> = {};
    for (const [id, kpi] of Object.entries(arqueroKpis)) times[id] = await elapsed(async () => kpi(orders, period));
    return times;
  });
  const kpis = Object.fromEntries(Object.keys(arqueroKpis).map((id) => [id, ms(median(samples.map((s) => s[id])))]));
  const totalMs = ms(median(samples.map((s) => Object.values(s).reduce((a, b) => a + b, 0))));
  return { size, loadParquetMs: ms(loadParquetMs), loadCsvMs: ms(loadCsvMs), kpis, totalMs };
}
