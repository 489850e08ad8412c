/**
 * Where a delimited file's header is: title lines above it (a report name, an export date: one
 * field each, or blank) are skipped, and a delimiter that ends every data line but not the
 * header (or the header but not the data) is evened out, so the rows are not all rejected.
 */
import { csvRecords } from './csvRecords';

export function locateHeader(body: string, delimiter: string, complete: boolean): { header: string[]; skip: number } {
  const lines = body.split(/\r?\n/, 60);
  const width = (line: string) => (line.trim() === '' ? 0 : (csvRecords(line, delimiter, 1, true)[0]?.length ?? 0));
  let skip = 0;
  while (skip < lines.length - 1 && width(lines[skip]) <= 1 && lines.slice(skip + 1).some((l) => width(l) > 1)) skip++;
  const rest = skip ? body.slice(lineStart(body, skip)) : body;
  const [header = [], ...data] = csvRecords(rest, delimiter, 50, complete);
  const share = (test: (r: string[]) => boolean) => (data.length ? data.filter(test).length / data.length : 0);
  if (share((r) => r.length === header.length + 1 && r.at(-1) === '') > 0.5) return { header: [...header, ''], skip };
  if (header.at(-1) === '' && share((r) => r.length === header.length - 1) > 0.5) return { header: header.slice(0, -1), skip };
  return { header, skip };
}

function lineStart(text: string, line: number): number {
  const eol = /\r?\n/g;
  let start = 0;
  for (let i = 0; i < line; i++) {
    const m = eol.exec(text);
    if (!m) return text.length;
    start = m.index + m[0].length;
  }
  return start;
}
