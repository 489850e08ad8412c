/**
 * What a cell's answer depends on besides the data, read from its SQL: the date range (the
 * variables `period_start` / `period_end`, the only way SQL sees it: the scoped views never
 * filter by date) and the lifetime-value fit (its per-customer predictions, refitted for each
 * date range). A cell that reads neither gives the same answer for every date range, so a
 * change of dates does not run it again, nor its comparison with another period.
 *
 * Text, not a parse: a mention in a comment counts as a read (a needless run, never a stale
 * answer). `getvariable` with a name that is not a plain literal counts as reading the period.
 * A read hidden behind a view or macro another cell created is not seen; a read in a module the
 * cell's module uses (`uses:`, made a view before it runs) is: `readsPeriodWith`.
 */
import { derivedTables } from './canonical';

const variableRead = /getvariable\s*\(\s*(?:'((?:[^']|'')*)'\s*\)|[^)]*)/gi;

export function readsPeriod(sql: string): boolean {
  for (const [, literal] of sql.matchAll(variableRead)) {
    if (literal === undefined) return true;
    const name = literal.trim().toLowerCase();
    if (name === 'period_start' || name === 'period_end') return true;
  }
  return readsFit(sql);
}

/** Whether the SQL reads a table the lifetime-value fit writes (`clv_predictions`). */
export function readsFit(sql: string): boolean {
  return Object.keys(derivedTables).some((table) => new RegExp(`\\b${table}\\b`, 'i').test(sql));
}

/** `readsPeriod` of the cell's SQL or of any module it uses (rfm_segments reads the period only through customer_rfm). */
export function readsPeriodWith(sql: string, views: readonly { sql: string }[] = []): boolean {
  return readsPeriod(sql) || views.some((v) => readsPeriod(v.sql));
}
