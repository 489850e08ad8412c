/**
 * How the customer report reads its parts: each value by the `show:` line of the customer module
 * that returns it (queries/customers/), else by its name (amounts as money, counts as integers,
 * dates as dates). Which fields are the identity, which the headline figures.
 */
import { humanise } from './chartSpec';
import type { Row } from './db';
import { moduleCatalog } from './queryModules';
import type { ColumnFormat, ResultType } from './queryModule';

export interface Field {
  name: string;
  label: string;
  format: ColumnFormat;
  type: ResultType;
}

const money = /(revenue|sales|refund|profit|value|monetary|spend|clv|amount|aov)/;
const count = /(orders|count|quantity|tickets|answers|customers|frequency|days)$/;
const date = /(_at|_date|_order|^month|^day|first_seen|since)$/;

let known: Map<string, Field> | undefined;

/** The customer modules' columns by name (the first module to show a name gives its label). */
function shown(): Map<string, Field> {
  if (known) return known;
  known = new Map();
  const modules = moduleCatalog().current.filter((m) => m.family === 'customers' || m.family === 'segments');
  for (const m of modules) for (const c of m.columns) if (c.shown && !known.has(c.name)) known.set(c.name, { name: c.name, label: c.label, format: c.format, type: c.type });
  return known;
}

export function fieldOf(name: string, sample?: unknown): Field {
  const found = shown().get(name);
  if (found) return found;
  const numeric = typeof sample === 'number';
  const format: ColumnFormat = date.test(name) && !numeric ? (name === 'month' ? 'month' : 'date') : numeric && money.test(name) ? 'currency' : numeric && count.test(name) ? 'integer' : numeric ? 'number' : 'text';
  const type: ResultType = numeric ? (format === 'integer' ? 'integer' : 'double') : format === 'date' || format === 'month' ? 'date' : 'varchar';
  return { name, label: humanise(name), format, type };
}

/** The fields of `row` worth a line (not empty), in the row's order, without the ones listed. */
export function fieldsOf(row: Row | undefined, skip: string[] = []): Field[] {
  if (!row) return [];
  return Object.keys(row)
    .filter((k) => !skip.includes(k) && row[k] !== null && row[k] !== '')
    .map((k) => fieldOf(k, row[k]));
}

/** The customer's name to head the page: their name, else their e-mail, else their id. */
export function displayName(identity: Row, id: string): string {
  for (const key of ['name', 'customer_name', 'email']) {
    const v = identity[key];
    if (typeof v === 'string' && v.trim()) return v;
  }
  return id;
}
