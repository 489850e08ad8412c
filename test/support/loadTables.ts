/**
 * Loads hand-written fixture rows into base.<table> (canonical columns, bound values) and
 * scopes them, so a golden test reads like its fixture. A text value is stored as ingestion
 * stores it (src/worker/ingest/parseSql.ts): trimmed, and NULL when blank; the modules rely on it,
 * so a fixture's `country: ''` is the blank cell of an export, as the page and the runner read it.
 */
import { canonicalTables, createTableSql, type CanonicalTableName } from '../../src/lib/canonical';
import type { Db, SqlValue } from '../../src/lib/db';
import { applyScope, ensureBaseSchema } from '../../src/lib/scope';

export type FixtureRow = Record<string, SqlValue>;

export async function loadTables(db: Db, tables: Partial<Record<CanonicalTableName, FixtureRow[]>>, period: { start: string; end: string }) {
  await ensureBaseSchema(db);
  const names = Object.keys(tables) as CanonicalTableName[];
  for (const table of names) {
    await db.exec(`drop table if exists base.${table} cascade`);
    await db.exec(createTableSql(table, `base.${table}`));
    const columns = canonicalTables[table].columns.map((c) => c.name);
    const types = new Map(canonicalTables[table].columns.map((c) => [c.name, c.type]));
    for (const row of tables[table]!) {
      for (const key of Object.keys(row)) if (!columns.includes(key)) throw new Error(`${table} has no column ${key}`);
      const given = columns.filter((c) => c in row);
      await db.exec(
        `insert into base.${table} (${given.map((c) => `"${c}"`).join(', ')}) values (${given.map(() => '?').join(', ')})`,
        given.map((c) => asIngested(types.get(c), row[c])),
      );
    }
  }
  await applyScope(db, period, names);
}

function asIngested(type: string | undefined, value: SqlValue): SqlValue {
  if (type !== 'VARCHAR' || typeof value !== 'string') return value;
  return value.trim() === '' ? null : value.trim();
}
