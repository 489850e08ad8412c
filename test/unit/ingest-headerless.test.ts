// Pins headerless and blank-separated text files (CDNOW's own .txt: `00004 0001 19970101  2   29.33`):
// the first row is kept as data, runs of spaces are one delimiter, columns are column1..N, the user's
// header/delimiter choices override the guesses, YYYYMMDD is a date, and a file without an order
// id makes each line an order (real DuckDB-WASM).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ingest } from '../../src/worker/ingest/ingest';
import { blankRuns, sniff } from '../../src/worker/ingest/sniff';
import type { IngestOptions, Loaded, NeedsMapping } from '../../src/worker/ingest/types';
import { openIngestHost } from '../support/ingestHost';

const cdnow = new Uint8Array(readFileSync(new URL('../fixtures/cdnow/CDNOW_sample.txt', import.meta.url)));
const text = (s: string) => new TextEncoder().encode(s);

let host: Awaited<ReturnType<typeof openIngestHost>>;
beforeAll(async () => {
  host = await openIngestHost();
});
afterAll(() => host.wasm.close());

async function run(name: string, data: Uint8Array, options?: IngestOptions) {
  const out = await ingest(host, { name, data }, options);
  if (!out.ok) throw new Error(`${name}: ${out.error.message}`);
  return out.value;
}

test('sniffing CDNOW: runs of spaces, no header row, five columns', () => {
  const s = sniff('CDNOW_sample.txt', cdnow.subarray(0, 64 * 1024), cdnow.length);
  expect(s).toMatchObject({ ok: true, kind: 'csv', delimiter: blankRuns, headerless: true, header: ['column1', 'column2', 'column3', 'column4', 'column5'] });
});

test('without a mapping the mapping step opens, its preview starting at the first line', async () => {
  const v = (await run('CDNOW_sample.txt', cdnow)) as NeedsMapping;
  expect(v.status).toBe('needs-mapping');
  expect(v.headers).toEqual(['column1', 'column2', 'column3', 'column4', 'column5']);
  expect(v.dialect).toMatchObject({ delimiter: blankRuns, header: false });
  expect(v.preview[0]).toEqual({ column1: '00004', column2: '0001', column3: '19970101', column4: '2', column5: '29.33' });
});

test('with the mapping the user gives, every line loads as an order of 1997 or 1998', async () => {
  const mapping = { table: 'orders' as const, columns: { customer_id: 'column2', order_date: 'column3', quantity: 'column4', revenue: 'column5' } };
  const v = (await run('CDNOW_sample.txt', cdnow, { mapping })) as Loaded;
  const lines = new TextDecoder().decode(cdnow).trim().split(/\r?\n/).length;
  expect(v).toMatchObject({ status: 'loaded', rowsLoaded: lines, setAside: [], guestOrders: 0 });
  expect(v.dialect.formats.order_date).toEqual({ dateOrder: 'iso' });
  const [facts] = await host.rows(
    `select count(*)::double as n, count(distinct order_id)::double as orders, min(order_date)::varchar as first, max(order_date)::varchar as last,
            count(*) filter (where year(order_date) not in (1997, 1998))::double as other_years, sum(revenue) as revenue
     from base.orders where source_file = ?`,
    [v.sourceId],
  );
  expect(facts).toMatchObject({ n: lines, orders: lines, first: '1997-01-01 00:00:00', other_years: 0 });
  expect(String(facts.last) < '1998-07-01').toBe(true);
  // The first line of the file is data: customer 0001's first purchase, 2 CDs for 29.33.
  const [first] = await host.rows(`select customer_id, order_date::varchar as day, quantity, revenue from base.orders where source_file = ? and order_id = '#1'`, [v.sourceId]);
  expect(first).toEqual({ customer_id: '0001', day: '1997-01-01 00:00:00', quantity: 2, revenue: 29.33 });
});

test('a comma file whose first row is data keeps it; the user can say it is a header after all', async () => {
  const data = text('1001,17,2024-01-05,10\n1002,18,2024-01-06,20\n');
  const guessed = (await run('nohead.csv', data)) as NeedsMapping;
  expect(guessed.headers).toEqual(['column1', 'column2', 'column3', 'column4']);
  expect(guessed.preview).toHaveLength(2);
  const told = (await run('nohead.csv', data, { header: true, previewOnly: true })) as NeedsMapping;
  expect(told.headers).toEqual(['1001', '17', '2024-01-05', '10']);
  expect(told.preview).toHaveLength(1);
});

test('the user can name the delimiter: a semicolon file read with runs of blanks instead', async () => {
  const data = text('order id;customer\nA1;c 1\n');
  const told = (await run('odd.csv', data, { delimiter: blankRuns, previewOnly: true })) as NeedsMapping;
  expect(told.headers).toEqual(['order', 'id;customer']);
  expect(told.dialect.delimiter).toBe(blankRuns);
});
