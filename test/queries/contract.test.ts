// The module contract, for every file in queries/ (current and retired versions): the header
// parses; the SQL runs against empty tables that have ONLY the columns `needs` declares (so an
// undeclared column fails); the result's columns are the header's, in order; and the SQL has
// not changed since its version was recorded in queries/versions.json.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queriesDir, readModuleFiles } from '../../src/cli/readModules';
import { canonicalTables, derivedTables } from '../../src/lib/canonical';
import { quoteIdent } from '../../src/lib/db';
import { parseQueryModule, type QueryModule } from '../../src/lib/queryModule';
import { runModule } from '../../src/lib/runModule';
import { setPeriod } from '../../src/lib/scope';
import { openWasmDb, type WasmDb } from '../support/wasmDb';
import { moduleFingerprint } from '../../src/cli/moduleFingerprint';

const files = readModuleFiles();
const manifest: Record<string, { version: number; sha256: string }> = JSON.parse(readFileSync(join(queriesDir, 'versions.json'), 'utf8'));

let db: WasmDb;
beforeAll(async () => {
  db = await openWasmDb();
  await db.exec('create schema if not exists base');
});
afterAll(() => db.close());

function columnType(table: string, column: string): string {
  const known = canonicalTables[table as keyof typeof canonicalTables]?.columns ?? derivedTables[table];
  const found = known?.find((c) => c.name === column);
  if (!found) throw new Error(`needs names ${table}.${column}, which is not a canonical column`);
  return found.type;
}

/** Empty base tables with just the declared columns, and the scoped views over them. */
async function emptyTablesFor(module: QueryModule) {
  for (const { table, columns } of module.needs) {
    await db.exec(`drop view if exists ${quoteIdent(table)}`);
    await db.exec(`drop table if exists ${quoteIdent(table)}`);
    await db.exec(`drop table if exists base.${quoteIdent(table)}`);
    await db.exec(`create table base.${quoteIdent(table)} (${columns.map((c) => `${quoteIdent(c)} ${columnType(table, c)}`).join(', ')})`);
    await db.exec(`create view ${quoteIdent(table)} as select * from base.${quoteIdent(table)}`);
  }
  await setPeriod(db, '2024-01-01', '2024-12-31');
}

describe.each(Object.entries(files))('%s', (path, text) => {
  const module = parseQueryModule(path, text);
  const ref = `${module.id}@${module.version}`;
  const retired = /@\d+\.sql$/.test(path);

  test('runs on empty tables with only the declared columns, and returns the declared columns', async () => {
    await emptyTablesFor(module);
    await runModule(db, module);
    const described = await db.rows(`select column_name from (describe ${module.sql.replace(/;\s*$/, '')})`);
    expect(described.map((r) => r.column_name)).toEqual(module.columns.map((c) => c.name));
  });

  test('its SQL matches the fingerprint recorded for its version', () => {
    const key = retired ? ref : module.id;
    const recorded = manifest[key];
    const message = `${path} changed: bump its version and keep the old file as ${module.id}@${recorded?.version}.sql (then npm run queries:manifest)`;
    if (!retired) expect(recorded?.version, `${path} is not in queries/versions.json: run npm run queries:manifest`).toBe(module.version);
    expect(recorded?.sha256, message).toBe(moduleFingerprint(text));
  });
});

test('the manifest lists no module that is gone', () => {
  const ids = new Set(Object.entries(files).map(([p, t]) => (/@\d+\.sql$/.test(p) ? `${parseQueryModule(p, t).id}@${parseQueryModule(p, t).version}` : parseQueryModule(p, t).id)));
  expect(Object.keys(manifest).filter((k) => !ids.has(k))).toEqual([]);
});

test('an undeclared column fails the contract', async () => {
  const module = parseQueryModule('value/bad.sql', ['-- id: bad', '-- version: 1', '-- title: Bad', '-- needs: orders(order_id)', '-- view: table', '-- columns: n integer', 'select count(customer_id)::integer as n from orders'].join('\n'));
  await emptyTablesFor(module);
  await expect(runModule(db, module)).rejects.toThrow(/customer_id/);
});

test('fingerprints ignore line endings and trailing spaces, nothing else', () => {
  expect(moduleFingerprint('select 1  \r\nfrom t\n')).toBe(moduleFingerprint('select 1\nfrom t'));
  expect(moduleFingerprint('select 1')).not.toBe(moduleFingerprint('select 2'));
  expect(createHash('sha256').update('x').digest('hex')).toHaveLength(64);
});
