/**
 * What a file is, from its first bytes: its kind (by content, not by name), its text encoding,
 * its delimiter and its header. Failures that need no reading come back as error codes. A first
 * row with no letters in it is data (a headerless export): its columns are called column1..N.
 * The user's choices (header row or not, delimiter) from the mapping step override the guesses.
 */
import { decodeWindows1252 } from './cp1252';
import { locateHeader } from './csvLayout';
import { csvRecords } from './csvRecords';
import type { Dialect, IngestErrorCode, ReadChoices } from './types';

export const sniffBytes = 64 * 1024;

export type Sniffed =
  | { ok: true; kind: 'parquet' | 'json'; extensionSays?: string }
  | { ok: true; kind: 'csv'; encoding: NonNullable<Dialect['encoding']>; delimiter: string; header: string[]; skip: number; headerless?: boolean; extensionSays?: string }
  | { ok: false; code: IngestErrorCode };

const delimiters = [',', ';', '\t', '|'];
/** The delimiter that stands for runs of spaces and tabs (CDNOW's .txt); read by readBlankSeparated.ts. */
export const blankRuns = ' ';

const extensionKinds: [RegExp, string][] = [
  [/\.(parquet|pq)$/i, 'parquet'],
  [/\.(json|ndjson|jsonl)$/i, 'json'],
  [/\.(csv|tsv|txt|tab)$/i, 'csv'],
  [/\.(xlsx|xls|ods)$/i, 'spreadsheet'],
];

export function sniff(fileName: string, head: Uint8Array, fileSize: number, choices: ReadChoices = {}): Sniffed {
  const extension = extensionKinds.find(([re]) => re.test(fileName))?.[1];
  const mismatch = (kind: string) => (extension && extension !== kind ? { extensionSays: extension } : {});
  if (fileSize === 0) return { ok: false, code: 'empty' };
  if (startsWith(head, [0x50, 0x41, 0x52, 0x31])) return { ok: true, kind: 'parquet', ...mismatch('parquet') };
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) return { ok: false, code: 'spreadsheet' };
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return { ok: false, code: 'utf16' };
  if (looksBinary(head)) return { ok: false, code: 'binary' };
  const encoding = textEncoding(head);
  const text = decode(head, encoding);
  if (text.trim() === '') return { ok: false, code: 'empty' };
  const first = text.replace(/^\uFEFF/, '').trimStart()[0];
  if (first === '[' || first === '{') return { ok: true, kind: 'json', ...mismatch('json') };
  const complete = head.length >= fileSize;
  // Excel writes "sep=;" as a first line to name the delimiter.
  const hint = /^sep=(.)\r?\n/i.exec(text.replace(/^\uFEFF/, ''));
  const body = text.replace(/^\uFEFF/, '').slice(hint ? hint[0].length : 0);
  const delimiter = choices.delimiter ?? (hint ? hint[1] : bestDelimiter(body, complete));
  const { header, skip } = delimiter === blankRuns ? { header: blankFields(body.trimStart().split(/\r?\n/, 1)[0]), skip: 0 } : locateHeader(body, delimiter, complete);
  const headerless = choices.header === undefined ? header.some(looksLikeValue) && header.every((f) => f.trim() === '' || looksLikeValue(f)) : !choices.header;
  const names = headerless ? header.map((_, i) => `column${i + 1}`) : header;
  return { ok: true, kind: 'csv', encoding, delimiter, header: names, skip: skip + (hint ? 1 : 0), ...(headerless ? { headerless } : {}), ...mismatch('csv') };
}

/** A field no header would be: a number, a date, a time (no letters). */
const looksLikeValue = (field: string) => /\d/.test(field) && !/\p{L}/u.test(field);

const blankFields = (line = '') => (line.trim() === '' ? [] : line.trim().split(/[ \t]+/));

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** NUL bytes or many control characters: not text any spreadsheet would export. */
function looksBinary(head: Uint8Array): boolean {
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) control++;
  }
  return control > head.length * 0.02;
}

function textEncoding(head: Uint8Array): NonNullable<Dialect['encoding']> {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return 'utf-8-bom';
  try {
    // The sample may end inside a multi-byte character: leave up to three bytes off.
    let end = head.length;
    while (end > 0 && end > head.length - 3 && (head[end - 1] & 0xc0) === 0x80) end--;
    if (end > 0 && head[end - 1] >= 0xc0) end--;
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return 'utf-8';
  } catch {
    return head.some((b) => b >= 0x80 && b <= 0x9f) ? 'windows-1252' : 'latin-1';
  }
}

export const decode = (bytes: Uint8Array, encoding: NonNullable<Dialect['encoding']>) =>
  encoding === 'utf-8' || encoding === 'utf-8-bom' ? new TextDecoder('utf-8').decode(bytes) : decodeWindows1252(bytes);

/** The delimiter that splits most lines of the sample into the same number (above one) of fields. */
function bestDelimiter(text: string, complete: boolean): string {
  let best = { delimiter: ',', score: -1 };
  // Runs of blanks come last: a real delimiter that splits the lines as well wins the tie.
  for (const delimiter of [...delimiters, blankRuns]) {
    const records = delimiter === blankRuns ? blankRecords(text, complete) : csvRecords(text, delimiter, 50, complete);
    if (records.length === 0) continue;
    const widths = records.map((r) => r.length);
    const common = mode(widths.filter((w) => w > 1));
    const agreeing = widths.filter((w) => w === common).length / widths.length;
    const score = common > 1 ? agreeing * 100 + common : 0;
    // Blank-separated only when no real delimiter splits the lines at all.
    if (score > best.score && (delimiter !== blankRuns || best.score <= 0)) best = { delimiter, score };
  }
  return best.delimiter;
}

function blankRecords(text: string, complete: boolean): string[][] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  // The sample may end inside its last line.
  return (complete ? lines : lines.slice(0, -1)).slice(0, 50).map(blankFields);
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
}
