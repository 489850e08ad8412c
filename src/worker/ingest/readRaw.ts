/** Any supported file into the raw VARCHAR table, by the kind its bytes show. */
import { readBlankSeparated } from './readBlankSeparated';
import { readCsv, type CsvRejects } from './readCsv';
import { readJson } from './readJson';
import { readArrow, readParquet } from './readParquet';
import { ingestError } from './messages';
import { blankRuns, type Sniffed } from './sniff';
import type { Dialect, IngestError, IngestHost, IngestSource } from './types';

export type RawRead =
  | { ok: true; headers: string[]; rejects: CsvRejects; encoding?: Dialect['encoding'] }
  | { ok: false; error: IngestError };

export async function readRaw(host: IngestHost, source: IngestSource, sniffed: Extract<Sniffed, { ok: true }>, raw: string, onRows?: (rows: number, total: number) => void): Promise<RawRead> {
  if (sniffed.kind === 'csv') {
    if (sniffed.header.length === 0) return { ok: false, error: ingestError('empty', source.name) };
    const reader = sniffed.delimiter === blankRuns ? readBlankSeparated : readCsv;
    const read = await reader(host, source.data, raw, sniffed.header.length, sniffed);
    return { ok: true, headers: sniffed.header, rejects: read.rejects, encoding: read.encoding };
  }
  if (sniffed.kind === 'parquet') {
    const read = source.arrow ? await readArrow(host, source.arrow, raw) : await readParquet(host, source.data, raw, onRows);
    if (!read.ok) return { ok: false, error: ingestError(read.code, source.name, { text: read.detail.split('\n')[0] }) };
    return { ok: true, headers: read.headers, rejects: { count: 0 } };
  }
  const read = await readJson(host, source.data, raw);
  if (!read.ok) return { ok: false, error: ingestError('not-json', source.name, { line: read.line, text: read.detail }) };
  if (read.rows === 0) return { ok: false, error: ingestError(read.headers.length ? 'header-only' : 'empty', source.name) };
  return { ok: true, headers: read.headers, rejects: { count: 0 } };
}
