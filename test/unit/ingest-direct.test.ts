// The short way in for files that are already canonical (real DuckDB-WASM): taken only when the
// general way would load every row unchanged, and then it loads the same rows.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Table as ParquetTable, writeParquet } from 'parquet-wasm/node';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ingest } from '../../src/worker/ingest/ingest';
import { openIngestHost } from '../support/ingestHost';

const arrow = createRequire(import.meta.url)('apache-arrow');

let host: Awaited<ReturnType<typeof openIngestHost>>;
beforeAll(async () => {
  host = await openIngestHost();
});
afterAll(() => host.wasm.close());

const text = (s: string) => new TextEncoder().encode(s);
const header = 'order_id,customer_id,order_date,revenue,refund,status';

async function load(name: string, csv: string, schema: string) {
  const out = await ingest(host, { name, data: text(csv) }, {}, schema);
  if (!out.ok || out.value.status !== 'loaded') throw new Error(JSON.stringify(out));
  return out.value;
}

test('a canonical CSV whose values all cast loads by the short way, with the general way’s rows and counts', async () => {
  const csv = [header, 'A1,c1,2025-03-01 10:00:00,10,0,completed', 'A2,,2025-03-02,20,5,refunded', 'A3,c2,2025-03-03,30,,cancelled'].join('\n');
  const loaded = await load('orders.csv', csv, 'direct1');
  expect(loaded.dialect.formats).toEqual({}); // no per-column format decisions: the short way
  expect([loaded.rowsLoaded, loaded.guestOrders, loaded.refundOrders]).toEqual([3, 1, 2]);
  // A cancelled order with no refund given is refunded whole, as the general way has it: its net is 0, not 30.
  expect(await host.rows('select order_id, customer_id, revenue, refund, status from direct1.orders order by order_id')).toEqual([
    { order_id: 'A1', customer_id: 'c1', revenue: 10, refund: 0, status: 'completed' },
    { order_id: 'A2', customer_id: null, revenue: 20, refund: 5, status: 'refunded' },
    { order_id: 'A3', customer_id: 'c2', revenue: 30, refund: 30, status: 'cancelled' },
  ]);
  await loadGeneral('orders.csv', csv, 'general1');
  expect(await table('direct1')).toEqual(await table('general1'));
});

test('a value that does not cast or a missing required value goes the general way', async () => {
  const cases = [
    [header, 'B1,c1,01/03/2025,10,0,completed'], // day-first date: decided by the general way
    [header, 'B1,c1,,10,0,completed'], // no date: set aside by the general way
  ];
  for (const [i, lines] of cases.entries()) {
    const loaded = await load('orders.csv', lines.join('\n'), `direct_general_${i}`);
    expect(Object.keys(loaded.dialect.formats).length, lines[1]).toBeGreaterThan(0);
  }
});

/** Lines the general way changes: a credit note, statuses it classes, padded or empty text, refunds to work out. */
const changed = [
  'C1,c1,2025-03-01,-10,0,completed', // a credit note: revenue 0, refund 10, refunded
  'C2,c1,2025-03-02,10,0,Refunded', // classed as refunded: refund 10
  'C3, c2 ,2025-03-03,20,,remboursée', // an accented status; a padded customer id
  'C4,c3,2025-03-04,30,-4,wc-completed', // a shop's status; a refund written negative
  'C5,,2025-03-05,40,,partially refunded', // a guest; no refund given
  'C6,c4,2025-03-06,50,0,"  "', // a blank status
];

test('lines the general way changes load as it loads them, by whichever way', async () => {
  for (const [i, line] of changed.entries()) {
    const csv = [header, 'G1,c9,2025-02-01,5,0,completed', line].join('\n');
    const short = await load('orders.csv', csv, `direct_changed_${i}`);
    const general = await loadGeneral('orders.csv', csv, `general_changed_${i}`);
    expect(summary(short), line).toEqual(summary(general));
    expect(await table(`direct_changed_${i}`), line).toEqual(await table(`general_changed_${i}`));
  }
  // The credit note needs no general way: the short way applies the same rule.
  expect((await load('orders.csv', [header, changed[0]].join('\n'), 'direct_credit')).dialect.formats).toEqual({});
  expect(await table('direct_credit')).toEqual([{ order_id: 'C1', customer_id: 'c1', order_date: expect.anything(), revenue: 0, refund: 10, status: 'refunded' }]);
});

