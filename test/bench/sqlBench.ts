/**
 * The KPI SQL on one engine and one store: Parquet and CSV load times, then the default
 * notebook's SQL (see notebook.ts) run after a warm-up, medians per module and in total.
 */
import type { Size } from './data';
import { storeFiles } from './data';
import { openEngine, type EngineName } from './engines';
import { baseColumns, defaultPeriod, notebookModules, runNotebook } from './notebook';
import { elapsed, median, medians, ms, repeat } from './stats';

export interface SqlResult {
  engine: EngineName;
  size: Size;
  loadParquetMs: number;
  loadCsvMs: number;
  /** The first notebook run after loading (cold caches). */
  firstNotebookMs: number;
  notebookMs: number;
  modules: Record<string, number>;
  rows: Record<string, number>;
}

export async function sqlBench(name: EngineName, size: Size, runs: number): Promise<SqlResult> {
  const engine = await openEngine(name);
  try {
    const loadCsvMs = await elapsed(() => engine.load(storeFiles(size, 'csv')));
    const loadParquetMs = await elapsed(() => engine.load(storeFiles(size, 'parquet')));
    const columns = await baseColumns(engine.db);
    const modules = notebookModules(columns);
    const period = await defaultPeriod(engine.db);
    const run = () => runNotebook(engine.db, modules, period, [...columns.keys()]);
    const first = await run();
    const samples = await repeat(runs, 0, run);
    return {
      engine: name,
      size,
      loadParquetMs: ms(loadParquetMs),
      loadCsvMs: ms(loadCsvMs),
      firstNotebookMs: ms(first.totalMs),
      notebookMs: ms(median(samples.map((s) => s.totalMs))),
      modules: medians(samples.map((s) => s.modules)),
      rows: first.rows,
    };
  } finally {
    engine.close();
  }
}
