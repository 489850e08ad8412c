/**
 * Which columns a module may count on. Every canonical table holds all its columns, NULL where
 * the export had none, so a column is "loaded" only when it holds a value: an export without a
 * cost column leaves `cost` entirely NULL, and a module that needs `orders(cost)` must then ask
 * for it instead of reading every cost as 0. Some optional columns mean something when empty
 * (no status: an ordinary sale; no refund: nothing given back) and always count as loaded. The
 * page and the runner both decide through this file, so they show the same modules.
 */
import { canonicalTables, type CanonicalTableName } from './canonical';
import { quoteIdent, type Db } from './db';
import { preparedSource, withPrepared } from './prepared';
import type { QueryModule } from './queryModule';

/** Optional columns whose NULL the library reads as a value, or that are filled in after loading. */
const meaningfulWhenEmpty: Partial<Record<CanonicalTableName, string[]>> = {
  orders: ['refund', 'status', 'is_trial', 'channel'], // nothing refunded, a sale, paid, 'unknown'
  customers: ['is_trial', 'channel'],
  tickets: ['contacts', 'first_contact_resolved', 'channel'], // either of the first two decides first contact
  leads: ['channel'],
  social_mentions: ['sentiment'], // scored from the text when absent
};

/** Whether `column` of `table` counts as loaded whenever the table is (its emptiness means something). */
export function loadedWithTable(table: string, column: string): boolean {
  return meaningfulWhenEmpty[table as CanonicalTableName]?.includes(column) ?? false;
}

/** The optional columns of `schema.table` that hold no value at all, in one pass; none for a table that is not canonical. */
export async function emptyColumns(db: Db, table: string, schema: string): Promise<string[]> {
  if (!(table in canonicalTables)) return [];
  const kept = meaningfulWhenEmpty[table as CanonicalTableName] ?? [];
  const optional = canonicalTables[table as CanonicalTableName].columns.filter((c) => !c.required && !kept.includes(c.name)).map((c) => c.name);
  if (!optional.length) return [];
  const [row] = await db.rows(
    `select ${optional.map((c, i) => `count(${quoteIdent(c)}) = 0 as e${i}`).join(', ')} from ${quoteIdent(schema)}.${quoteIdent(table)}`,
  );
  return optional.filter((_, i) => row[`e${i}`] === true);
}

/** A loaded table as the page and the runner describe it. */
export interface LoadedTable {
  /** Canonical table name. */
  table: string;
  columns: Iterable<string>;
  /** Columns present but without a value (emptyColumns). */
  empty?: readonly string[];
}

/** Table -> the columns modules may rely on, with the prepared tables those feed. */
export function availableColumns(tables: LoadedTable[]): Map<string, Set<string>> {
  return withPrepared(
    new Map(tables.map((t) => [t.table, new Set([...t.columns].filter((c) => !t.empty?.includes(c)))] as [string, Set<string>])),
  );
}

/** What a module still needs: a table and the columns of it that are not loaded. */
export interface MissingInput {
  table: string;
  columns: string[];
}

/**
 * Needs not met by `available`, one entry per table, naming only what is missing. A prepared
 * table is asked for as what it is built from (the orders), which is what a user can load.
 */
export function missingInputs(module: QueryModule, available: Map<string, Set<string>>): MissingInput[] {
  const missing = new Map<string, string[]>();
  for (const need of module.needs) {
    const source = available.has(need.table) ? undefined : preparedSource(need.table);
    const { table, columns } = source ?? need;
    const loaded = available.get(table);
    const absent = loaded ? columns.filter((c) => !loaded.has(c)) : columns;
    if (!absent.length) continue;
    const listed = missing.get(table) ?? [];
    missing.set(table, [...listed, ...absent.filter((c) => !listed.includes(c))]);
  }
  return [...missing].map(([table, columns]) => ({ table, columns }));
}

/** A missing input as `table(col, ...)`, the way the runner and the module headers write it. */
export const needText = (input: MissingInput): string => `${input.table}(${input.columns.join(', ')})`;

/** The inverse of `needText`. */
export function parseNeedText(text: string): MissingInput {
  const m = /^([a-z_]+)\((.*)\)$/.exec(text.trim());
  return m ? { table: m[1], columns: m[2].split(',').map((c) => c.trim()).filter(Boolean) } : { table: text.trim(), columns: [] };
}

/** Needs not met by `available`, each as `table(col, ...)` naming only what is missing. */
export function missingNeeds(module: QueryModule, available: Map<string, Set<string>>): string[] {
  return missingInputs(module, available).map(needText);
}