test('a canonical survey CSV loads by the short way as the general way loads it: kind in lower case, text trimmed', async () => {
  const csv = ['customer_id,answered_at,kind,score', 'c1,2025-03-01,NPS,9', ' c2 ,2025-03-02,csat,4'].join('\n');
  const short = await ingest(host, { name: 'surveys.csv', data: text(csv) }, {}, 'direct_surveys');
  const columns = { customer_id: 'customer_id', answered_at: 'answered_at', kind: 'kind', score: 'score' };
  const general = await ingest(host, { name: 'surveys.csv', data: text(csv) }, { mapping: { table: 'surveys', columns } }, 'general_surveys');
  if (!short.ok || short.value.status !== 'loaded' || !general.ok || general.value.status !== 'loaded') throw new Error(JSON.stringify([short, general]));
  expect(short.value.dialect.formats).toEqual({}); // the short way
  const rows = (schema: string) => host.rows(`select customer_id, kind, score from ${schema}.surveys order by customer_id`);
  expect(await rows('direct_surveys')).toEqual([
    { customer_id: 'c1', kind: 'nps', score: 9 },
    { customer_id: 'c2', kind: 'csat', score: 4 },
  ]);
  expect(await rows('direct_surveys')).toEqual(await rows('general_surveys'));
});

test('the sample store’s orders Parquet loads by the short way with every row and the same revenue', async () => {
  const bytes = new Uint8Array(readFileSync(new URL('../../static/sample/orders.parquet', import.meta.url)));
  const out = await ingest(host, { name: 'orders.parquet', data: bytes }, {}, 'direct_sample');
  if (!out.ok || out.value.status !== 'loaded') throw new Error(JSON.stringify(out));
  expect([out.value.rowsLoaded, out.value.dialect]).toEqual([118_094, { kind: 'parquet', formats: {} }]);
  // Every row, unchanged: the loaded table and the file agree column by column.
  await host.insertArrowIPC('sample_orders_file', await host.decodeParquet(bytes));
  const [{ differ }] = await host.rows(
    'select count(*)::double as differ from (select * exclude (source_file) from direct_sample.orders except all select * from sample_orders_file)',
  );
  expect(differ).toBe(0);
});

test('a canonical Parquet with lines the general way changes loads by the short way as the general way loads it', async () => {
  const bytes = new Uint8Array(readFileSync(new URL('../../static/sample/orders.parquet', import.meta.url)));
  const file = arrow.tableFromIPC(await host.decodeParquet(bytes));
  const column = (name: string) => [...file.getChild(name)] as unknown[];
  const [statuses, customers, revenue, refund] = [column('status'), column('customer_id'), column('revenue'), column('refund')];
  const at = statuses.indexOf('completed', 50_000);
  statuses[at] = 'remboursée'; // an accented status, classed as refunded
  statuses[at + 1] = 'Shipped'; // capitalised
  customers[at + 2] = ` ${customers[at + 2]} `; // padded
  revenue[at + 3] = -Number(revenue[at + 3]); // a credit note
  statuses[at + 4] = 'cancelled';
  refund[at + 4] = null; // cancelled with no refund given
  const replaced: Record<string, unknown[]> = { status: statuses, customer_id: customers, revenue, refund };
  const columns = Object.fromEntries(
    file.schema.fields.map((f: { name: string; type: unknown }) => [f.name, replaced[f.name] ? arrow.vectorFromArray(replaced[f.name], f.type) : file.getChild(f.name)]),
  );
  const data = writeParquet(ParquetTable.fromIPCStream(arrow.tableToIPC(new arrow.Table(columns), 'stream')));
  const short = await ingest(host, { name: 'orders.parquet', data }, {}, 'direct_changed_parquet');
  if (!short.ok || short.value.status !== 'loaded') throw new Error(JSON.stringify(short));
  expect(short.value.dialect.formats).toEqual({}); // the short way
  const mapping = { table: 'orders' as const, columns: Object.fromEntries(file.schema.fields.map((f: { name: string }) => [f.name, f.name])) };
  const general = await ingest(host, { name: 'orders.parquet', data }, { mapping }, 'general_changed_parquet');
  if (!general.ok || general.value.status !== 'loaded') throw new Error(JSON.stringify(general));
  expect(summary(short.value)).toEqual(summary(general.value));
  const [{ differ }] = await host.rows(
    'select count(*)::double as differ from (select * exclude (source_file) from direct_changed_parquet.orders except all select * exclude (source_file) from general_changed_parquet.orders)',
  );
  expect(differ).toBe(0);
  const id = String(column('order_id')[at]);
  expect(await host.rows('select status, refund = revenue as whole from direct_changed_parquet.orders where order_id = ? order by status', [id])).toContainEqual({ status: 'refunded', whole: true });
});

