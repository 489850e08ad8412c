/**
 * What a user must add to see a module, in the words of the files they have: "an orders export
 * with a cost column (Shopify, WooCommerce, an ERP)", never `orders(cost)`. The page's list of
 * modules not shown yet and the runner's list of modules not run both say it with these words.
 */
import { canonicalTables, type CanonicalTableName } from './canonical';
import { formatList, hasMessage, t } from './i18n';
import { loadedWithTable, type MissingInput } from './loadedColumns';

/** A column as a person names it: "resolution date" for `resolved_at`, "cost" for `cost`. */
export function columnWords(column: string): string {
  const key = `column.${column}`;
  return hasMessage(key) ? t(key) : column.replace(/_/g, ' ');
}

/**
 * The export that would provide `input`, naming the optional columns it must have. Undefined for
 * a table no user loads (the lifetime-value predictions, which the app computes).
 */
export function exportWords(input: MissingInput): string | undefined {
  const table = input.table as CanonicalTableName;
  if (!(table in canonicalTables) || !hasMessage(`needs.${table}`)) return undefined;
  const required = new Set(canonicalTables[table].columns.filter((c) => c.required).map((c) => c.name));
  // The required columns go without saying, and so do those any file of the table provides.
  const optional = input.columns.filter((c) => !required.has(c) && !loadedWithTable(table, c)).map(columnWords);
  if (!optional.length) return t(`needs.${table}` as const);
  const columns = optional.length === 1 ? t('needs.column', { name: optional[0] }) : t('needs.columns', { names: formatList(optional) });
  return t(`needs.${table}.with` as const, { columns });
}

/** "Add your ad spend by day (Google Ads, Meta exports) to see Customer acquisition cost." Undefined when some input is not a file a user can add. */
export function needsSentence(title: string, inputs: MissingInput[]): string | undefined {
  const exports = inputs.map(exportWords);
  if (!exports.length || exports.some((e) => e === undefined)) return undefined;
  return t('notebook.needs', { what: formatList(exports as string[]), title });
}
