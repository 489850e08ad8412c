/**
 * Which canonical table a file holds, from its name and its header: the table its name names
 * (`orders.csv`, `Shopify orders 2024.csv`), otherwise the one whose required columns are all
 * there and that matches most columns. Shared by the app and the command-line runner.
 */
import { canonicalTableNames, canonicalTables, type CanonicalTableName } from './canonical';

export const normaliseHeader = (name: string) => name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');

/** `missing` lists the required columns a file named after a table lacks. */
export function recogniseTable(fileName: string, columnNames: string[]): { table: CanonicalTableName; missing: string[] } | undefined {
  const have = new Set(columnNames.map(normaliseHeader));
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const stem = normaliseHeader(base.replace(/\.[^.]+$/, ''));
  const missing = (t: CanonicalTableName) => canonicalTables[t].columns.filter((c) => c.required && !have.has(c.name)).map((c) => c.name);
  const named = canonicalTableNames.filter((t) => `_${stem}_`.includes(`_${t}_`));
  if (named.length) {
    const table = [...named].sort((a, b) => b.length - a.length)[0];
    return { table, missing: missing(table) };
  }
  const score = (t: CanonicalTableName) => canonicalTables[t].columns.filter((c) => have.has(c.name)).length;
  const table = canonicalTableNames.filter((t) => missing(t).length === 0).sort((a, b) => score(b) - score(a))[0];
  return table && { table, missing: [] };
}