/** The general way on its own: an explicit mapping never takes the short way. */
async function loadGeneral(name: string, csv: string, schema: string) {
  const columns = Object.fromEntries(csv.split('\n')[0].split(',').map((h) => [h, h]));
  const out = await ingest(host, { name, data: text(csv) }, { mapping: { table: 'orders', columns } }, schema);
  if (!out.ok || out.value.status !== 'loaded') throw new Error(JSON.stringify(out));
  return out.value;
}

const summary = (v: Awaited<ReturnType<typeof load>>) => ({ rows: v.rowsLoaded, table: v.tableRows, guests: v.guestOrders, refunds: v.refundOrders, setAside: v.setAside });
const table = (schema: string) => host.rows(`select order_id, customer_id, order_date, revenue, refund, status from ${schema}.orders order by order_id, customer_id, revenue`);

test('a CSV the short read refuses part-way (a short line, a line with a field too many, a bad value last, a date missing, a failed payment) loads as the general way loads it, rows set aside and reasons alike', async () => {
  const good = Array.from({ length: 3000 }, (_, i) => `G${i},c${i % 7},2025-03-${String((i % 28) + 1).padStart(2, '0')} 10:00:00,${i % 50},0,completed`);
  const cases = [
    [...good.slice(0, 2000), 'X1,c1,2025-03-01,10', ...good.slice(2000)], // too few fields
    [...good.slice(0, 2500), 'X2,c1,2025-03-01,10,0,completed,extra', ...good.slice(2500)], // too many
    [...good, 'X3,c1,2025-03-01,ten,0,completed'], // a value that does not cast, last
    [...good.slice(0, 1500), 'X4,c1,,10,0,completed', ...good.slice(1500)], // no date: set aside
    [...good, 'X5,c1,2025-03-01,10,0,Failed'], // a failed payment: set aside
    [...good.slice(0, 1200), 'X6,c1,2025-03-01,10,0,remboursée', ...good.slice(1200)], // a status to reword, lower case, mid-file
  ];
  for (const [i, lines] of cases.entries()) {
    const csv = [header, ...lines].join('\n');
    const short = await load('orders.csv', csv, `direct_refused_${i}`);
    const general = await loadGeneral('orders.csv', csv, `general_refused_${i}`);
    expect(summary(short), lines.at(-1)).toEqual(summary(general));
    expect(Object.keys(short.dialect.formats).length).toBeGreaterThan(0); // it went the general way
    const table = (schema: string) => host.rows(`select * exclude (source_file) from ${schema}.orders order by order_id`);
    expect(await table(`direct_refused_${i}`)).toEqual(await table(`general_refused_${i}`));
  }
});

test('a file dropped again replaces its rows by the short way; when the short read refuses it, nothing of the refused read is left', async () => {
  const first = [header, 'R1,c1,2025-03-01,10,0,completed', 'R2,c2,2025-03-02,20,0,completed'].join('\n');
  await load('orders.csv', first, 'direct_again');
  await load('other.csv', [header, 'S1,c3,2025-03-03,30,0,completed'].join('\n'), 'direct_again');
  const second = await load('orders.csv', [header, 'R3,c1,2025-03-04,40,0,completed'].join('\n'), 'direct_again');
  expect([second.rowsLoaded, second.tableRows, second.dialect.formats]).toEqual([1, 2, {}]);
  // Refused (a short line at the end): loaded the general way, the short read's rows gone with its transaction.
  const third = await load('orders.csv', [header, 'R4,c1,2025-03-05,50,0,completed', 'R5,c2,2025-03-06,60,0,completed', 'R6,c2'].join('\n'), 'direct_again');
  expect([third.rowsLoaded, third.tableRows, third.setAside.map((s) => s.rows)]).toEqual([2, 3, [1]]);
  expect(await host.rows('select order_id, source_file from direct_again.orders order by order_id')).toEqual([
    { order_id: 'R4', source_file: 'orders:orders.csv' },
    { order_id: 'R5', source_file: 'orders:orders.csv' },
    { order_id: 'S1', source_file: 'orders:other.csv' },
  ]);
  expect(await host.rows("select file_name, rows from ingest_sources where source_id like 'orders:%' and file_name in ('orders.csv', 'other.csv') order by file_name")).toEqual(
    expect.arrayContaining([{ file_name: 'orders.csv', rows: 2 }, { file_name: 'other.csv', rows: 1 }]),
  );
});

test('an empty canonical CSV (header only) gets the general way’s message', async () => {
  const out = await ingest(host, { name: 'orders.csv', data: text(`${header}\n`) }, {}, 'direct_empty');
  expect(out.ok).toBe(false);
  if (!out.ok) expect(out.error.code).toBe('header-only');
});
