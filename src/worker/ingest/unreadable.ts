/**
 * Cells of loaded rows that held text but could not be read as the column's type (a quantity of
 * "two", a date of "soon") are left blank; this counts them per column so the user is told.
 * The staging table flags which cells held text (_has_<column>), so counting is one scan.
 */
import { t, tn, type MessageKey } from '../../lib/i18n';
import { canonicalTables } from '../../lib/canonical';
import { quoteIdent } from '../../lib/db';
import type { ColumnMapping } from '../../lib/mapping/types';
import { rawColumn } from './headers';
import { checkedColumns } from './transform';
import type { IngestHost, Notice } from './types';

const typeWords: Record<string, MessageKey> = { DOUBLE: 'ingest.typeNumbers', INTEGER: 'ingest.typeNumbers', DATE: 'ingest.typeDates', TIMESTAMP: 'ingest.typeDates', BOOLEAN: 'ingest.typeYesNo' };

export async function unreadableValues(host: IngestHost, staged: string, raw: string, mapping: ColumnMapping, headers: string[]): Promise<Notice[]> {
  const checked = checkedColumns(mapping);
  if (checked.length === 0) return [];
  const lost = (c: string) => `s.${quoteIdent(c)} is null and s.${quoteIdent(`_has_${c}`)}`;
  const [counts] = await host.rows(`select ${checked.map((c, i) => `count(*) filter (where ${lost(c)})::double as n${i}`).join(', ')} from ${staged} s where s._reason is null`);
  const notices: Notice[] = [];
  for (const [i, column] of checked.entries()) {
    const n = Number(counts[`n${i}`]);
    if (n === 0) continue;
    const header = mapping.columns[column];
    const [{ example }] = await host.rows(
      `select min(r.${rawColumn(headers.indexOf(header))}) as example
       from (select _row from ${staged} s where s._reason is null and ${lost(column)}) s join (select rowid + 1 as _row, * from ${quoteIdent(raw)}) r using (_row)`,
    );
    const type = canonicalTables[mapping.table].columns.find((c) => c.name === column)!.type;
    notices.push({
      code: 'unreadable-values',
      column: header,
      message: tn('ingest.unreadableValues', n, { column: header, count: n, example: String(example), type: t(typeWords[type]) }),
    });
  }
  return notices;
}
