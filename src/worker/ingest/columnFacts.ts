/**
 * What each raw column's values look like (see ColumnFacts), for recognition where the headers
 * say nothing. Counted over the first rows only: recognition runs on every file, and a sample
 * answers "is every value a date" well enough without a pass over a million rows. The shapes
 * follow what parseSql.ts reads: ISO, day- or month-first dates with an optional time; amounts
 * with thousands separators, a decimal comma or point, a currency sign or code, parentheses.
 */
import { quoteIdent } from '../../lib/db';
import type { ColumnFacts } from '../../lib/mapping/types';
import { rawColumn } from './headers';
import type { IngestHost } from './types';

const sampleRows = 1000;

const date = '(\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4})([ T,]+\\d{1,2}:\\d{2}.*)?';
const digits = "(\\d{1,3}([ .,'\\x{a0}\\x{202f}]\\d{3})+|\\d+)";
const currency = '(\\p{Sc}|[A-Za-z]{3})';
const money = (fraction: string) => `[(+-]?\\s*(${currency}\\s*)?[+-]?${digits}${fraction}\\s*${currency}?\\s*\\)?`;
const number = money('([.,]\\d+)?');
const decimal = money('[.,]\\d{1,2}');
const code = '\\S*\\d\\S*';

export async function columnFacts(host: IngestHost, raw: string, columns: number): Promise<ColumnFacts[]> {
  if (columns === 0) return [];
  const cells = Array.from({ length: columns }, (_, i) => `nullif(trim(${rawColumn(i)}), '') as v${i}`);
  const counts = Array.from({ length: columns }, (_, i) => {
    const matching = (pattern: string) => `count(*) filter (where regexp_full_match(v${i}, '${pattern.replace(/'/g, "''")}'))::double`;
    return [
      `count(v${i})::double as values_${i}`,
      `${matching(date)} as dates_${i}`,
      `${matching(number)} as numbers_${i}`,
      `${matching(decimal)} as decimals_${i}`,
      `${matching(code)} as codes_${i}`,
      `count(distinct v${i})::double as distinct_${i}`,
    ].join(', ');
  });
  const [row] = await host.rows(`select ${counts.join(', ')} from (select ${cells.join(', ')} from ${quoteIdent(raw)} where rowid < ${sampleRows})`);
  const n = (name: string) => Number(row[name] ?? 0);
  return Array.from({ length: columns }, (_, i) => ({
    values: n(`values_${i}`),
    dates: n(`dates_${i}`),
    numbers: n(`numbers_${i}`),
    decimals: n(`decimals_${i}`),
    codes: n(`codes_${i}`),
    distinct: n(`distinct_${i}`),
  }));
}
