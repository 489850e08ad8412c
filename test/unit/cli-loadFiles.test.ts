// Pins how the command-line runner loads files: through the page's own ingestion (the classic
// Online Retail layout with 12/1/2010 8:26 dates, a Stripe export with "1,049.00" and a failed
// charge), several files appended into one table, each file reported with the page's notices,
// a file the page would ask about refused with the page's question and the headers it saw, and
// that question answered by a mapping file exported from the page.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, expect, test } from 'vitest';
import { loadFiles } from '../../src/cli/loadFiles';
import { openNativeDb, type NativeDb } from '../../src/cli/nativeDb';
import { headerSignature } from '../../src/lib/mapping/signature';
import { mappingFileText, parseMappingFile } from '../../src/lib/mappingFile';

const dir = 'test/fixtures/cli/load';
const ingestDir = 'test/fixtures/ingest';
const tmp = mkdtempSync(join(tmpdir(), 'clientele-load-'));
let db: NativeDb;
beforeEach(async () => {
  db = await openNativeDb();
});
afterEach(() => db.close());
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

test('the Online Retail layout loads: M/D/YYYY H:MM dates, C invoices as credit notes, a guest, with the page notices', async () => {
  const { files } = await loadFiles(db, [`${ingestDir}/online-retail.csv`]);
  expect(files.map((f) => [f.file, f.table, f.rowsLoaded])).toEqual([['online-retail.csv', 'orders', 4]]);
  expect(files[0].notices.map((n) => n.text)).toEqual([
    'online-retail.csv: 4 rows loaded into orders. 1 guest order (no customer id) kept and counted apart. 2 orders are refunded or cancelled.',
  ]);
  expect(await db.rows("select order_id, strftime(order_date, '%Y-%m-%d %H:%M') as at, round(revenue, 2) as revenue, round(refund, 2) as refund from base.orders order by order_date, order_id")).toEqual([
    { order_id: '536365', at: '2010-12-01 08:26', revenue: 15.3, refund: 0 },
    { order_id: '536366', at: '2010-12-01 08:28', revenue: 11.1, refund: 0 },
    { order_id: 'C536379', at: '2010-12-01 09:41', revenue: 0, refund: 27.5 },
    { order_id: '536380', at: '2010-12-13 09:41', revenue: 0, refund: 3.7 },
  ]);
});

test('a Stripe export: thousands separators read, the failed charge set aside with its reason, as in the page', async () => {
  const { files } = await loadFiles(db, [`${ingestDir}/stripe-payments.csv`]);
  expect(files[0]).toMatchObject({ table: 'orders', rowsLoaded: 3, setAside: [{ reason: 'failed payment (never a sale)', rows: 1 }], refundOrders: 1 });
  expect(files[0].notices.at(-1)).toEqual({ level: 'warning', text: '1 row of stripe-payments.csv was set aside: failed payment (never a sale) (1).', setAside: true });
  expect(await db.rows('select customer_id, revenue from base.orders order by order_date')).toEqual([
    { customer_id: 'cus_A', revenue: 49 },
    { customer_id: 'cus_B', revenue: 49 },
    { customer_id: 'cus_A', revenue: 1049 },
  ]);
});

test('three order files become one base.orders; a French export is recognised by its headers', async () => {
  const { files, columns } = await loadFiles(db, [`${dir}/shop orders 2024-01.csv`, `${dir}/orders-feb.csv`, `${dir}/commandes-fr.csv`]);
  expect(files.map((f) => [f.file, f.table, f.rowsLoaded])).toEqual([
    ['shop orders 2024-01.csv', 'orders', 2],
    ['orders-feb.csv', 'orders', 1],
    ['commandes-fr.csv', 'orders', 2],
  ]);
  expect(columns.has('orders')).toBe(true);
  // No file had a cost or a product: those columns exist, all NULL, and do not count as loaded
  // (a module needing orders(cost) is skipped, naming it); refund and status always count.
  expect(columns.get('orders')!.has('cost')).toBe(false);
  expect(columns.get('orders')!.has('product')).toBe(false);
  expect(['order_id', 'revenue', 'refund', 'status', 'channel'].every((c) => columns.get('orders')!.has(c))).toBe(true);
  expect(await db.rows('select order_id, customer_id, order_date, revenue, refund, channel from base.orders order by order_date')).toEqual([
    { order_id: '1', customer_id: 'c1', order_date: '2024-01-05 00:00:00', revenue: 10.5, refund: 0, channel: 'ads' },
    { order_id: '2', customer_id: 'c2', order_date: '2024-01-06 08:00:00', revenue: 20, refund: 0, channel: 'ads' },
    { order_id: "O'1", customer_id: 'c1', order_date: '2024-02-01 00:00:00', revenue: 5, refund: 1.25, channel: null },
    { order_id: 'F1', customer_id: 'c1', order_date: '2024-03-01 00:00:00', revenue: 12.5, refund: 0, channel: null },
    { order_id: 'F2', customer_id: 'c2', order_date: '2024-03-02 00:00:00', revenue: 8, refund: 0, channel: null },
  ]);
});

