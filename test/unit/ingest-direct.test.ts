// The short way in for files that are already canonical (real DuckDB-WASM): taken only when the
// general way would load every row unchanged, and then it loads the same rows.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ingest } from '../../src/worker/ingest/ingest';
import { openIngestHost } from '../support/ingestHost';

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

test('a canonical CSV whose values all cast loads as it is, with the same counts as the general way', async () => {
  const loaded = await load('orders.csv', [header, 'A1,c1,2025-03-01 10:00:00,10,0,completed', 'A2,,2025-03-02,20,5,refunded', 'A3,c2,2025-03-03,30,,cancelled'].join('\n'), 'direct1');
  expect(loaded.dialect.formats).toEqual({}); // no per-column format decisions: the short way
  expect([loaded.rowsLoaded, loaded.guestOrders, loaded.refundOrders]).toEqual([3, 1, 2]);
  expect(await host.rows('select order_id, customer_id, revenue, refund, status from direct1.orders order by order_id')).toEqual([
    { order_id: 'A1', customer_id: 'c1', revenue: 10, refund: 0, status: 'completed' },
    { order_id: 'A2', customer_id: null, revenue: 20, refund: 5, status: 'refunded' },
    { order_id: 'A3', customer_id: 'c2', revenue: 30, refund: null, status: 'cancelled' },
  ]);
});

test('a value that does not cast, a missing required value, a credit note or a status to reword go the general way', async () => {
  const cases = [
    [header, 'B1,c1,01/03/2025,10,0,completed'], // day-first date: decided by the general way
    [header, 'B1,c1,,10,0,completed'], // no date: set aside by the general way
    [header, 'B1,c1,2025-03-01,-10,0,completed'], // negative amount: a credit note
    [header, 'B1,c1,2025-03-01,10,0,Refunded'], // status reworded to 'refunded'
  ];
  for (const [i, lines] of cases.entries()) {
    const loaded = await load('orders.csv', lines.join('\n'), `direct_general_${i}`);
    expect(Object.keys(loaded.dialect.formats).length, lines[1]).toBeGreaterThan(0);
  }
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

/** The general way on its own: an explicit mapping never takes the short way. */
async function loadGeneral(name: string, csv: string, schema: string) {
  const columns = Object.fromEntries(csv.split('\n')[0].split(',').map((h) => [h, h]));
  const out = await ingest(host, { name, data: text(csv) }, { mapping: { table: 'orders', columns } }, schema);
  if (!out.ok || out.value.status !== 'loaded') throw new Error(JSON.stringify(out));
  return out.value;
}

const summary = (v: Awaited<ReturnType<typeof load>>) => ({ rows: v.rowsLoaded, table: v.tableRows, guests: v.guestOrders, refunds: v.refundOrders, setAside: v.setAside });

test('a CSV the short read refuses part-way (a short line, a line with a field too many, a bad value last, a date missing, a failed payment) loads as the general way loads it, rows set aside and reasons alike', async () => {
  const good = Array.from({ length: 3000 }, (_, i) => `G${i},c${i % 7},2025-03-${String((i % 28) + 1).padStart(2, '0')} 10:00:00,${i % 50},0,completed`);
  const cases = [
    [...good.slice(0, 2000), 'X1,c1,2025-03-01,10', ...good.slice(2000)], // too few fields
    [...good.slice(0, 2500), 'X2,c1,2025-03-01,10,0,completed,extra', ...good.slice(2500)], // too many
    [...good, 'X3,c1,2025-03-01,ten,0,completed'], // a value that does not cast, last
    [...good.slice(0, 1500), 'X4,c1,,10,0,completed', ...good.slice(1500)], // no date: set aside
    [...good, 'X5,c1,2025-03-01,10,0,Failed'], // a failed payment: set aside
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
