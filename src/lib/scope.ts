/**
 * The scope layer: what the user picked (date range, facets, segment) turned into views and
 * variables, so KPI SQL never has to know about filters.
 *
 * Loaded data lives in schema `base` (base.orders, base.customers, ...). Three layers of views:
 *
 * - `everyone.<table>`: every customer's rows, with the one filter on order lines, the kept
 *   currency (src/lib/currency.ts: amounts in two currencies cannot be added, whoever the customer
 *   is). The prepared tables (src/lib/prepared.ts) are built here, once per load or currency, and
 *   the facet modules (`queries/facets/`) read here, so a facet never rebuilds them.
 * - `main.<table>` (what modules read): the customers in scope, when a facet or a segment filter
 *   is on: the facets' customers go into table `scope_customers`, and every table with a
 *   `customer_id` (orders, customers, tickets, surveys, leads, visits) and every prepared table
 *   keeps those customers' whole records. Tables without customers (marketing_spend,
 *   social_mentions) are not filtered: `unfilteredTables` says which a cell reads.
 * - `seg_in.<table>` / `seg_rest.<table>`, only while a segment is compared: the same views
 *   kept to the segment's customers, and to everyone else in scope. A module runs over one or
 *   the other by the connection's search_path (`useSide`), tables without customers falling
 *   through to main.
 *
 * They never filter by date, because a "new customer" or a churn window needs history. The
 * date range is the variables `period_start` / `period_end` (DATE, inclusive).
 */
import { canonicalTables, type CanonicalTableName } from './canonical';
import { currencyKey } from './currency';
import type { FacetChoices, SegmentDef } from './customerSets';
import { buildFacetPairs, chooseCustomers, customerTables, everyoneSchema, sideSchemas, type CompareSide, type ScopeModules } from './customerScope';
import { quoteIdent, type Db } from './db';
import { buildPrepared } from './prepared';

export { customerTables, everyoneSchema, sideSchemas, type CompareSide, type ScopeModules } from './customerScope';

export interface Scope {
  /** First day in the period, 'YYYY-MM-DD'. */
  start: string;
  /** Last day in the period (inclusive), 'YYYY-MM-DD'. */
  end: string;
  /**
   * Facet id -> values chosen: the customers every KPI reads (values of a facet OR'ed, facets
   * AND'ed), with all their records. Ids are the facet modules' (`queries/facets/<id>.sql`).
   */
  facets?: FacetChoices;
  /** A segment used as a filter: of the customers the facets keep, only those it holds. */
  segment?: SegmentDef;
  /**
   * A segment compared with everyone else: every KPI cell can run for the segment's customers
   * and for the others in scope (`runModule`'s `side`, src/lib/api.ts).
   */
  compareSegment?: SegmentDef;
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
 * (Re)creates the views over whichever canonical tables are loaded and sets the period. With
 * `prepare` (the data or the kept currency changed since the last call) it rebuilds the
 * `everyone` views, the prepared tables and the facets' pairs that do not depend on the dates;
 * otherwise only the customers in scope are chosen again. `perPart`: order lines per part of a
 * prepared table (an engine with more memory takes larger parts). `modules`: the facet modules
 * and the customer facts (needed only when a facet or segment is on).
 */
export async function applyScope(
  db: Db,
  scope: Scope,
  loaded: CanonicalTableName[],
  prepare = true,
  perPart?: number,
  modules: ScopeModules = { facets: [] },
): Promise<void> {
  await setPeriod(db, scope.start, scope.end);
  if (prepare) {
    await db.exec(`drop schema if exists ${everyoneSchema} cascade`);
    await db.exec(`create schema ${everyoneSchema}`);
    // A view cannot hold bound parameters: the kept currency goes into a one-row table.
    await db.exec(`create or replace table ${everyoneSchema}.scope_currency (v varchar)`);
    if (scope.currency) await db.exec(`insert into ${everyoneSchema}.scope_currency values (?)`, [scope.currency]);
    for (const table of loaded) {
      const columns = new Set(canonicalTables[table].columns.map((c) => c.name));
      const filter = scope.currency && columns.has('currency') ? ` where ${currencyKey('currency')} in (select v from ${everyoneSchema}.scope_currency)` : '';
      await db.exec(`create view ${everyoneSchema}.${quoteIdent(table)} as select * from ${baseSchema}.${quoteIdent(table)}${filter}`);
    }
    // The facets read a customer's country, city and channel from the customer list when there
    // is one: without one they read an empty list.
    if (!loaded.includes('customers')) {
      const typed = canonicalTables.customers.columns.map((c) => `cast(null as ${c.type}) as ${quoteIdent(c.name)}`).join(', ');
      await db.exec(`create view ${everyoneSchema}.customers as select ${typed} where false`);
    }
    await buildPrepared(db, loaded, perPart, everyoneSchema);
    await buildFacetPairs(db, modules, loaded);
  }
  await chooseCustomers(db, scope, loaded, modules);
}

/** Sets `period_start` and `period_end`; every module reads the period from these. */
export async function setPeriod(db: Db, start: string, end: string): Promise<void> {
  await db.exec('set variable period_start = cast(? as date)', [start]);
  await db.exec('set variable period_end = cast(? as date)', [end]);
}

/**
 * Points unqualified table names of the connection at one side of the compared segment, or back
 * at the whole scope (`undefined`). Per connection: other connections' runs are not affected.
 */
export async function useSide(db: Db, side: CompareSide | undefined): Promise<void> {
  if (!side) {
    await db.exec('reset search_path');
    return;
  }
  await db.exec(`set search_path = '${sideSchemas[side]},main'`);
}

/** Whether a facet or a segment filter narrows the customers every KPI reads. */
export function customerFilterOn(scope: Pick<Scope, 'facets' | 'segment'>): boolean {
  return Boolean(scope.segment) || Object.values(scope.facets ?? {}).some((values) => values.length > 0);
}

/** Tables facets and segments never filter: they hold no customer. */
export const tablesWithoutCustomers = (Object.keys(canonicalTables) as CanonicalTableName[]).filter((t) => !customerTables.includes(t));

/**
 * Of the tables `sql` (or a module's `needs`) reads, those a facet, segment or comparison does not
 * narrow (marketing spend, social mentions): a cell reading them shows them whole, and the page
 * says so (`scope.unfiltered` in src/lib/i18n.ts). Empty when no customer filter is on.
 */
export function unfilteredTables(read: string | string[], scope: Pick<Scope, 'facets' | 'segment' | 'compareSegment'>): string[] {
  if (!customerFilterOn(scope) && !scope.compareSegment) return [];
  const tables = typeof read === 'string' ? tablesWithoutCustomers.filter((t) => new RegExp(`\\b${t}\\b`, 'i').test(read)) : read;
  return tables.filter((t) => (tablesWithoutCustomers as string[]).includes(t));
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
