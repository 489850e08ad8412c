/**
 * A delimited text file into a raw table of VARCHAR columns c1..cN (rowid + 1 is the data row),
 * read by DuckDB's read_csv with the sniffed dialect spelt out. Lines DuckDB cannot split into
 * the header's number of fields are set aside (store_rejects), not fatal. Latin-1 is decoded by
 * DuckDB; Windows-1252 (bytes 0x80-0x9F, e.g. the euro sign, which DuckDB's latin-1 refuses) is
 * decoded here and handed over as UTF-8.
 */
import { quoteIdent } from '../../lib/db';
import { t, type MessageKey } from '../../lib/i18n';
import { readBytes } from './bytes';
import { rawColumn } from './headers';
import { decode } from './sniff';
import type { Dialect, IngestHost } from './types';

/** Longest line read: a 5 MB comment loads; a longer line is set aside, not fatal. */
export const maxLineBytes = 16 * 1024 * 1024;

/**
 * Why a line was set aside while reading, as a code: compared in code (`fields` makes a file
 * "ragged"), put in the reader's words only when shown or stored (`rejectReasonSql`).
 */
export type RejectCode = 'fields' | 'too-long' | 'quoting' | 'unicode' | 'unreadable';

export const rejectReasonKeys: Record<RejectCode, MessageKey> = {
  fields: 'setAside.wrongFields',
  'too-long': 'setAside.lineTooLong',
  quoting: 'setAside.brokenQuoting',
  unicode: 'setAside.unreadableCharacters',
  unreadable: 'setAside.unreadableLine',
};

/** The reason in the current language. */
export const rejectReason = (code: RejectCode): string => t(rejectReasonKeys[code]);

/** SQL turning the code column `reason` into the reason in the current language, with its bound values. */
export function rejectReasonSql(): { sql: string; params: string[] } {
  const codes = Object.keys(rejectReasonKeys) as RejectCode[];
  return { sql: `case reason ${codes.map((c) => `when '${c}' then ?`).join(' ')} else reason end`, params: codes.map(rejectReason) };
}

/** Lines set aside while reading, kept in table `<raw>_lines` (line, reason code, content) until the load copies them. */
export interface CsvRejects {
  count: number;
  first?: { line: number; reason: RejectCode };
}

export interface CsvRead {
  encoding: NonNullable<Dialect['encoding']>;
  rejects: CsvRejects;
}

export const rejectedLinesTable = (raw: string) => `${raw}_lines`;

/** DuckDB's reject error types (its own words, upper case) -> our codes; any other type is 'unreadable'. */
const rejectCodes: Record<string, RejectCode> = {
  'TOO MANY COLUMNS': 'fields',
  'MISSING COLUMNS': 'fields',
  'LINE SIZE OVER MAXIMUM': 'too-long',
  'UNQUOTED VALUE': 'quoting',
  'INVALID UNICODE': 'unicode',
};

export async function readCsv(
  host: IngestHost,
  data: Uint8Array | Blob,
  raw: string,
  width: number,
  dialect: { encoding: NonNullable<Dialect['encoding']>; delimiter: string; skip: number; headerless?: boolean },
): Promise<CsvRead> {
  const path = `${raw}.csv`;
  let encoding = dialect.encoding;
  try {
    const readFrom = await host.registerFile(path, encoding === 'windows-1252' ? await toUtf8(data) : data);
    try {
      await createRaw(host, readFrom, raw, width, dialect, encoding);
    } catch (e) {
      if (encoding !== 'latin-1' || !/not latin-1 encoded/i.test(String((e as Error).message))) throw e;
      await host.dropFile(path);
      encoding = 'windows-1252';
      await createRaw(host, await host.registerFile(path, await toUtf8(data)), raw, width, dialect, encoding);
    }
    // DuckDB reports a short line once per missing field: one line, one reject.
    const reason = `case min(error_type) ${Object.entries(rejectCodes).map(([type, code]) => `when '${type}' then '${code}'`).join(' ')} else 'unreadable' end`;
    await host.exec(
      `create or replace table ${quoteIdent(rejectedLinesTable(raw))} as select line, ${reason} as reason, left(min(csv_line), 1000) as content from ${quoteIdent(`${raw}_rej`)} group by line`,
    );
    const [summary] = await host.rows(`select count(*)::double as n, min(line)::double as line, arg_min(reason, line) as reason from ${quoteIdent(rejectedLinesTable(raw))}`);
    const count = Number(summary.n);
    return { encoding, rejects: { count, ...(count ? { first: { line: Number(summary.line), reason: String(summary.reason) as RejectCode } } : {}) } };
  } finally {
    await host.exec(`drop table if exists ${quoteIdent(`${raw}_rej`)}`);
    await host.exec(`drop table if exists ${quoteIdent(`${raw}_scan`)}`);
    await host.dropFile(path);
  }
}

async function createRaw(host: IngestHost, path: string, raw: string, width: number, dialect: { delimiter: string; skip: number; headerless?: boolean }, encoding: string) {
  const names = Array.from({ length: width }, (_, i) => rawColumn(i));
  const columns = `{${names.map((n) => `'${n}': 'VARCHAR'`).join(', ')}}`;
  const options = [
    `delim = ${sqlString(dialect.delimiter)}`,
    `skip = ${dialect.skip}`,
    `quote = '"'`,
    `escape = '"'`,
    `header = ${!dialect.headerless}`,
    'auto_detect = false',
    `columns = ${columns}`,
    `encoding = '${encoding === 'latin-1' ? 'latin-1' : 'utf-8'}'`,
    'store_rejects = true',
    `rejects_table = ${sqlString(`${raw}_rej`)}`,
    `rejects_scan = ${sqlString(`${raw}_scan`)}`,
    `max_line_size = ${maxLineBytes}`,
  ].join(', ');
  await host.exec(
    `create or replace table ${quoteIdent(raw)} as select ${names.join(', ')} from read_csv(?, ${options})`,
    [path],
  );
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

async function toUtf8(data: Uint8Array | Blob): Promise<Uint8Array> {
  return new TextEncoder().encode(decode(await readBytes(data), 'windows-1252'));
}
