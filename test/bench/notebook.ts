/**
 * The SQL work of the default notebook, on any `Db`: every current module whose inputs are
 * loaded, run for the period, and again for the comparison period when it has a headline
 * (as the app's cells do), plus the lifetime-value summary the model fit reads. Modules over
 * the fitted predictions are left out: they wait on a TypeScript fit, not on the engine.
 */
import { readCatalog } from '../../src/cli/readModules';
import { missingNeeds } from '../../src/cli/runKpis';
import type { CanonicalTableName } from '../../src/lib/canonical';
import type { Db } from '../../src/lib/db';
import { explorerFamilies, scopeFamilies } from '../../src/lib/moduleCatalog';
import { withPrepared } from '../../src/lib/prepared';
import type { QueryModule } from '../../src/lib/queryModule';
import { runModule } from '../../src/lib/runModule';
import { applyScope, baseSchema, previousPeriod, setPeriod, type Scope } from '../../src/lib/scope';

export interface Period {
  start: string;
  end: string;
}

export function notebookModules(columns: Map<CanonicalTableName, Set<string>>): QueryModule[] {
  const available = withPrepared(new Map<string, Set<string>>(columns));
  // As on the page: the explorer's modules are not notebook cells (explorerBench.ts times them).
  return readCatalog().current.filter((m) => !explorerFamilies.includes(m.family) && !scopeFamilies.includes(m.family) && missingNeeds(m, available).length === 0);
}

/** The app's default scope: the last 365 days up to the last order. */
export async function defaultPeriod(db: Db): Promise<Period> {
  const [row] = await db.rows(`select strftime(max(order_date), '%Y-%m-%d') as last from ${baseSchema}.orders`);
  const end = String(row.last);
  const start = new Date(Date.parse(`${end}T00:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);
  return { start, end };
}

/** Canonical table -> its columns, as loaded into schema `base`. */
export async function baseColumns(db: Db): Promise<Map<CanonicalTableName, Set<string>>> {
  const rows = await db.rows("select table_name as t, column_name as c from information_schema.columns where table_schema = 'base'");
  const columns = new Map<CanonicalTableName, Set<string>>();
  for (const r of rows) {
    const t = r.t as CanonicalTableName;
    columns.set(t, (columns.get(t) ?? new Set()).add(String(r.c)));
  }
  return columns;
}

export interface NotebookRun {
  /** Module id -> milliseconds for the period (the comparison run excluded). */
  modules: Record<string, number>;
  /** All the notebook's SQL, comparison runs included. */
  totalMs: number;
  /** Rows each module returned for the period, to show the engines did the same work. */
  rows: Record<string, number>;
}

export async function runNotebook(db: Db, modules: QueryModule[], scope: Scope, loaded: CanonicalTableName[]): Promise<NotebookRun> {
  const t0 = performance.now();
  await applyScope(db, scope, loaded);
  const compare = previousPeriod(scope.start, scope.end);
  const run: NotebookRun = { modules: {}, totalMs: 0, rows: {} };
  for (const module of modules) {
    const t = performance.now();
    run.rows[module.id] = (await runModule(db, module)).length;
    run.modules[module.id] = performance.now() - t;
    if (module.headline) {
      await setPeriod(db, compare.start, compare.end);
      await runModule(db, module);
      await setPeriod(db, scope.start, scope.end);
    }
  }
  run.totalMs = performance.now() - t0;
  return run;
}
