/**
 * The sentence a user reads for each failure: what is wrong with which file, and what to do.
 * Written in the reader's language (catalog keys `ingest.*` in src/lib/i18n.ts): the page tells
 * the worker its locale (`setLanguage`), the runner sets it from `--lang`.
 */
import { t, type MessageKey } from '../../lib/i18n';
import type { IngestError, IngestErrorCode } from './types';

interface Detail {
  line?: number;
  column?: string;
  text?: string;
}

const keys: Record<IngestErrorCode, MessageKey> = {
  empty: 'ingest.empty',
  'header-only': 'ingest.headerOnly',
  binary: 'ingest.binary',
  spreadsheet: 'ingest.spreadsheet',
  utf16: 'ingest.utf16',
  'not-json': 'ingest.notJson',
  'parquet-truncated': 'ingest.parquetTruncated',
  'parquet-unreadable': 'ingest.parquetUnreadable',
  ragged: 'ingest.ragged',
  'no-readable-rows': 'ingest.noReadableRows',
  'date-order-mixed': 'ingest.dateOrderMixed',
  'mapping-invalid': 'ingest.mappingInvalid',
  'too-large': 'ingest.tooLarge',
  'read-failed': 'ingest.readFailed',
};

/** " (line 3: unexpected token)", " (unexpected token)" or nothing; the line number as written, not grouped. */
function where(code: IngestErrorCode, d: Detail): string {
  const at = () => t('ingest.atLine', { line: String(d.line), text: String(d.text) });
  if (code === 'not-json') return d.line ? at() : d.text ? ` (${d.text})` : '';
  if (code === 'parquet-unreadable') return d.text ? ` (${d.text})` : '';
  if (code === 'no-readable-rows') return d.line ? at() : '';
  return '';
}

function sentence(code: IngestErrorCode, file: string, d: Detail): string {
  return t(keys[code], { file, line: String(d.line), column: String(d.column), text: String(d.text), detail: where(code, d) });
}

export function ingestError(code: IngestErrorCode, file: string, detail: Detail = {}): IngestError {
  return { code, file, message: sentence(code, file, detail), ...(detail.line ? { line: detail.line } : {}), ...(detail.column ? { column: detail.column } : {}) };
}
