// Pins recognition of a shopkeeper's own exports end to end (real DuckDB-WASM): an ERP's
// run-together headers in a tab-separated .txt, a French till export whose day column is found
// by its values, a till export with two date columns that asks; and the column facts those
// decisions read, counted by SQL over the raw text.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { columnFacts } from '../../src/worker/ingest/columnFacts';
import { openIngestHost } from '../support/ingestHost';
import { asked, loaded, rowsFrom } from '../support/ingestFixtures';

let host: Awaited<ReturnType<typeof openIngestHost>>;
beforeAll(async () => {
  host = await openIngestHost();
});
afterAll(() => host.wasm.close());

test('an ERP .txt with OrderNo, CustNo, OrderDate, NetAmount loads as orders without asking', async () => {
  const v = await loaded(host, 'erp-orders.txt');
  expect(v).toMatchObject({ table: 'orders', rowsLoaded: 4, setAside: [], dialect: { delimiter: '\t' } });
  expect(v.mapping.columns).toEqual({ order_id: 'OrderNo', customer_id: 'CustNo', order_date: 'OrderDate', revenue: 'NetAmount' });
  expect(await rowsFrom(host, v, 'order_id, customer_id, order_date, revenue')).toEqual([
    { order_id: '100231', customer_id: 'K-0042', order_date: '2024-03-04 00:00:00', revenue: 20 },
    { order_id: '100231', customer_id: 'K-0042', order_date: '2024-03-04 00:00:00', revenue: 149.9 },
    { order_id: '100232', customer_id: 'K-0107', order_date: '2024-03-15 00:00:00', revenue: 1299 },
    { order_id: '100233', customer_id: 'K-0042', order_date: '2024-04-02 00:00:00', revenue: 35.5 },
  ]);
});

test('a French till export: « Jour » holds only dates, so it is the order date; loads without asking', async () => {
  const v = await loaded(host, 'caisse-ventes.csv');
  expect(v).toMatchObject({ table: 'orders', rowsLoaded: 4, guestOrders: 1, setAside: [] });
  expect(v.mapping.columns).toEqual({
    order_id: 'Réf commande', customer_id: 'N° client', order_date: 'Jour', revenue: 'Montant TTC', product: 'Catégorie', city: 'Ville',
  });
  expect(await rowsFrom(host, v, 'order_id, customer_id, order_date, revenue, product, city')).toEqual([
    { order_id: 'V-0001', customer_id: 'C0012', order_date: '2024-03-05 00:00:00', revenue: 3.2, product: 'Boissons', city: 'Lyon' },
    { order_id: 'V-0001', customer_id: 'C0012', order_date: '2024-03-05 00:00:00', revenue: 12.5, product: 'Épicerie', city: 'Lyon' },
    { order_id: 'V-0002', customer_id: null, order_date: '2024-03-05 00:00:00', revenue: 7.9, product: 'Boissons', city: 'Lyon' },
    { order_id: 'V-0003', customer_id: 'C0044', order_date: '2024-03-18 00:00:00', revenue: 1024, product: 'Épicerie', city: 'Villeurbanne' },
  ]);
});

test('two columns of dates and no date header: it asks, the orders guess filled in but for the date', async () => {
  const ask = await asked(host, 'caisse-deux-dates.csv');
  expect(ask.proposal.decision).toBe('ask');
  const orders = ask.proposal.guesses.find((g) => g.table === 'orders');
  expect(orders).toMatchObject({ missing: ['order_date'], mapping: { columns: { order_id: 'Réf commande', customer_id: 'N° client', revenue: 'Montant TTC' } } });
});

test('column facts: dates, amounts in any local dress, codes and repeats, blanks not counted', async () => {
  const raw = '_facts_raw';
  await host.insertColumns(raw, {
    c1: ['2024-01-05', '05/01/2024 10:30', '5.1.24', ' '],
    c2: ['1 234,50 €', '$1,049.00', '(12,00)', 'EUR 7'],
    c3: ['A-1', 'A-1', '17850', 'B 2'],
    c4: ['Lyon', 'Paris', '05.07.2024', '1,049'],
  });
  expect(await columnFacts(host, raw, 4)).toEqual([
    { values: 3, dates: 3, numbers: 0, decimals: 0, codes: 2, distinct: 3 }, // a date with a time is two tokens
    { values: 4, dates: 0, numbers: 4, decimals: 3, codes: 2, distinct: 4 },
    { values: 4, dates: 0, numbers: 1, decimals: 0, codes: 3, distinct: 3 },
    { values: 4, dates: 1, numbers: 1, decimals: 0, codes: 2, distinct: 4 },
  ]);
  await host.exec(`drop table ${raw}`);
});
