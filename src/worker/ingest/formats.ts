/**
 * How each mapped number or date column is written, decided from every value in the column
 * (never row by row): decimal comma or point; ISO, day-first or month-first dates. A column
 * whose dates never put a day above 12 is ambiguous and takes the caller's order (day-first
 * when none is given), with a notice naming the file and the column and saying where to change it.
 */
import { t } from '../../lib/i18n';
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

export async function decideFormats(host: IngestHost, raw: string, questions: FormatQuestion[], fallbackOrder: 'dmy' | 'mdy', file = 'this file'): Promise<FormatsFound> {
  const formats: Record<string, ColumnFormat> = {};
  const notices: Notice[] = [];
  const asks = await settleObvious(host, raw, questions.filter((q) => numeric.has(q.type) || dated.has(q.type)), formats);
  if (asks.length === 0) return { ok: true, formats, notices };
  // One regex per cell: its last separator and the digits after it (numbers), or its first
  // three numeric parts (dates); the counts are then plain comparisons.
  const cells = asks.map((q, i) =>
    numeric.has(q.type)
      ? `regexp_extract(${q.raw}, '([.,])(\\d+)\\D*$', ['sep', 'digits']) as x${i}, contains(${q.raw}, '.') as dot${i}, contains(${q.raw}, ',') as comma${i}`
      : `regexp_extract(${q.raw}, '^\\s*(\\d{1,4})[-/.](\\d{1,2})[-/.](\\d{1,4})', ['a', 'b', 'c']) as x${i}, ${q.raw} as v${i}`,
  );
  const parts = asks.flatMap((q, i) => {
    if (numeric.has(q.type)) {
      return [
        `count(*) filter (where x${i}.sep = ',' and (length(x${i}.digits) <> 3 or dot${i})) as comma_${i}`,
        `count(*) filter (where x${i}.sep = '.' and (length(x${i}.digits) <> 3 or comma${i})) as point_${i}`,
      ];
    }
    const slashed = `(length(x${i}.a) <= 2 and length(x${i}.c) in (2, 4))`;
    const first = `(${slashed} and try_cast(x${i}.a as integer) > 12)`;
    const second = `(${slashed} and try_cast(x${i}.b as integer) > 12)`;
    return [
      `count(*) filter (where length(x${i}.a) = 4) as iso_${i}`,
      `count(*) filter (where ${first}) as dayfirst_${i}`,
      `count(*) filter (where ${second}) as monthfirst_${i}`,
      `min(v${i}) filter (where ${first}) as dayfirst_example_${i}`,
      `min(v${i}) filter (where ${second}) as monthfirst_example_${i}`,
      `count(*) filter (where ${slashed}) as slashed_${i}`,
    ];
  });
  const [counts] = await host.rows(`select ${parts.join(', ')} from (select ${cells.join(', ')} from ${quoteIdent(raw)})`);
  const n = (name: string) => Number(counts[name] ?? 0);
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
        message: t(fallbackOrder === 'dmy' ? 'ingest.dateOrderAssumedDmy' : 'ingest.dateOrderAssumedMdy', { column: q.header, file }),
      });
    }
  }
  return { ok: true, formats, notices };
}

/**
 * A cheap first pass: a number column with no comma anywhere has a decimal point, and a date
 * column whose every value starts with an ISO date is ISO. Returns the columns still open.
 */
async function settleObvious(host: IngestHost, raw: string, asks: FormatQuestion[], formats: Record<string, ColumnFormat>): Promise<FormatQuestion[]> {
  if (asks.length === 0) return asks;
  // A column already open in the first rows is open: only the others need the whole-file pass
  // (measured at 1M French rows: 1.7 s of failed date casts for a column the full pass reads anyway).
  const openInSample = await openColumns(host, raw, asks, sampleRows);
  const rest = asks.filter((_, i) => !openInSample[i]);
  const openInFile = rest.length ? await openColumns(host, raw, rest) : [];
  return asks.filter((q) => {
    const i = rest.indexOf(q);
    if (i < 0 || openInFile[i]) return true;
    formats[q.key] = numeric.has(q.type) ? { decimal: '.' } : { dateOrder: 'iso' };
    return false;
  });
}

const sampleRows = 1000;

async function openColumns(host: IngestHost, raw: string, asks: FormatQuestion[], firstRows?: number): Promise<boolean[]> {
  const parts = asks.map((q, i) =>
    numeric.has(q.type)
      ? `count(*) filter (where contains(${q.raw}, ','))::double as open${i}`
      : `count(*) filter (where nullif(trim(${q.raw}), '') is not null and try_cast(left(trim(${q.raw}), 10) as date) is null)::double as open${i}`,
  );
  const [row] = await host.rows(`select ${parts.join(', ')} from ${quoteIdent(raw)}${firstRows ? ` where rowid < ${firstRows}` : ''}`);
  return asks.map((_, i) => Number(row[`open${i}`]) > 0);
}
