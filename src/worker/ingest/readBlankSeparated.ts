/**
 * A text file whose fields are separated by runs of spaces or tabs (CDNOW's `.txt`:
 * `00004 0001 19970101  2   29.33`) into the raw table c1..cN. DuckDB's read_csv takes one
 * delimiter character, not a run of them, so each line is read whole as one column and split
 * by a regex in SQL. Blank lines are skipped; a line with another number of fields is set aside
 * like read_csv's rejects (table `<raw>_lines`), so the rest of the pipeline sees no difference.
 */
import { quoteIdent } from '../../lib/db';
import { readBytes } from './bytes';
import { rawColumn } from './headers';
import { rejectedLinesTable, type CsvRead } from './readCsv';
import { decode } from './sniff';
import type { Dialect, IngestHost } from './types';

/** A character no text export holds (ASCII unit separator): read_csv then never splits a line. */
const noDelimiter = '\u001f';

export async function readBlankSeparated(
  host: IngestHost,
  data: Uint8Array | Blob,
  raw: string,
  width: number,
  dialect: { encoding: NonNullable<Dialect['encoding']>; skip: number; headerless?: boolean },
): Promise<CsvRead> {
  const path = `${raw}.txt`;
  const lines = quoteIdent(`${raw}_text`);
  // DuckDB's latin-1 refuses 0x80-0x9F (see readCsv.ts): Windows-1252 is decoded here.
  const cp1252 = dialect.encoding === 'windows-1252';
  const readFrom = await host.registerFile(path, cp1252 ? new TextEncoder().encode(decode(await readBytes(data), 'windows-1252')) : data);
  try {
    const encoding = dialect.encoding === 'latin-1' ? 'latin-1' : 'utf-8';
    await host.exec(
      `create or replace table ${lines} as
       select row_number() over () as line, parts from (
         select regexp_split_to_array(trim(text, ' \t\r'), '[ \t]+') as parts
         from read_csv(?, columns = {'text': 'VARCHAR'}, delim = '${noDelimiter}', quote = '', escape = '', header = false,
                       auto_detect = false, skip = ${dialect.skip}, encoding = '${encoding}', max_line_size = 16777216)
         where trim(coalesce(text, ''), ' \t\r') <> '')`,
      [readFrom],
    );
    // The header line, when there is one, is the first non-blank line.
    const first = dialect.headerless ? 0 : 1;
    const cells = Array.from({ length: width }, (_, i) => `parts[${i + 1}] as ${rawColumn(i)}`).join(', ');
    await host.exec(`create or replace table ${quoteIdent(raw)} as select ${cells} from ${lines} where line > ${first} and len(parts) = ${width} order by line`);
    await host.exec(
      `create or replace table ${quoteIdent(rejectedLinesTable(raw))} as
       select line::bigint as line, 'fields' as reason, left(array_to_string(parts, ' '), 1000) as content
       from ${lines} where line > ${first} and len(parts) <> ${width}`,
    );
    const [summary] = await host.rows(`select count(*)::double as n, min(line)::double as line from ${quoteIdent(rejectedLinesTable(raw))}`);
    const count = Number(summary.n);
    return { encoding: dialect.encoding, rejects: { count, ...(count ? { first: { line: Number(summary.line), reason: 'fields' } } : {}) } };
  } finally {
    await host.exec(`drop table if exists ${lines}`);
    await host.dropFile(path);
  }
}
