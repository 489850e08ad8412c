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

/** Each customer's search key (id, name and e-mail, lower case, accents stripped), from a table with those columns. */
export function searchKeySql(from: string): string {
  return `select customer_id, strip_accents(lower(concat_ws(' ', customer_id, name, email))) as search_key from ${from}`;
}

/**
 * The search as a bound condition on the customer id, whose key `keys` holds (`searchKeySql`):
 * "zoe" finds Zoë, "OHARA" does not find O'Hara but "o'hara" does. Empty: everyone.
 */
export function listSearchSql(search: string | undefined, keys: string): { where: string; params: SqlValue[] } {
  const text = search?.trim();
  if (!text) return { where: '', params: [] };
  return { where: ` where customer_id in (select customer_id from ${keys} where contains(search_key, strip_accents(lower(?))))`, params: [text] };
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
