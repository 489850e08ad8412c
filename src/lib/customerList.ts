/**
 * What the explorer's list and the runner's `--customers` share besides the modules: which column a
 * list may be sorted by, how a search matches, which module gives each part of a customer report.
 */
import type { SqlValue } from './db';
import type { QueryModule } from './queryModule';

/**
 * `order by` for the list: a column of customer_facts (nothing else reaches the SQL), NULLs last
 * either way, then the customer id so pages never overlap. Undefined for any other name.
 */
export function listSortSql(facts: QueryModule, sort: string, descending: boolean): string | undefined {
  if (!facts.columns.some((c) => c.name === sort)) return undefined;
  const tie = sort === 'customer_id' ? '' : ', customer_id';
  return `"${sort}" ${descending ? 'desc' : 'asc'} nulls last${tie}`;
}

/**
 * The search as a bound condition on `search_key` (id, name and e-mail, lower case, accents
 * stripped): "zoe" finds Zoë, "OHARA" does not find O'Hara but "o'hara" does. Empty: everyone.
 */
export function listSearchSql(search: string | undefined): { where: string; params: SqlValue[] } {
  const text = search?.trim();
  if (!text) return { where: '', params: [] };
  return { where: ' where contains(search_key, strip_accents(lower(?)))', params: [text] };
}

/** The customer report's parts and the module that computes each, in the order they are run. */
export const reportParts: [string, string][] = [
  ['identity', 'customer_report_identity'],
  ['summary', 'customer_report_summary'],
  ['monthly', 'customer_report_monthly'],
  ['products', 'customer_report_products'],
  ['tickets', 'customer_report_tickets'],
  ['surveys', 'customer_report_surveys'],
  ['prediction', 'customer_report_prediction'],
];
