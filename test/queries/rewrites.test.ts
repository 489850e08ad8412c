// Versions that only changed how a KPI is computed must answer as the version before them. The
// modules that read the prepared `customer_orders` (src/lib/prepared.ts) instead of every order
// line say so in their text ("its answers are version N's": in the definition of a retired file, in the SQL's comments of a
// current one, whose definition speaks to the analyst), current or since retired; each is run beside version N on the
// shipped sample and on the synthetic store with awkward values (guests, NULLs, refunds, month
// edges), for several periods, on native DuckDB with one thread. Numbers may differ below a
// relative 1e-9: sums of orders add the same lines in another order.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadFiles } from '../../src/cli/loadFiles';
import { openNativeDb, type NativeDb } from '../../src/cli/nativeDb';
import { readCatalog } from '../../src/cli/readModules';
import type { Row } from '../../src/lib/db';
import { runModule } from '../../src/lib/runModule';
import { ensureExplorerTables } from '../../src/lib/explorerTables';
import { applyScope, previousPeriod, setPeriod } from '../../src/lib/scope';
import { writeSyntheticStore } from '../support/syntheticStore';

const catalog = readCatalog();
// Retired versions too: a rewrite that a later version replaced still vouches for its own numbers.
const rewrites = [...catalog.byRef.values()]
  .map((module) => ({ module, before: Number(/its answers are version (\d+)'s/.exec(`${module.definition} ${module.sql}`.replace(/\s+/g, ' '))?.[1]) }))
  .filter((r) => r.before > 0)
  .map(({ module, before }) => ({ module, previous: catalog.byRef.get(`${module.id}@${before}`)! }));

test('the prepared-table rewrites are found, each with the version it answers as', () => {
  expect(rewrites.length).toBeGreaterThanOrEqual(18);
  for (const r of rewrites) expect(r.previous, `${r.module.id}: the version it names is kept`).toBeDefined();
});

const sampleDir = fileURLToPath(new URL('../../static/sample/', import.meta.url));
const stores = [
  { name: 'the sample store', files: async () => readdirSync(sampleDir).filter((f) => f.endsWith('.parquet')).map((f) => join(sampleDir, f)) },
  { name: 'the synthetic store', files: (db: NativeDb, dir: string) => writeSyntheticStore(db, dir) },
];

const close = (a: unknown, b: unknown) =>
  typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)) : a === b;

function firstDifference(a: Row[], b: Row[]): string | undefined {
  if (a.length !== b.length) return `${a.length} rows against ${b.length}`;
  for (let i = 0; i < a.length; i++) {
    for (const key of Object.keys(a[i])) if (!close(a[i][key], b[i][key])) return `row ${i}, ${key}: ${a[i][key]} against ${b[i][key]}`;
  }
  return undefined;
}

// A facet lists (customer, value) pairs, and the explorer's modules customers, in no order (the
// scope layer joins them, the list sorts them): compared sorted.
const inOrder = (family: string, rows: Row[]) => (family === 'facets' || family === 'customers' ? [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) : rows);

describe.each(stores)('on $name', ({ files }) => {
  let db: NativeDb;
  let tmp: string;
  let periods: { start: string; end: string }[];
  beforeAll(async () => {
    db = await openNativeDb();
    await db.exec('set threads = 1');
    tmp = mkdtempSync(join(tmpdir(), 'clientele-rewrites-'));
    const loaded = await loadFiles(db, await files(db, tmp));
    const [range] = await db.rows("select strftime(min(order_date), '%Y-%m-%d') as first, strftime(max(order_date), '%Y-%m-%d') as last from base.orders");
    const first = String(range.first);
    const last = String(range.last);
    const back = (days: number) => new Date(Date.parse(`${last}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
    const year = { start: back(364), end: last };
    // The default year and its comparison, the last 90 days, all history, and a month cut mid-month.
    periods = [year, previousPeriod(year.start, year.end), { start: back(89), end: last }, { start: first, end: last }, { start: back(500), end: back(470) }];
    await applyScope(db, year, [...loaded.columns.keys()]);
    // The explorer's modules read the predictions, empty before a fit, as the page and the runner make them.
    await ensureExplorerTables(db, [...loaded.columns.keys()]);
  }, 60_000);
  afterAll(() => {
    db.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  test.each(rewrites.map((r) => [`${r.module.id}@${r.module.version}`, r] as const))('%s answers as the version before it', async (_, { module, previous }) => {
    for (const period of periods) {
      await setPeriod(db, period.start, period.end);
      const before = inOrder(module.family, await runModule(db, previous));
      const now = inOrder(module.family, await runModule(db, module));
      expect(firstDifference(before, now), `${period.start} to ${period.end}`).toBeUndefined();
    }
  });
});
