/**
 * Splits the first bytes of a delimited text into records (RFC 4180 quoting: "" inside quotes,
 * delimiters and newlines inside quotes). Only for sniffing; DuckDB reads the whole file.
 * The last record is dropped when the sample ends inside it.
 */
export function csvRecords(text: string, delimiter: string, maxRecords: number, complete = false): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const push = () => {
    record.push(field);
    field = '';
  };
  while (i < text.length && records.length < maxRecords) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) push();
    else if (ch === '\n' || ch === '\r') {
      push();
      if (!(record.length === 1 && record[0] === '')) records.push(record);
      record = [];
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else field += ch;
    i++;
  }
  if (complete && !quoted && (field !== '' || record.length)) {
    push();
    records.push(record);
  }
  return records;
}
