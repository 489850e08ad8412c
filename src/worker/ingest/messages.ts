/** The sentence a user reads for each failure: what is wrong with which file, and what to do. */
import type { IngestError, IngestErrorCode } from './types';

interface Detail {
  line?: number;
  column?: string;
  text?: string;
}

const sentences: Record<IngestErrorCode, (file: string, d: Detail) => string> = {
  empty: (f) => `"${f}" is empty. Export it again with its rows and drop the new file.`,
  'header-only': (f) => `"${f}" has a header but no rows. Check the export's date range or filters and export it again.`,
  binary: (f) => `"${f}" is not a text, CSV, JSON or Parquet file (it holds binary data). Export the data as CSV and drop that instead.`,
  spreadsheet: (f) => `"${f}" is a spreadsheet workbook, not CSV. Open it and save the sheet as CSV (UTF-8), then drop the CSV.`,
  utf16: (f) => `"${f}" is saved as UTF-16 text. Save it again as CSV UTF-8 and drop that file.`,
  'not-json': (f, d) => `"${f}" is not valid JSON${d.line ? ` (line ${d.line}: ${d.text})` : d.text ? ` (${d.text})` : ''}. Export it again, or as CSV.`,
  'parquet-truncated': (f) => `"${f}" is a Parquet file that ends too early (it was cut off while copying or downloading). Download or copy it again.`,
  'parquet-unreadable': (f, d) => `"${f}" looks like Parquet but cannot be decoded${d.text ? ` (${d.text})` : ''}. Export it again, or as CSV.`,
  ragged: (f, d) => `"${f}": most lines do not have the same number of fields as the header (first at line ${d.line}). Check that it is a CSV export and that its delimiter is a comma, semicolon, tab or |.`,
  'no-readable-rows': (f, d) => `"${f}" has no row that could be read${d.line ? ` (line ${d.line}: ${d.text})` : ''}. Export it again as CSV.`,
  'date-order-mixed': (f, d) => `"${f}", column "${d.column}": some dates are day first and some month first ("${d.text}"), so none can be trusted. Export the dates in one format (ideally YYYY-MM-DD).`,
  'mapping-invalid': (f, d) => `"${f}" has no column "${d.column}" for the chosen mapping. Pick the column again in the mapping step.`,
  'too-large': (f) =>
    `"${f}" is too large for this browser tab: the database ran out of its memory (a tab gets at most about 3 GB). Load fewer months at a time, or run \`npm run kpis\` on it, which has no such limit.`,
  'read-failed': (f, d) => `"${f}" could not be read: ${d.text}. Export it again as CSV (UTF-8).`,
};

export function ingestError(code: IngestErrorCode, file: string, detail: Detail = {}): IngestError {
  return { code, file, message: sentences[code](file, detail), ...(detail.line ? { line: detail.line } : {}), ...(detail.column ? { column: detail.column } : {}) };
}
