/**
 * Runs every current module whose inputs are loaded, on any `Db`, one after another (module
 * variables are per connection). A module that fails carries its error; the others still run.
 */
import type { CanonicalTableName } from '../lib/canonical';
import type { Db, Row, SqlValue } from '../lib/db';
import type { HeadlineFormat, QueryModule } from '../lib/queryModule';
import { headlineRow, runModule } from '../lib/runModule';
import { applyScope, baseSchema, type Scope } from '../lib/scope';

export interface ModuleResult {
  id: string;
  version: number;
  title: string;
  headline: { column: string; format: HeadlineFormat; value: SqlValue } | null;
  rows: Row[];
  error?: string;
}

export interface KpiReport {
  period: { start: string; end: string };
  modules: ModuleResult[];
  skipped: { id: string; needs: string[] }[];
}

/** Needs not met by the loaded columns, as `table(col, ...)` texts. */
export function missingNeeds(module: QueryModule, columns: Map<string, Set<string>>): string[] {
  return module.needs
    .filter((n) => !columns.has(n.table) || n.columns.some((c) => !columns.get(n.table)!.has(c)))
    .map((n) => `${n.table}(${n.columns.join(', ')})`);
}

/** The whole order date range, 'YYYY-MM-DD' both ends; undefined when there are no dated orders. */
export async function orderDateRange(db: Db): Promise<{ start: string; end: string } | undefined> {
  const [row] = await db.rows(
    `select strftime(min(order_date), '%Y-%m-%d') as first, strftime(max(order_date), '%Y-%m-%d') as last from ${baseSchema}.orders`,
  );
  return row && row.first !== null ? { start: String(row.first), end: String(row.last) } : undefined;
}

export async function runKpis(
  db: Db,
  modules: QueryModule[],
  columns: Map<CanonicalTableName, Set<string>>,
  scope: Scope,
): Promise<KpiReport> {
  await applyScope(db, scope, [...columns.keys()]);
  const report: KpiReport = { period: { start: scope.start, end: scope.end }, modules: [], skipped: [] };
  for (const module of modules) {
    const missing = missingNeeds(module, columns);
    if (missing.length) {
      report.skipped.push({ id: module.id, needs: missing });
      continue;
    }
    const base = { id: module.id, version: module.version, title: module.title };
    try {
      const rows = await runModule(db, module);
      const top = module.headline ? headlineRow(module, rows) : undefined;
      const headline = module.headline && top ? { ...module.headline, value: top[module.headline.column] ?? null } : null;
      report.modules.push({ ...base, headline, rows });
    } catch (e) {
      report.modules.push({ ...base, headline: null, rows: [], error: (e as Error).message });
    }
  }
  return report;
}
