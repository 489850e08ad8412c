// The module contract, for every file in queries/ (current and retired versions): the header
// parses; the SQL runs against empty tables that have ONLY the columns `needs` declares (so an
// undeclared column fails); the result's columns are the header's, in order and type; the SQL
// has not changed since its version was recorded in queries/versions.json; and every earlier
// version is kept as <id>@<n>.sql (a module merged into another keeps only those); every current
// module with a headline says which way is better (`better:`), a line the fingerprint leaves out.
// Plus the manifest script's refusal rule.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queriesDir, readCatalog, readModuleFiles } from '../../src/cli/readModules';
import { canonicalTables, derivedTables } from '../../src/lib/canonical';
import { quoteIdent } from '../../src/lib/db';
import { explorerFamilies, mergedModules } from '../../src/lib/moduleCatalog';
import { preparedTables } from '../../src/lib/prepared';
import { scopeTables } from '../../src/lib/customerScope';
import { moduleRef, paramProblem, parseQueryModule, type QueryModule } from '../../src/lib/queryModule';
import { runModule } from '../../src/lib/runModule';
import { setPeriod } from '../../src/lib/scope';
import { openWasmDb, type WasmDb } from '../support/wasmDb';
import { moduleFingerprint } from '../../src/cli/moduleFingerprint';
import { changedMessage, isRetired, manifestKey, updateManifest, type Manifest } from '../../src/cli/moduleManifest';

const files = readModuleFiles();
const manifest: Manifest = JSON.parse(readFileSync(join(queriesDir, 'versions.json'), 'utf8'));
const current = new Map(
  Object.entries(files)
    .filter(([path]) => !isRetired(path))
    .map(([path, text]) => [parseQueryModule(path, text).id, parseQueryModule(path, text)]),
);

let db: WasmDb;
beforeAll(async () => {
  db = await openWasmDb();
  await db.exec('create schema if not exists base');
});
afterAll(() => db.close());

function columnType(table: string, column: string): string {
  const known = canonicalTables[table as keyof typeof canonicalTables]?.columns ?? derivedTables[table] ?? preparedTables[table] ?? scopeTables[table];
  const found = known?.find((c) => c.name === column);
  if (!found) throw new Error(`needs names ${table}.${column}, which is not a canonical column`);
  return found.type;
}

const allTables = [...Object.keys(canonicalTables), ...Object.keys(derivedTables), ...Object.keys(preparedTables), ...Object.keys(scopeTables)];

/**
 * Empty base tables with just the declared columns, and the scoped views over them; every other
 * table is dropped first, so an undeclared table fails as well as an undeclared column.
 */
async function emptyTablesFor(module: QueryModule) {
  for (const table of allTables) {
    await db.exec(`drop view if exists ${quoteIdent(table)}`);
    await db.exec(`drop table if exists ${quoteIdent(table)}`);
    await db.exec(`drop table if exists base.${quoteIdent(table)}`);
  }
  for (const { table, columns } of module.needs) {
    await db.exec(`create table base.${quoteIdent(table)} (${columns.map((c) => `${quoteIdent(c)} ${columnType(table, c)}`).join(', ')})`);
    await db.exec(`create view ${quoteIdent(table)} as select * from base.${quoteIdent(table)}`);
  }
  await setPeriod(db, '2024-01-01', '2024-12-31');
}

const catalog = readCatalog();

