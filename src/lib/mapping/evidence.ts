/**
 * What a column's values say, for the required columns no header named: a column whose every
 * value is a date is the table's date, one of amounts its amount, one of codes its key. Values
 * fill a column only when exactly one unused column fits, so a file with two date columns and
 * no header for either still asks. The same facts overrule a header whose column holds not a
 * single value of its kind (a "Date" column without one date).
 */
import { t, type MessageKey } from '../i18n';
import { canonicalTables, type CanonicalColumn, type CanonicalTableName } from '../canonical';
import type { ColumnFacts, TableGuess } from './types';

interface ContentRule {
  /** What the values are, in the sentence that says why the mapping asks. */
  what: string;
  /** The required columns this kind of value can fill. */
  fits: (column: CanonicalColumn) => boolean;
  /** Every value has the shape (and with `unique`, none repeats). */
  every: (f: ColumnFacts, unique: boolean) => boolean;
  /** No value has the shape: a header that named this column was wrong. */
  none?: (f: ColumnFacts) => boolean;
}

/** Most specific shape first: a column of dates or of amounts is never taken for a key. */
const rules: ContentRule[] = [
  {
    what: 'dates',
    fits: (c) => c.type === 'TIMESTAMP' || c.type === 'DATE',
    every: (f) => f.values > 0 && f.dates === f.values,
    none: (f) => f.values > 0 && f.dates === 0,
  },
  {
    what: 'numbers',
    fits: (c) => c.type === 'DOUBLE',
    // Some decimals: a column of whole numbers is as likely a quantity or a key as an amount.
    every: (f) => f.values > 0 && f.numbers === f.values && f.decimals > 0,
    none: (f) => f.values > 0 && f.numbers === 0,
  },
  {
    what: 'keys',
    fits: (c) => c.name.endsWith('_id'),
    every: (f, unique) => f.values > 0 && f.codes === f.values && f.dates === 0 && f.decimals === 0 && (!unique || f.distinct === f.values),
  },
];

/** Tables of one row per key, whose key never repeats; an order id does (one row per order line). */
const oneRowPer: Partial<Record<CanonicalTableName, string>> = { customers: 'customer_id', tickets: 'ticket_id', leads: 'lead_id' };

const ruleFor = (column: CanonicalColumn) => rules.findIndex((r) => r.fits(column));

/**
 * The required columns of `table` the headers left empty that exactly one unused column's values
 * fill. A key is never taken from a header another table's names claim ("numero de commande" is
 * an order id, not a ticket's), since codes look alike whatever they number.
 */
export function fillFromContent(table: CanonicalTableName, columns: Record<string, string>, headers: string[], facts: ColumnFacts[], claimed: Set<string> = new Set()): Record<string, string> {
  const used = new Set(Object.values(columns));
  const filled: Record<string, string> = {};
  const open = canonicalTables[table].columns
    .filter((c) => c.required && columns[c.name] === undefined && ruleFor(c) >= 0)
    .filter((c) => !(table === 'orders' && c.name === 'revenue' && columns.quantity !== undefined && columns.unit_price !== undefined))
    .sort((a, b) => ruleFor(a) - ruleFor(b));
  for (const column of open) {
    const rule = rules[ruleFor(column)];
    const unique = oneRowPer[table] === column.name;
    const fits = headers.filter((h, i) => !used.has(h) && facts[i] !== undefined && rule.every(facts[i], unique));
    // A claimed header still counts towards "exactly one": it only may not be the one taken.
    if (fits.length !== 1 || (rule.what === 'keys' && claimed.has(fits[0]))) continue;
    filled[column.name] = fits[0];
    used.add(fits[0]);
  }
  return filled;
}

/** The sentence for a required column holding nothing of its kind, by the rule's `what`. */
const holdsNo: Record<string, MessageKey> = { dates: 'mapping.reasonNoDates', numbers: 'mapping.reasonNoNumbers', keys: 'mapping.reasonNoKeys' };

/** Why a guess cannot be right: a required column its header chose holds no value of its kind. */
export function contradiction(guess: TableGuess, headers: string[], facts: ColumnFacts[]): string | undefined {
  for (const column of canonicalTables[guess.table].columns.filter((c) => c.required)) {
    const header = guess.mapping.columns[column.name];
    const rule = rules[ruleFor(column)];
    const f = header === undefined ? undefined : facts[headers.indexOf(header)];
    if (f && rule?.none?.(f)) return t(holdsNo[rule.what], { header, column: column.name });
  }
  return undefined;
}
