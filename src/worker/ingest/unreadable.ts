/**
 * Cells of loaded rows that held text but could not be read as the column's type (a quantity of
 * "two", a date of "soon") are left blank; this counts them per column so the user is told.
 */
import { canonicalTables } from '../../lib/canonical';
import { quoteIdent } from '../../lib/db';
import type { ColumnMapping } from '../../lib/mapping/types';
import { rawColumn } from './headers';
import type { IngestHost, Notice } from './types';

const typeWords: Record<string, string> = { DOUBLE: 'numbers', INTEGER: 'numbers', DATE: 'dates', TIMESTAMP: 'dates', BOOLEAN: 'yes/no values' };

export async function unreadableValues(host: IngestHost, staged: string, raw: string, mapping: ColumnMapping, headers: string[]): Promise<Notice[]> {
  const checked = canonicalTables[mapping.table].columns.filter((c) => c.type !== 'VARCHAR' && mapping.columns[c.name] !== undefined && !(mapping.table === 'orders' && (c.name === 'revenue' || c.name === 'refund')));
  if (checked.length === 0) return [];
  const counts = checked.map((c, i) => {
    const cell = `r.${rawColumn(headers.indexOf(mapping.columns[c.name]))}`;
    const lost = `s.${quoteIdent(c.name)} is null and nullif(trim(${cell}), '') is not null`;
    return `count(*) filter (where ${lost})::double as n${i}, min(${cell}) filter (where ${lost}) as e${i}`;
  });
  const [row] = await host.rows(`select ${counts.join(', ')} from ${staged} s join (select rowid + 1 as _row, * from ${quoteIdent(raw)}) r using (_row) where s._reason is null`);
  return checked.flatMap((c, i) => {
    const n = Number(row[`n${i}`]);
    if (n === 0) return [];
    const header = mapping.columns[c.name];
    return [{ code: 'unreadable-values' as const, column: header, message: `Column "${header}": ${n} value${n === 1 ? '' : 's'} (e.g. "${row[`e${i}`]}") could not be read as ${typeWords[c.type]} and ${n === 1 ? 'was' : 'were'} left blank.` }];
  });
}
