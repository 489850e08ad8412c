/**
 * How each mapped number or date column is written, decided from every value in the column
 * (never row by row): decimal comma or point; ISO, day-first or month-first dates. A column
 * whose dates never put a day above 12 is ambiguous and takes the caller's order (day-first
 * when none is given), with a notice.
 */
import type { ColumnType } from '../../lib/canonical';
import { quoteIdent } from '../../lib/db';
import type { ColumnFormat, IngestHost, Notice } from './types';

export interface FormatQuestion {
  key: string;
  header: string;
  raw: string;
  type: ColumnType;
}

export type FormatsFound =
  | { ok: true; formats: Record<string, ColumnFormat>; notices: Notice[] }
  | { ok: false; column: string; example: string };

const numeric = new Set<ColumnType>(['DOUBLE', 'INTEGER']);
const dated = new Set<ColumnType>(['DATE', 'TIMESTAMP']);

export async function decideFormats(host: IngestHost, raw: string, questions: FormatQuestion[], fallbackOrder: 'dmy' | 'mdy'): Promise<FormatsFound> {
  const asks = questions.filter((q) => numeric.has(q.type) || dated.has(q.type));
  if (asks.length === 0) return { ok: true, formats: {}, notices: [] };
  const parts = asks.flatMap((q, i) => {
    const v = q.raw;
    if (numeric.has(q.type)) {
      return [
        `count(*) filter (where regexp_matches(${v}, '\\d,(\\d{1,2}|\\d{4,})\\D*$') or regexp_matches(${v}, '\\.\\d{3},')) as comma_${i}`,
        `count(*) filter (where regexp_matches(${v}, '\\d\\.(\\d{1,2}|\\d{4,})\\D*$') or regexp_matches(${v}, ',\\d{3}\\.')) as point_${i}`,
      ];
    }
    const first = `try_cast(regexp_extract(${v}, '^\\s*(\\d{1,2})[-/.]\\d{1,2}[-/.]\\d{2,4}', 1) as integer)`;
    const second = `try_cast(regexp_extract(${v}, '^\\s*\\d{1,2}[-/.](\\d{1,2})[-/.]\\d{2,4}', 1) as integer)`;
    return [
      `count(*) filter (where regexp_matches(${v}, '^\\s*\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}')) as iso_${i}`,
      `count(*) filter (where ${first} > 12) as dayfirst_${i}`,
      `count(*) filter (where ${second} > 12) as monthfirst_${i}`,
      `min(${v}) filter (where ${first} > 12) as dayfirst_example_${i}`,
      `min(${v}) filter (where ${second} > 12) as monthfirst_example_${i}`,
      `count(*) filter (where regexp_matches(${v}, '^\\s*\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}')) as slashed_${i}`,
    ];
  });
  const [counts] = await host.rows(`select ${parts.join(', ')} from ${quoteIdent(raw)}`);
  const n = (name: string) => Number(counts[name] ?? 0);
  const formats: Record<string, ColumnFormat> = {};
  const notices: Notice[] = [];
  for (const [i, q] of asks.entries()) {
    if (numeric.has(q.type)) {
      formats[q.key] = { decimal: n(`comma_${i}`) > n(`point_${i}`) ? ',' : '.' };
      continue;
    }
    const dayFirst = n(`dayfirst_${i}`);
    const monthFirst = n(`monthfirst_${i}`);
    if (dayFirst > 0 && monthFirst > 0) return { ok: false, column: q.header, example: `${counts[`dayfirst_example_${i}`]}" and "${counts[`monthfirst_example_${i}`]}` };
    if (n(`slashed_${i}`) === 0 || n(`iso_${i}`) > n(`slashed_${i}`)) formats[q.key] = { dateOrder: 'iso' };
    else if (dayFirst > 0) formats[q.key] = { dateOrder: 'dmy' };
    else if (monthFirst > 0) formats[q.key] = { dateOrder: 'mdy' };
    else {
      formats[q.key] = { dateOrder: fallbackOrder, assumed: true };
      notices.push({
        code: 'date-order-assumed',
        column: q.key,
        message: `No date in this column has a day above 12, so its dates were read ${fallbackOrder === 'dmy' ? 'day first (DD/MM/YYYY)' : 'month first (MM/DD/YYYY)'}; change it in the mapping if that is wrong.`,
      });
    }
  }
  return { ok: true, formats, notices };
}
