// Parquet is read one row group at a time (real DuckDB-WASM, parquet-wasm's Node build): every
// group's rows arrive, with progress after each group. (Text dates keep this file off the short
// way, which reads the groups once before handing over to the general way: so two passes.)
import { createRequire } from 'node:module';
import { Table, WriterPropertiesBuilder, writeParquet } from 'parquet-wasm/node';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ingest } from '../../src/worker/ingest/ingest';
import type { IngestProgress } from '../../src/worker/ingest/types';
import { openIngestHost } from '../support/ingestHost';

const arrow = createRequire(import.meta.url)('apache-arrow');

let host: Awaited<ReturnType<typeof openIngestHost>>;
beforeAll(async () => {
  host = await openIngestHost();
});
afterAll(() => host.wasm.close());

/** 2,500 orders written in row groups of 1,000 (so 1,000 + 1,000 + 500). */
function ordersParquet(extra: Record<string, string[]> = {}): Uint8Array {
  const n = 2500;
  const ids = Array.from({ length: n }, (_, i) => `O${i}`);
  const columns: Record<string, unknown> = {
    order_id: arrow.vectorFromArray(ids, new arrow.Utf8()),
    customer_id: arrow.vectorFromArray(ids.map((_, i) => `C${i % 300}`), new arrow.Utf8()),
    order_date: arrow.vectorFromArray(ids.map((_, i) => `2025-0${1 + (i % 9)}-1${i % 10}`), new arrow.Utf8()),
    revenue: arrow.vectorFromArray(ids.map((_, i) => 10 + (i % 7)), new arrow.Float64()),
  };
  for (const [k, v] of Object.entries(extra)) columns[k] = arrow.vectorFromArray(v, new arrow.Utf8());
  const ipc = arrow.tableToIPC(new arrow.Table(columns), 'stream');
  const props = new WriterPropertiesBuilder().setMaxRowGroupSize(1000).build();
  return writeParquet(Table.fromIPCStream(ipc), props);
}

test('a Parquet of three row groups loads every row, with progress after each group', async () => {
  const events: IngestProgress[] = [];
  const out = await ingest(host, { name: 'orders.parquet', data: ordersParquet() }, { onProgress: (p) => events.push(p) }, 'batches1');
  if (!out.ok || out.value.status !== 'loaded') throw new Error(JSON.stringify(out));
  expect(out.value.rowsLoaded).toBe(2500);
  expect(await host.rows('select count(distinct order_id)::int as n, sum(revenue)::double as r from batches1.orders')).toEqual([{ n: 2500, r: 2500 * 10 + 357 * 21 }]);
  expect(events.filter((e) => e.rows !== undefined && e.phase === 'decoding').map((e) => e.rows)).toEqual([1000, 2000, 2500, 1000, 2000, 2500]);
});

test('the general way (a column to map) also reads every group', async () => {
  const note = Array.from({ length: 2500 }, (_, i) => `note ${i}`);
  const events: IngestProgress[] = [];
  const out = await ingest(host, { name: 'orders.parquet', data: ordersParquet({ Bemerkung: note }) }, { onProgress: (p) => events.push(p) }, 'batches2');
  if (!out.ok || out.value.status !== 'loaded') throw new Error(JSON.stringify(out));
  expect(out.value.rowsLoaded).toBe(2500);
  expect(events.filter((e) => e.rows !== undefined && e.phase === 'decoding').map((e) => e.rows)).toEqual([1000, 2000, 2500, 1000, 2000, 2500]);
});
