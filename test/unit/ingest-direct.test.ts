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
