/** Row-by-row comparison of two results, floats to a relative 1e-9 (engines add in different orders). */
import type { Row, SqlValue } from '../../../src/lib/db';

const same = (a: SqlValue, b: SqlValue) =>
  typeof a === 'number' && typeof b === 'number' ? a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) : a === b;

/** Every difference as a sentence, at most `limit`; empty when the results agree. */
export function differences(id: string, sql: Row[], other: Row[], limit = 5): string[] {
  const out: string[] = [];
  if (sql.length !== other.length) out.push(`${id}: ${sql.length} rows in SQL, ${other.length} in Arquero`);
  sql.slice(0, other.length).forEach((row, i) => {
    for (const key of new Set([...Object.keys(row), ...Object.keys(other[i])])) {
      if (!same(row[key] ?? null, other[i][key] ?? null)) out.push(`${id} row ${i} ${key}: SQL ${JSON.stringify(row[key])}, Arquero ${JSON.stringify(other[i][key])}`);
    }
  });
  return out.slice(0, limit);
}