describe.each(Object.entries(files))('%s', (path, text) => {
  // As the catalog holds it: with the modules it uses (`uses:`) resolved into views.
  const parsed = parseQueryModule(path, text);
  const module = catalog.byRef.get(moduleRef(parsed)) ?? parsed;
  const retired = isRetired(path);

  test('runs on empty tables with only the declared columns, and returns the declared columns', async () => {
    await emptyTablesFor(module);
    await runModule(db, module);
    const described = await db.rows(`select column_name, column_type from (describe ${module.sql.replace(/;\s*$/, '')})`);
    expect(described.map((r) => r.column_name)).toEqual(module.columns.map((c) => c.name));
    expect(described.map((r) => `${r.column_name} ${String(r.column_type).toLowerCase()}`), 'cast each column to its declared type').toEqual(
      module.columns.map((c) => `${c.name} ${c.type}`),
    );
  });

  test('its SQL matches the fingerprint recorded for its version', () => {
    const recorded = manifest[manifestKey(path, text)];
    expect(recorded, `queries/${path} is not in queries/versions.json: run npm run queries:manifest`).toBeDefined();
    if (!retired) expect(recorded.version, `queries/${path}: run npm run queries:manifest to record its new version`).toBe(module.version);
    expect(recorded.sha256, changedMessage(path, module.id, recorded.version)).toBe(moduleFingerprint(text));
  });

  if (retired) {
    test('is an older version of a current module (or of one merged into another), named for its version', () => {
      expect(path.endsWith(`@${module.version}.sql`), `${path} declares version ${module.version}`).toBe(true);
      const merged = mergedModules[module.id];
      if (merged) expect(current.has(module.id) || !current.has(merged), `${path}: ${module.id} was merged into ${merged}`).toBe(false);
      else expect(current.get(module.id)?.version ?? 0, `${path} has no newer current module`).toBeGreaterThan(module.version);
    });
  } else {
    if (module.headline) {
      test('says whether a higher headline is better', () => {
        expect(module.better, `queries/${path}: add "-- better: higher | lower | neutral" below its headline`).toMatch(/^(higher|lower|neutral)$/);
      });
    }
    test('keeps every earlier version as <id>@<n>.sql', () => {
      const dir = path.replace(/[^/\\]+$/, '');
      const missing = Array.from({ length: module.version - 1 }, (_, i) => `${dir}${module.id}@${i + 1}.sql`).filter((p) => !(p in files));
      expect(missing).toEqual([]);
    });
  }
});

test('the manifest lists no module that is gone', () => {
  const keys = new Set(Object.entries(files).map(([p, t]) => manifestKey(p, t)));
  expect(Object.keys(manifest).filter((k) => !keys.has(k))).toEqual([]);
});

test('an undeclared table fails the contract', async () => {
  const module = parseQueryModule('value/bad.sql', ['-- id: bad', '-- version: 1', '-- title: Bad', '-- needs: orders(order_id)', '-- view: table', '-- columns: n integer', 'select count(*)::integer as n from orders, tickets'].join('\n'));
  await emptyTablesFor(parseQueryModule('value/other.sql', ['-- id: other', '-- version: 1', '-- title: Other', '-- needs: tickets(ticket_id)', '-- view: table', '-- columns: n integer', 'select 1'].join('\n')));
  await emptyTablesFor(module);
  await expect(runModule(db, module)).rejects.toThrow(/tickets/);
});

test('an undeclared column fails the contract', async () => {
  const module = parseQueryModule('value/bad.sql', ['-- id: bad', '-- version: 1', '-- title: Bad', '-- needs: orders(order_id)', '-- view: table', '-- columns: n integer', 'select count(customer_id)::integer as n from orders'].join('\n'));
  await emptyTablesFor(module);
  await expect(runModule(db, module)).rejects.toThrow(/customer_id/);
});

test('fingerprints cover what decides the result, and not the words around it', () => {
  expect(moduleFingerprint('select 1  \r\nfrom t\n')).toBe(moduleFingerprint('select 1\nfrom t'));
  expect(moduleFingerprint('select 1')).not.toBe(moduleFingerprint('select 2'));
  const header = ['-- id: y', '-- version: 1', '-- title: Y', '-- needs: orders(order_id)', '-- view: metric'];
  const module = (...extra: string[]) => [...header, ...extra, '-- columns: n integer', 'select count(*)::integer as n from orders'].join('\n');
  const same = (a: string, b: string) => expect(moduleFingerprint(a)).toBe(moduleFingerprint(b));
  const differ = (a: string, b: string) => expect(moduleFingerprint(a)).not.toBe(moduleFingerprint(b));
  same(module('-- headline: n integer', '-- better: higher'), module('-- headline: n integer'));
  same(module('-- headline: n integer', '-- better: lower'), module('-- headline: n integer', '-- better: higher'));
  // How the headline reads is presentation; which column it is, is not.
  same(module('-- headline: n percent'), module('-- headline: n integer'));
  differ(module('-- headline: m integer'), module('-- headline: n integer'));
  same(module('-- show: n integer | Orders', '-- Orders in the period.'), module('-- Orders placed in the period, whatever their status.'));
  same(module().replace('Y', 'Orders'), module());
  same(`${module()}\n-- a note for whoever edits this`, module());
  differ(module().replace('orders(order_id)', 'orders(order_id, revenue)'), module());
  differ(module('-- param: top integer = 3 | How many'), module('-- param: top integer = 5 | How many'));
  differ(`${module()}\nwhere order_id is not null`, module());
});

