// Pins the runner's sources read in place: the same order lines as one CSV file (loaded by the
// page's ingestion), as a glob of Parquet parts, as hive partitions (year=/month= folders) and as
// tables of a DuckDB database file (one canonical, one mapped by a mapping file's entry) give the
// same tables and the same KPI results; the page's rules still apply (a credit note, a status in
// French, a failed payment set aside); a database table that is no canonical table is named,
// not read; mentions read in place are copied so their sentiment can be scored. Data: the synthetic store (test/support/syntheticStore.ts) plus those awkward lines.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadFiles, type LoadResult } from '../../src/cli/loadFiles';
import { openNativeDb, type NativeDb } from '../../src/cli/nativeDb';
import { explorerFamilies } from '../../src/lib/moduleCatalog';
import { readCatalog } from '../../src/cli/readModules';
import { orderDateRange, runKpis, type KpiReport } from '../../src/cli/runKpis';
import { differences } from '../support/kpiDifferences';
import { writeSyntheticStore } from '../support/syntheticStore';

// The runner's KPIs: the explorer's modules are not among them (src/cli/kpis.ts).
const modules = readCatalog().current.filter((m) => !explorerFamilies.includes(m.family));
const other = ['customers', 'tickets', 'surveys', 'marketing_spend', 'leads', 'social_mentions'];
let tmp: string;
let files: Record<string, string>;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'clientele-inplace-'));
  const db = await openNativeDb();
  try {
    const written = await writeSyntheticStore(db, tmp);
    files = Object.fromEntries(written.map((f) => [f.split('/').pop()!.replace('.parquet', ''), f]));
    // Lines the page rewrites or sets aside: a credit note, a refund in French, a failed payment.
    await db.exec(`insert into synth.orders (order_id, customer_id, order_date, revenue, status, currency)
      values ('CN-1', 'c1', timestamp '2024-02-10 10:00:00', -40, null, null),
             ('X-2', 'c2', timestamp '2024-03-01 09:00:00', 25, 'Remboursé', null),
             ('X-3', 'c3', timestamp '2024-03-02 09:00:00', 30, 'failed', null)`);
    const orders = "(select * from synth.orders)";
    await db.exec(`copy ${orders} to '${join(tmp, 'orders.csv')}' (format csv, header true)`);
    mkdirSync(join(tmp, 'parts'));
    await db.exec(`copy ${orders} to '${join(tmp, 'parts')}' (format parquet, per_thread_output true, file_size_bytes '20KB')`);
    await db.exec(`copy (select *, year(order_date) as year, month(order_date) as month from synth.orders) to '${join(tmp, 'hive')}' (format parquet, partition_by (year, month))`);
    // A shop's own database: orders canonical, customers under its own names, and a table of notes.
    const shop = join(tmp, 'shop.duckdb');
    await db.exec(`attach '${shop}' as shop`);
    await db.exec('create table shop.orders as select * from synth.orders');
    await db.exec('create table shop.clients as select customer_id as client_no, first_seen as signed_up, email as mail, name as full_name, country, city, channel from synth.customers');
    await db.exec('create table shop.social_mentions as select * from synth.social_mentions');
    await db.exec("create table shop.notes as select 'call back' as memo, 3 as priority");
    await db.exec('detach shop');
  } finally {
    db.close();
  }
});

afterAll(() => tmp && rmSync(tmp, { recursive: true, force: true }));

const clientsMapping = {
  file: 'clients',
  mapping: { table: 'customers' as const, columns: { customer_id: 'client_no', first_seen: 'signed_up', email: 'mail', name: 'full_name', country: 'country', city: 'city', channel: 'channel' } },
};

const ways: Record<string, { inputs: () => string[]; database?: () => string }> = {
  'one CSV file': { inputs: () => [join(tmp, 'orders.csv'), ...other.map((t) => files[t])] },
  'a glob of Parquet parts': { inputs: () => [join(tmp, 'parts', '*.parquet'), ...other.map((t) => files[t])] },
  'hive partitions (a folder)': { inputs: () => [join(tmp, 'hive'), ...other.map((t) => files[t])] },
  'a DuckDB database file': { inputs: () => other.filter((t) => t !== 'customers' && t !== 'social_mentions').map((t) => files[t]), database: () => join(tmp, 'shop.duckdb') },
};

