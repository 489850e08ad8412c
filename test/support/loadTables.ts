/**
 * Loads hand-written fixture rows into base.<table> (canonical columns, bound values) and
 * scopes them, so a golden test reads like its fixture.
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
    for (const row of tables[table]!) {
      for (const key of Object.keys(row)) if (!columns.includes(key)) throw new Error(`${table} has no column ${key}`);
      const given = columns.filter((c) => c in row);
      await db.exec(
        `insert into base.${table} (${given.map((c) => `"${c}"`).join(', ')}) values (${given.map(() => '?').join(', ')})`,
        given.map((c) => row[c]),
      );
    }
  }
  await applyScope(db, period, names);
}