test('a file the page would ask about fails with the page question and the headers it saw', async () => {
  await expect(loadFiles(db, [`${ingestDir}/unclear.csv`])).rejects.toThrow(
    /^Which columns are which in “unclear\.csv”\? .*Its columns: "ref", "who", "when", "how much"\. .*--mapping/,
  );
  await expect(loadFiles(db, [`${dir}/price-list.csv`])).rejects.toThrow(/price-list\.csv.*"sku", "colour", "weight"/);
  await expect(loadFiles(db, [`${dir}/orders-baddate.csv`])).rejects.toThrow(/orders-baddate\.csv.*the column "order_date" chosen for order_date holds no dates/);
});

test('a mapping file exported from the page answers the question, by file name or by headers', async () => {
  const mapping = { table: 'orders' as const, columns: { order_id: 'ref', customer_id: 'who', order_date: 'when', revenue: 'how much' } };
  const byName = join(tmp, 'by-name.json');
  writeFileSync(byName, mappingFileText([{ file: 'unclear.csv', mapping }]));
  const { files } = await loadFiles(db, [`${ingestDir}/unclear.csv`], { mappings: parseMappingFile(await import('node:fs').then((fs) => fs.readFileSync(byName, 'utf8')), byName) });
  expect(files.map((f) => [f.table, f.rowsLoaded])).toEqual([['orders', 2]]);
  db.close();
  db = await openNativeDb();
  const bySignature = [{ signature: headerSignature(['ref', 'who', 'when', 'how much']), mapping }];
  expect((await loadFiles(db, [`${ingestDir}/unclear.csv`], { mappings: bySignature })).files[0].rowsLoaded).toBe(2);
});

test('a mapping entry carries the reading choices: a headerless, blank-separated file (CDNOW) loads with them', async () => {
  const cdnow = 'test/fixtures/cdnow/CDNOW_sample.txt';
  const mapping = { table: 'orders' as const, columns: { customer_id: 'column2', order_date: 'column3', quantity: 'column4', revenue: 'column5' } };
  const { files } = await loadFiles(db, [cdnow], { mappings: [{ file: 'CDNOW_sample.txt', mapping, read: { header: false, delimiter: ' ' } }] });
  expect(files.map((f) => [f.table, f.rowsLoaded])).toEqual([['orders', 6919]]);
  expect(await db.rows("select strftime(min(order_date), '%Y-%m-%d') as first, strftime(max(order_date), '%Y-%m-%d') as last, count(distinct customer_id)::integer as customers from base.orders")).toEqual([
    { first: '1997-01-01', last: '1998-06-30', customers: 2357 },
  ]);
});

test('loading leaves DuckDB\'s file search path as it found it', async () => {
  const before = await db.rows("select current_setting('file_search_path') as value");
  await loadFiles(db, [`${dir}/orders-feb.csv`]);
  expect(await db.rows("select current_setting('file_search_path') as value")).toEqual(before);
});

test('a mapping file that is not one says what is wrong with it', () => {
  expect(() => parseMappingFile('{', 'm.json')).toThrow(/^m\.json is not JSON/);
  expect(() => parseMappingFile('{"format":"clientele-mapping","version":1,"mappings":[{"file":"a.csv","mapping":{"table":"invoices","columns":{}}}]}', 'm.json')).toThrow(
    'm.json, mapping 1: its table must be one of orders',
  );
});
