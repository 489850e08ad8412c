/**
 * Runs every current module whose inputs are loaded, on any `Db`, one after another (module
 * variables are per connection). A module that fails carries its error; the others still run.
 */
import type { CanonicalTableName } from '../lib/canonical';
import type { Db, Row, SqlValue } from '../lib/db';
import type { ColumnFormat, HeadlineFormat, QueryModule } from '../lib/queryModule';
import { headlineRow, runModule, type ParamValues } from '../lib/runModule';
import { applyScope, baseSchema, customerFilterOn, unfilteredTables, useSide, type CompareSide, type Scope, type ScopeModules } from '../lib/scope';
import type { FacetChoices, SegmentDef } from '../lib/customerSets';
import { scopeFamilies } from '../lib/moduleCatalog';
import { derivedTables } from '../lib/canonical';
import { missingNeeds } from '../lib/loadedColumns';
import { withPrepared } from '../lib/prepared';
import { fitClv, type ClvFit, type ClvOptions } from '../lib/clv/fitClv';
import type { ClvMath } from '../lib/clv/clvMath';
import { scoreMentions } from '../lib/sentiment/scoreMentions';
import { t } from '../lib/i18n';
import { sqlError } from '../worker/outcomes';

export interface ModuleResult {
  id: string;
  version: number;
  title: string;
  headline: { column: string; format: HeadlineFormat; value: SqlValue } | null;
  /** How the result's columns read (the module's `show:` lines), in order. */
  columns: { name: string; label: string; format: ColumnFormat }[];
  rows: Row[];
  error?: string;
  /** With a compared segment: the module for the segment's customers and for everyone else in scope. */
  compare?: { segment: SideResult; rest: SideResult };
  /** Tables read whole though a facet or segment is on: they hold no customer. */
  unfiltered?: string[];
}

export interface SideResult {
  headline: SqlValue | null;
  rows: Row[];
  error?: string;
}

export interface KpiReport {
  period: { start: string; end: string };
  /** The facets, segment filter and compared segment applied (src/lib/scope.ts). */
  scope?: { facets?: FacetChoices; segment?: SegmentDef; compareSegment?: SegmentDef };
  modules: ModuleResult[];
  /** Modules not run, with their inputs not loaded, as `table(col, ...)` (a prepared table is asked for as the orders). */
  skipped: { id: string; title: string; needs: string[] }[];
  /** The lifetime-value models fitted on the orders, when the catalog has clv_summary and orders are loaded. */
  clv?: Omit<ClvFit, 'fitMs'> | { error: string };
}

export interface RunOptions extends Pick<ClvOptions, 'horizonMonths' | 'monthlyDiscount'> {
  calibrationEnd?: string;
  /** Values given to modules' parameters, by module id (`--param`), already checked by `moduleParams`. */
  params?: Map<string, ParamValues>;
  /** Order lines per part of a prepared table (src/lib/prepared.ts). */
  linesPerPart?: number;
  /** The facet modules and customer facts (src/lib/customerScope.ts), when facets or segments are given. */
  scopeModules?: ScopeModules;
  /** Where the lifetime-value models are fitted: in place unless given (the command line passes a thread of its own, src/cli/clvMathThread.ts). */
  math?: ClvMath;
  /** Wraps each step (prepared tables, the fit, each module), for progress and clearer errors. */
  step?: <T>(name: string, run: () => Promise<T>) => Promise<T>;
}

export { missingNeeds } from '../lib/loadedColumns';

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
  options: RunOptions = {},
): Promise<KpiReport> {
  const step = options.step ?? ((_name, run) => run());
  // Mentions without a sentiment column are scored here, as the browser does on load.
  if (columns.has('social_mentions')) {
    await step(t('runner.step.scoring'), () => scoreMentions(db));
    columns.get('social_mentions')!.add('sentiment');
  }
  await step(t('runner.step.prepared'), () => applyScope(db, scope, [...columns.keys()], true, options.linesPerPart, options.scopeModules));
  const applied = { ...(customerFilterOn(scope) ? { facets: scope.facets } : {}), ...(scope.segment ? { segment: scope.segment } : {}), ...(scope.compareSegment ? { compareSegment: scope.compareSegment } : {}) };
  const report: KpiReport = { period: { start: scope.start, end: scope.end }, ...(Object.keys(applied).length ? { scope: applied } : {}), modules: [], skipped: [] };
  // The summary only feeds the lifetime-value fit; modules reading its predictions run after it.
  const summary = modules.find((m) => m.id === 'clv_summary');
  const available = withPrepared(new Map<string, Set<string>>(columns));
  if (summary && missingNeeds(summary, available).length === 0) {
    try {
      const given = options.params?.get(summary.id) ?? {};
      const timeUnitDays = typeof given.time_unit_days === 'number' ? given.time_unit_days : undefined;
      const calibrationEnd = options.calibrationEnd ?? (typeof given.calibration_end === 'string' ? given.calibration_end : null);
      const clvOptions = { horizonMonths: options.horizonMonths, monthlyDiscount: options.monthlyDiscount, calibrationEnd, ...(timeUnitDays ? { timeUnitDays } : {}) };
      const { fitMs: _, ...fit } = await step(t('runner.step.clv'), () => fitClv(db, summary, clvOptions, options.math));
      report.clv = fit;
      for (const [table, cols] of Object.entries(derivedTables)) available.set(table, new Set(cols.map((c) => c.name)));
    } catch (e) {
      report.clv = { error: sqlError(e).message };
    }
  }
  for (const module of modules) {
    if (module === summary || scopeFamilies.includes(module.family)) continue;
    const missing = missingNeeds(module, available);
    if (missing.length) {
      report.skipped.push({ id: module.id, title: module.title, needs: missing });
      continue;
    }
    const base = { id: module.id, version: module.version, title: module.title, columns: module.columns.map(({ name, label, format }) => ({ name, label, format })) };
    try {
      const rows = await step(module.id, () => runModule(db, module, options.params?.get(module.id)));
      const top = module.headline ? headlineRow(module, rows) : undefined;
      const headline = module.headline && top ? { ...module.headline, value: top[module.headline.column] ?? null } : null;
      const unfiltered = unfilteredTables(module.needs.map((n) => n.table), scope);
      const compare = scope.compareSegment ? { segment: await side(db, module, 'segment', options), rest: await side(db, module, 'rest', options) } : undefined;
      report.modules.push({ ...base, headline, rows, ...(compare ? { compare } : {}), ...(unfiltered.length ? { unfiltered } : {}) });
    } catch (e) {
      report.modules.push({ ...base, headline: null, rows: [], error: sqlError(e).message });
    }
  }
  return report;
}

/** The module over one side of the compared segment (the connection's search_path, put back after). */
async function side(db: Db, module: QueryModule, which: CompareSide, options: RunOptions): Promise<SideResult> {
  const step = options.step ?? ((_name, run) => run());
  try {
    await useSide(db, which);
    const rows = await step(t(which === 'segment' ? 'runner.step.side.segment' : 'runner.step.side.rest', { id: module.id }), () => runModule(db, module, options.params?.get(module.id)));
    const top = module.headline ? headlineRow(module, rows) : undefined;
    return { headline: module.headline && top ? (top[module.headline.column] ?? null) : null, rows };
  } catch (e) {
    return { headline: null, rows: [], error: sqlError(e).message };
  } finally {
    await useSide(db, undefined);
  }
}
