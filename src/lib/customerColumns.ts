/**
 * The customer list's columns: which of the customer facts show, in which order, and how each
 * reads (the module's `show:` label and format, else the name and the Arrow type). The CSV export
 * writes the same columns.
 */
import type { ColumnInfo } from './api';
import { humanise } from './chartSpec';
import type { ColumnFormat, QueryModule } from './queryModule';

export interface ListColumn {
  name: string;
  label: string;
  format: ColumnFormat;
  numeric: boolean;
}

/** The list's columns in order; the first name found in the facts stands for each. */
const wanted: string[][] = [
  ['name', 'customer_name'],
  ['email', 'e_mail'],
  ['country'],
  ['city'],
  ['first_order', 'first_order_at'],
  ['last_order', 'last_order_at'],
  ['orders'],
  ['revenue'],
  ['refunds'],
  ['profit'],
  ['rfm_segment'],
  ['p_alive', 'probability_alive'],
  ['predicted_value', 'predicted_clv', 'clv'],
];

const numericType = /^(u?int|float|decimal|double)/i;
const dateType = /^(date|timestamp)/i;

/** Columns of `available` to show, labelled by `module` where it has them. Without a name column, the customer id leads. */
export function listColumns(available: ColumnInfo[], module?: QueryModule): ListColumn[] {
  const names = new Set(available.map((c) => c.name));
  const picked = wanted.map((options) => options.find((n) => names.has(n))).filter((n): n is string => !!n);
  if (!picked.includes('name') && !picked.includes('customer_name') && names.has('customer_id')) picked.unshift('customer_id');
  return picked.map((name) => {
    const type = available.find((c) => c.name === name)!.type;
    const m = module?.columns.find((c) => c.name === name);
    const numeric = numericType.test(type) || m?.type === 'integer' || m?.type === 'double';
    const format: ColumnFormat = m?.format ?? (numeric ? 'number' : dateType.test(type) ? 'date' : 'text');
    return { name, label: m?.label ?? humanise(name), format, numeric };
  });
}
