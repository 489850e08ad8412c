/**
 * The customer list (or any module's rows) as a CSV file, written once for the page and the runner.
 *
 * - UTF-8 with a byte-order mark, so Excel reads accents right instead of guessing a code page.
 * - Header: the columns' labels (the modules' `show:` lines), in the order asked.
 * - Values machine-readable: dates and times as ISO 8601 ('2024-03-05', '2024-03-05 10:00:00'),
 *   numbers plain (no thousands separator, no currency sign; a share stays a share, 0.25), booleans
 *   true/false, NULL empty.
 * - Delimiter ',' writes a dot as the decimal separator. Delimiter ';' is for Excel set to a
 *   European locale, whose list separator is ';' precisely because its decimal separator is ',':
 *   such an Excel reads "12.5" as text (or a date, 12 May), so ';' writes decimal commas ("12,5").
 *   Any tool told "semicolon-separated, decimal comma" reads it back exactly.
 * - A field holding the delimiter, a double quote, a line break or surrounding spaces is quoted, its
 *   quotes doubled (RFC 4180); lines end with CRLF.
 * - A text value that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a
 *   carriage return) is written with a leading apostrophe, as OWASP advises against CSV injection: a
 *   customer named "=HYPERLINK(...)" must not become a live link in whoever opens the export.
 */
import type { Row, SqlValue } from './db';

export type CsvDelimiter = ',' | ';';

export interface CsvColumn {
  name: string;
  label: string;
  /** How the value is written: text is guarded against formulas, numbers get the decimal separator. */
  type: 'varchar' | 'integer' | 'double' | 'date' | 'timestamp' | 'boolean';
}

const byteOrderMark = '\uFEFF';

export function csvField(value: string, delimiter: CsvDelimiter): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A number as plain decimal text: no exponent, no thousands separator, at most 10 decimals. */
export function plainNumber(n: number, delimiter: CsvDelimiter): string {
  if (!Number.isFinite(n)) return '';
  let text = Number.isInteger(n) ? n.toFixed(0) : n.toFixed(10).replace(/0+$/, '').replace(/\.$/, '');
  if (text === '-0') text = '0';
  return delimiter === ';' ? text.replace('.', ',') : text;
}

export function csvValue(value: SqlValue, column: CsvColumn, delimiter: CsvDelimiter): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return plainNumber(value, delimiter);
  if (typeof value === 'boolean') return String(value);
  const text = column.type === 'varchar' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return csvField(text, delimiter);
}

/** The header and one line per row, CRLF-terminated, without the byte-order mark. */
export function csvText(columns: CsvColumn[], rows: Iterable<Row>, delimiter: CsvDelimiter = ','): string {
  const lines = [columns.map((c) => csvField(c.label, delimiter)).join(delimiter)];
  for (const row of rows) lines.push(columns.map((c) => csvValue(row[c.name] ?? null, c, delimiter)).join(delimiter));
  return `${lines.join('\r\n')}\r\n`;
}

/** The file's bytes: UTF-8 with a byte-order mark. */
export function csvBytes(columns: CsvColumn[], rows: Iterable<Row>, delimiter: CsvDelimiter = ','): Uint8Array {
  return new TextEncoder().encode(byteOrderMark + csvText(columns, rows, delimiter));
}
