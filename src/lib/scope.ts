/**
 * The scope layer: what the user picked (date range, facets, segment) turned into
 * views and variables, so KPI SQL never has to know about filters.
 *
 * Loaded data lives in schema `base` (base.orders, base.customers, ...). The views
 * `orders`, `customers`, ... in the default schema select from them with the facet filters;
 * they never filter by date, because a "new customer" or a churn window needs history.
 * The date range is the variables `period_start` / `period_end` (DATE, inclusive).
 * A kept currency (src/lib/currency.ts) is the one filter on order lines, not on customers:
 * amounts in two currencies cannot be added, whoever the customer is.
 */
import { canonicalTables, type CanonicalTableName } from './canonical';
import { currencyKey } from './currency';
import { quoteIdent, type Db } from './db';
import { buildPrepared } from './prepared';

export interface Scope {
  /** First day in the period, 'YYYY-MM-DD'. */
  start: string;
  /** Last day in the period (inclusive), 'YYYY-MM-DD'. */
  end: string;
  /** Column -> allowed values, applied to every table that has the column. */
  facets?: Record<string, string[]>;
  /** Customer ids in the chosen segment, held in table `scope_segment`; absent = everyone. */
  segment?: boolean;
  /**
   * Only when the orders hold several currencies: the one whose order lines every KPI reads
   * (ISO code, upper case). Lines with no currency are left out with the others.
   */
  currency?: string;
}

export const baseSchema = 'base';

/** Creates the `base` schema once. */
export async function ensureBaseSchema(db: Db): Promise<void> {
  await db.exec(`create schema if not exists ${baseSchema}`);
}

/**
 * (Re)creates the scoped views over whichever canonical tables are loaded, rebuilds the prepared
 * tables from them (src/lib/prepared.ts; pass `prepare: false` when neither the data nor the
 * facets changed since they were built), and sets the period. `perPart`: order lines per part
 * of a prepared table (an engine with more memory takes larger parts).
 */
export async function applyScope(db: Db, scope: Scope, loaded: CanonicalTableName[], prepare = true, perPart?: number): Promise<void> {
  // A view cannot hold bound parameters, so each facet's values go into a one-column table
  // (never pasted into SQL text: a city named Cote d'Ivoire must not break anything).
  const facets = Object.entries(scope.facets ?? {}).filter(([, values]) => values.length > 0);
  for (const [column, values] of facets) {
    const holder = quoteIdent(`scope_facet_${column}`);
    await db.exec(`create or replace table ${holder} (v varchar)`);
    for (const value of values) await db.exec(`insert into ${holder} values (?)`, [value]);
  }
  if (scope.currency) {
    await db.exec('create or replace table scope_currency (v varchar)');
    await db.exec('insert into scope_currency values (?)', [scope.currency]);
  }
  for (const table of loaded) {
    const columns = new Set(canonicalTables[table].columns.map((c) => c.name));
    const where = facets
      .filter(([column]) => columns.has(column))
      .map(([column]) => `${quoteIdent(column)} in (select v from ${quoteIdent(`scope_facet_${column}`)})`);
    if (scope.currency && columns.has('currency')) {
      where.push(`${currencyKey('currency')} in (select v from scope_currency)`);
    }
    if (scope.segment && columns.has('customer_id')) {
      where.push('customer_id in (select customer_id from scope_segment)');
    }
    const filter = where.length ? ` where ${where.join(' and ')}` : '';
    await db.exec(`create or replace view ${quoteIdent(table)} as select * from ${baseSchema}.${quoteIdent(table)}${filter}`);
  }
  if (prepare) await buildPrepared(db, loaded, perPart);
  await setPeriod(db, scope.start, scope.end);
}

/** Sets `period_start` and `period_end`; every module reads the period from these. */
export async function setPeriod(db: Db, start: string, end: string): Promise<void> {
  await db.exec('set variable period_start = cast(? as date)', [start]);
  await db.exec('set variable period_end = cast(? as date)', [end]);
}

/** The period of the same length that ends the day before `start`. */
export function previousPeriod(start: string, end: string): { start: string; end: string } {
  const day = 86_400_000;
  const s = Date.parse(`${start}T00:00:00Z`);
  const e = Date.parse(`${end}T00:00:00Z`);
  const length = e - s + day;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { start: iso(s - length), end: iso(s - day) };
}
