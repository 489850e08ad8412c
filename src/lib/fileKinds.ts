/** Which reader a file needs, from its name and, more reliably, its first bytes. */
export type FileKind = 'csv' | 'parquet' | 'json';

const byExtension: [RegExp, FileKind][] = [
  [/\.parquet$|\.pq$/i, 'parquet'],
  [/\.json$|\.ndjson$|\.jsonl$/i, 'json'],
  [/\.csv$|\.tsv$|\.txt$|\.tab$/i, 'csv'],
];

const parquetMagic = [0x50, 0x41, 0x52, 0x31]; // "PAR1"

export function fileKind(name: string, head: Uint8Array): FileKind | undefined {
  if (parquetMagic.every((b, i) => head[i] === b)) return 'parquet';
  const firstChar = head.find((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0xef && b !== 0xbb && b !== 0xbf);
  const guessed = byExtension.find(([re]) => re.test(name))?.[1];
  if (guessed === 'json' || firstChar === 0x5b /* [ */ || firstChar === 0x7b /* { */) return 'json';
  return guessed;
}

/** A table name from a file name: `Orders 2024 (1).csv` -> `orders_2024_1`. */
export function tableNameFor(fileName: string, taken: Set<string>): string {
  const stem = fileName.replace(/\.[^.]+$/, '').normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  let base = stem.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'table';
  if (/^\d/.test(base)) base = `t_${base}`;
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
  return name;
}