describe('show: and input: lines', () => {
  const text = (...extra: string[]) =>
    ['-- id: y', '-- version: 1', '-- title: Y', '-- needs: orders(order_id)', '-- view: line(month, n)', '-- columns: month date, n double, channel varchar', ...extra, 'select 1'].join('\n');
  test('give a column its label and format; without one it reads as its humanised name in its type\'s format', () => {
    const m = parseQueryModule('x/y.sql', text('-- show: n percent | Share of customers', '-- show: month month | Month'));
    expect(m.columns).toEqual([
      { name: 'month', type: 'date', label: 'Month', format: 'month', shown: true },
      { name: 'n', type: 'double', label: 'Share of customers', format: 'percent', shown: true },
      { name: 'channel', type: 'varchar', label: 'Channel', format: 'text', shown: false },
    ]);
    expect(() => parseQueryModule('x/y.sql', text('-- show: n percentage | Share'))).toThrow(/show format "percentage" is not one of/);
    expect(() => parseQueryModule('x/y.sql', text('-- show: m percent | Share'))).toThrow(/show names "m"/);
    expect(() => parseQueryModule('x/y.sql', text('-- show: n percent'))).toThrow(/is not "column format \| Label"/);
  });
  test('bound a parameter, and the same rule refuses a value in the page and the runner', () => {
    const m = parseQueryModule(
      'x/y.sql',
      text('-- param: top_share double = 0.2 | Share', '-- input: top_share 0.01..0.99 percent', '-- param: grain varchar = month | Grain', '-- input: grain one of day, week, month', '-- param: top integer = 25 | How many', '-- input: top 1..1000 customers'),
    );
    const [share, grain, top] = m.params;
    expect(share.input).toEqual({ kind: 'range', min: 0.01, max: 0.99, unit: 'percent' });
    expect(grain.input).toEqual({ kind: 'choice', options: ['day', 'week', 'month'] });
    expect(paramProblem(share, 0.2)).toBeUndefined();
    expect(paramProblem(share, 20)).toBe('top_share is from 1% to 99%');
    expect(paramProblem(grain, 'Monthly')).toBe('grain is one of day, week, month');
    expect(paramProblem(top, -3)).toBe('top is from 1 to 1000 customers');
    expect(paramProblem(top, null)).toBe('top needs a value');
    expect(() => parseQueryModule('x/y.sql', text('-- param: top integer = 0 | How many', '-- input: top 1..10'))).toThrow(/default 0 is outside 1..10/);
    expect(() => parseQueryModule('x/y.sql', text('-- param: g varchar = year | G', '-- input: g one of day, month'))).toThrow(/default "year" is not one of its choices/);
    expect(() => parseQueryModule('x/y.sql', text('-- input: top 1..10'))).toThrow(/does not start with the name of a "param:"/);
  });
  test('every number and text parameter of a current module has its range or choices', () => {
    // The explorer's modules are not cells: no control shows their parameters (a customer id).
    const cells = [...current.values()].filter((m) => !explorerFamilies.includes(m.family));
    const missing = cells.flatMap((m) => m.params.filter((p) => p.type !== 'boolean' && p.type !== 'date' && !p.input).map((p) => `${m.id}.${p.name}`));
    expect(missing, 'add "-- input: <param> min..max [unit]" or "-- input: <param> one of a, b" below each').toEqual([]);
  });
  test('every column of a current module has its label and format', () => {
    const missing = [...current.values()].flatMap((m) => m.columns.filter((c) => !c.shown).map((c) => `${m.id}.${c.name}`));
    expect(missing, 'add "-- show: <column> <format> | <Label>" above "-- columns:" for each').toEqual([]);
  });
  test("a headline's column shows in the headline's format, so table and headline agree", () => {
    const differ = [...current.values()]
      .filter((m) => m.headline && m.columns.find((c) => c.name === m.headline!.column)?.format !== m.headline.format)
      .map((m) => `${m.id}: headline ${m.headline!.format}, show ${m.columns.find((c) => c.name === m.headline!.column)?.format}`);
    expect(differ).toEqual([]);
  });
});

