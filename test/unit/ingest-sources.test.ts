// Pins the flow around one load (real DuckDB-WASM): several files feed one table and each can
// be replaced or removed; an unclear file asks (raw preview), a user mapping then loads it and a
// preview shows parsed values; a browser File works like bytes; progress phases are reported.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ingest } from '../../src/worker/ingest/ingest';
import { insertInChunks, listSources, removeSource } from '../../src/worker/ingest/sources';
import type { IngestPhase } from '../../src/worker/ingest/types';
import { openIngestHost } from '../support/ingestHost';
import { asked, fixture, loaded } from '../support/ingestFixtures';

let host: Awaited<ReturnType<typeof openIngestHost>>;
beforeAll(async () => {
  host = await openIngestHost();
});
afterAll(() => host.wasm.close());

test('monthly files append; dropping a file again replaces its rows; removing a file removes only its rows', async () => {
  const schema = 'monthly';
  expect((await loaded(host, 'orders-2024-01.csv', {}, schema)).tableRows).toBe(2);
  expect((await loaded(host, 'orders-2024-02.csv', {}, schema)).tableRows).toBe(3);
  const corrected = await ingest(host, { name: 'orders-2024-01.csv', data: fixture('orders-2024-01-corrected.csv') }, {}, schema);
  expect(corrected.ok && corrected.value.status === 'loaded' && [corrected.value.rowsLoaded, corrected.value.tableRows]).toEqual([3, 4]);
  expect(await host.rows(`select order_id, revenue from ${schema}.orders order by order_id`)).toEqual([
    { order_id: 'M01-1', revenue: 10 },
    { order_id: 'M01-2', revenue: 25 },
    { order_id: 'M01-3', revenue: 5 },
    { order_id: 'M02-1', revenue: 30 },
  ]);
  expect((await listSources(host)).filter((s) => s.fileName.startsWith('orders-2024')).map((s) => [s.sourceId, s.rows])).toEqual([
    ['orders:orders-2024-01.csv', 3],
    ['orders:orders-2024-02.csv', 1],
  ]);
  expect(await removeSource(host, 'orders:orders-2024-02.csv', schema)).toBe(1);
  expect(await host.rows(`select count(*)::double as n from ${schema}.orders`)).toEqual([{ n: 3 }]);
});

test('an unclear file asks with its raw rows; the user mapping loads it; previewOnly shows parsed values', async () => {
  const ask = await asked(host, 'unclear.csv');
  expect(ask.headers).toEqual(['ref', 'who', 'when', 'how much']);
  expect(ask.proposal.decision).toBe('ask');
  expect(ask.preview[0]).toEqual({ ref: 'X1', who: 'c1', when: '2024-01-05', 'how much': '10' });
  const mapping = { table: 'orders' as const, columns: { order_id: 'ref', customer_id: 'who', order_date: 'when', revenue: 'how much' } };
  const preview = await asked(host, 'unclear.csv', { mapping, previewOnly: true });
  expect(preview.preview.map((r) => [r.order_id, r.order_date, r.revenue])).toEqual([
    ['X1', '2024-01-05 00:00:00', 10],
    ['X2', '2024-01-06 00:00:00', 20],
  ]);
  const v = await loaded(host, 'unclear.csv', { mapping });
  expect(v.rowsLoaded).toBe(2);
});

test('a correction remembered under the header signature loads the next file with those headers without asking', async () => {
  const ask = await asked(host, 'unclear.csv');
  const mapping = { table: 'orders' as const, columns: { order_id: 'ref', customer_id: 'who', order_date: 'when', revenue: 'how much' } };
  const remembered = { [ask.proposal.signature]: mapping };
  const v = await loaded(host, 'unclear.csv', { remembered }, 'remembered');
  expect(v.signature).toBe(ask.proposal.signature);
  expect(await host.rows('select order_id, revenue from remembered.orders order by order_id')).toEqual([
    { order_id: 'X1', revenue: 10 },
    { order_id: 'X2', revenue: 20 },
  ]);
  expect((await asked(host, 'unclear.csv', { remembered: { 'h4-00000000': mapping } })).proposal.decision).toBe('ask');
});

test('a File handle loads like bytes and reports sniffing, reading, mapping, inserting and done', async () => {
  const phases: IngestPhase[] = [];
  const file = new File([fixture('orders-basic.csv')], 'orders-basic.csv');
  const out = await ingest(host, { name: file.name, data: file }, { onProgress: (p) => phases.push(p.phase) }, 'from_file');
  expect(out.ok && out.value.status === 'loaded' && out.value.rowsLoaded).toBe(3);
  expect(phases).toEqual(['sniffing', 'reading', 'mapping', 'inserting', 'done']);
});

test('rows are copied chunk by chunk, in order, with their file and only those the filter keeps', async () => {
  await host.exec('create table chunk_source as select i as n, i % 3 = 0 as skip from range(10) r(i)');
  await host.exec('create table chunk_target (n bigint, source_file varchar)');
  await insertInChunks(host, 'chunk_target', 'n', 'chunk_source', 'orders:big.csv', { where: 'not skip', chunk: 4 });
  expect(await host.rows('select n::integer as n, source_file from chunk_target order by rowid')).toEqual(
    [1, 2, 4, 5, 7, 8].map((n) => ({ n, source_file: 'orders:big.csv' })),
  );
});