describe('the same order lines, read four ways', () => {
  const results = new Map<string, { loaded: LoadResult; report: KpiReport; base: unknown[] }>();
  const dbs: NativeDb[] = [];

  beforeAll(async () => {
    for (const [way, { inputs, database }] of Object.entries(ways)) {
      const db = await openNativeDb();
      dbs.push(db);
      const loaded = await loadFiles(db, inputs(), { mappings: [clientsMapping], database: database?.() });
      const range = (await orderDateRange(db))!;
      const report = await runKpis(db, modules, loaded.columns, range);
      const base = await db.rows('select count(*) as n, round(sum(revenue), 6) as revenue, round(sum(refund), 6) as refund, count(distinct status) as statuses, count(customer_id) as identified from base.orders');
      results.set(way, { loaded, report, base });
    }
  }, 120_000);

  afterAll(() => dbs.forEach((db) => db.close()));

  test('the orders are read in place, not copied, and the rules of the page applied', async () => {
    const glob = results.get('a glob of Parquet parts')!;
    const csv = results.get('one CSV file')!;
    expect(glob.loaded.files[0]).toMatchObject({ file: 'parts', table: 'orders', inPlace: true, setAside: [{ reason: 'failed payment (never a sale)', rows: 1 }] });
    expect(csv.loaded.files[0]).toMatchObject({ file: 'orders.csv', table: 'orders', rowsLoaded: glob.loaded.files[0].rowsLoaded });
    expect(csv.loaded.files[0].setAside).toEqual(glob.loaded.files[0].setAside);
    expect(glob.loaded.files[0].notices.map((n) => n.text)).toEqual(csv.loaded.files[0].notices.map((n) => n.text.replace('orders.csv', 'parts')));
    const [type] = await dbs[1].rows("select table_type from information_schema.tables where table_schema = 'base' and table_name = 'orders'");
    expect(type.table_type).toBe('VIEW');
    const [rules] = await dbs[1].rows("select revenue, refund, status from base.orders where order_id = 'CN-1'");
    expect(rules).toEqual({ revenue: 0, refund: 40, status: 'refunded' });
    const [french] = await dbs[1].rows("select status from base.orders where order_id = 'X-2'");
    expect(french.status).toBe('refunded');
  });

  test('hive partition columns come along, and every way gives the same base table', async () => {
    const [hive] = await dbs[2].rows('select count(distinct year) as years from read_parquet(?, hive_partitioning = true)', [join(tmp, 'hive', '**', '*.parquet')]);
    expect(Number(hive.years)).toBeGreaterThan(1);
    for (const way of Object.keys(ways)) expect(results.get(way)!.base, way).toEqual(results.get('one CSV file')!.base);
  });

  test('a database gives its canonical and its mapped tables, and names the one it did not read', () => {
    const db = results.get('a DuckDB database file')!;
    expect(db.loaded.files.filter((f) => f.inPlace).map((f) => [f.file, f.table])).toEqual([
      ['clients', 'customers'],
      ['orders', 'orders'],
      ['social_mentions', 'social_mentions'],
    ]);
    expect(db.loaded.notRead.map((n) => n.name)).toEqual(['notes']);
    expect(db.loaded.notRead[0].question).toContain('"memo"');
  });

  test.each(Object.keys(ways).filter((w) => w !== 'one CSV file'))('%s gives the KPI results of the CSV file', (way) => {
    const csv = results.get('one CSV file')!.report;
    const other = results.get(way)!.report;
    expect(other.modules.length).toBeGreaterThan(20);
    expect(other.modules.filter((m) => m.error).map((m) => m.id)).toEqual([]);
    expect(differences(csv, other)).toEqual([]);
    expect(other.clv && !('error' in other.clv) ? other.clv.prediction.customers : -1).toBe(csv.clv && !('error' in csv.clv) ? csv.clv.prediction.customers : -2);
  });
});