describe('the better: line', () => {
  const text = (...extra: string[]) => ['-- id: y', '-- version: 1', '-- title: Y', '-- needs: orders(order_id)', '-- view: metric', '-- columns: n integer', ...extra, 'select 1 as n'].join('\n');
  test('is read from the header', () => {
    expect(parseQueryModule('x/y.sql', text('-- headline: n integer', '-- better: lower')).better).toBe('lower');
    expect(parseQueryModule('x/y.sql', text('-- headline: n integer')).better).toBeUndefined();
  });
  test('is higher, lower or neutral, and only beside a headline', () => {
    expect(() => parseQueryModule('x/y.sql', text('-- headline: n integer', '-- better: up'))).toThrow(/better "up" is not one of higher, lower, neutral/);
    expect(() => parseQueryModule('x/y.sql', text('-- better: higher'))).toThrow(/no "headline:"/);
  });
  test('of a current version is its retired versions\' too, so old links colour the same way', () => {
    const catalog = readCatalog();
    const retired = [...catalog.byRef.values()].filter((m) => m.headline && m !== catalog.current.find((c) => c.id === m.id));
    expect(retired.length).toBeGreaterThan(0);
    for (const m of retired) {
      // A module merged into another has no current version: its kept files say it themselves.
      if (mergedModules[m.id]) {
        expect(m.better, `${m.id}@${m.version}`).toMatch(/^(higher|lower|neutral)$/);
        continue;
      }
      const better = catalog.current.find((c) => c.id === m.id)?.better;
      expect(better, `${m.id}: its current version says no better:`).toBeDefined();
      expect(m.better, `${m.id}@${m.version}`).toBe(better);
    }
  });
});

describe('the manifest update', () => {
  const header = (version: number) => ['-- id: y', `-- version: ${version}`, '-- title: Y', '-- needs: orders(order_id)', '-- view: metric', '-- columns: n integer'];
  const v1 = [...header(1), 'select count(*)::integer as n from orders'].join('\n');
  const v1changed = [...header(1), 'select count(distinct order_id)::integer as n from orders'].join('\n');
  const v2 = [...header(2), 'select count(distinct order_id)::integer as n from orders'].join('\n');
  const recorded = updateManifest({}, { 'x/y.sql': v1 }).manifest;

  test('refuses a changed module whose version did not change, and keeps the old entry', () => {
    const { manifest: next, refused } = updateManifest(recorded, { 'x/y.sql': v1changed });
    expect(refused).toEqual(['queries/x/y.sql changed; bump its version and keep the old file as y@1.sql (then npm run queries:manifest)']);
    expect(next).toEqual(recorded);
  });

  test('records a bumped version beside the kept old file', () => {
    const { manifest: next, refused } = updateManifest(recorded, { 'x/y.sql': v2, 'x/y@1.sql': v1 });
    expect(refused).toEqual([]);
    expect(next).toEqual({ y: { version: 2, sha256: moduleFingerprint(v2) }, 'y@1': { version: 1, sha256: moduleFingerprint(v1) } });
  });

  test('refuses an old file that is not the text recorded for its version', () => {
    const { refused } = updateManifest(recorded, { 'x/y.sql': v2, 'x/y@1.sql': v1changed });
    expect(refused).toEqual(['queries/x/y@1.sql is not the recorded version 1 of y: copy it from git as it was committed']);
  });

  test('refuses a retired version that changed', () => {
    const kept = updateManifest({}, { 'x/y.sql': v2, 'x/y@1.sql': v1 }).manifest;
    const { refused } = updateManifest(kept, { 'x/y.sql': v2, 'x/y@1.sql': v1changed });
    expect(refused).toEqual(['queries/x/y@1.sql changed; a retired version must stay as it was: restore it from git']);
  });
});
