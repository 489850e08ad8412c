// Pins how each text dialect of the fixture corpus lands in base.orders (real DuckDB-WASM):
// delimiter, encoding (UTF-8, BOM, Latin-1, Windows-1252), quoted newlines, decimal comma,
// thousands separators, currency signs, negatives in parentheses, date order decided from the
// whole column, blanks and guests, Parquet, JSON and NDJSON. Values worked out by hand.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openIngestHost } from '../support/ingestHost';
import { loaded, rowsFrom } from '../support/ingestFixtures';

let host: Awaited<ReturnType<typeof openIngestHost>>;
beforeAll(async () => {
  host = await openIngestHost();
});
afterAll(() => host.wasm.close());

describe('delimiters and encodings', () => {
  test('plain comma UTF-8 with ISO dates and times', async () => {
    const v = await loaded(host, 'orders-basic.csv');
    expect(v).toMatchObject({ table: 'orders', rowsLoaded: 3, setAside: [], dialect: { kind: 'csv', delimiter: ',', encoding: 'utf-8' } });
    expect(v.mapping.columns).toEqual({ order_id: 'order_id', customer_id: 'customer_id', order_date: 'order_date', revenue: 'revenue', product: 'product', country: 'country' });
    expect(await rowsFrom(host, v, 'order_id, order_date, revenue, product')).toEqual([
      { order_id: 'A1', order_date: '2024-01-05 00:00:00', revenue: 10.5, product: 'Tea' },
      { order_id: 'A2', order_date: '2024-01-06 14:30:00', revenue: 20, product: 'Mug' },
      { order_id: 'A3', order_date: '2024-02-01 00:00:00', revenue: 5.25, product: 'Tea' },
    ]);
  });

  test('UTF-8 with BOM and semicolons: the BOM does not end up in the first header', async () => {
    const v = await loaded(host, 'orders-bom-semicolon.csv');
    expect(v.dialect).toMatchObject({ delimiter: ';', encoding: 'utf-8-bom' });
    expect(v.mapping.columns.order_id).toBe('Order ID');
    expect(await rowsFrom(host, v, 'order_id, revenue')).toEqual([{ order_id: 'B1', revenue: 12 }, { order_id: 'B2', revenue: 8 }]);
  });

  test.each([
    ['orders-tab.tsv', '\t', ['T1', 'T2']],
    ['orders-pipe.txt', '|', ['P1', 'P2']],
  ])('%s is split on %j', async (name, delimiter, ids) => {
    const v = await loaded(host, name);
    expect(v.dialect.delimiter).toBe(delimiter);
    expect(v.mapping.columns).toEqual({ order_id: 'order id', customer_id: 'customer', order_date: 'date', revenue: 'amount' });
    expect((await rowsFrom(host, v, 'order_id')).map((r) => r.order_id)).toEqual(ids);
  });

  test('Latin-1 French export: semicolons, decimal comma with space thousands, DD/MM/YYYY, (12,00) as a credit note', async () => {
    const v = await loaded(host, 'commandes-latin1.csv');
    expect(v.dialect).toMatchObject({ delimiter: ';', encoding: 'latin-1', formats: { revenue: { decimal: ',' }, order_date: { dateOrder: 'dmy' } } });
    expect(v.warnings.map((w) => w.code)).toEqual(['encoding']);
    expect(v.mapping.columns).toEqual({ order_id: 'N° de commande', customer_id: 'Client', order_date: 'Date de commande', revenue: 'Montant TTC', country: 'Pays', city: 'Ville' });
    expect(v.refundOrders).toBe(1);
    expect(await rowsFrom(host, v, 'order_id, order_date, revenue, refund, status, city')).toEqual([
      { order_id: 'F-001', order_date: '2024-01-15 00:00:00', revenue: 1234.5, refund: 0, status: null, city: 'Orléans' },
      { order_id: 'F-002', order_date: '2024-02-03 00:00:00', revenue: 99.9, refund: 0, status: null, city: 'Besançon' },
      { order_id: 'F-003', order_date: '2024-02-28 00:00:00', revenue: 0, refund: 12, status: 'refunded', city: 'Orléans' },
    ]);
  });

  test('Windows-1252: the euro sign and curly quotes survive (DuckDB refuses them as Latin-1)', async () => {
    const v = await loaded(host, 'commandes-cp1252.csv');
    expect(v.dialect.encoding).toBe('windows-1252');
    expect(await rowsFrom(host, v, 'product, revenue')).toEqual([
      { product: 'Carte cadeau 50 €', revenue: 50 },
      { product: 'Thé “Earl Grey” – l’original', revenue: 15 },
    ]);
  });

  test('a quoted field with a comma, doubled quotes and a newline stays one field', async () => {
    const v = await loaded(host, 'orders-quoted-newlines.csv');
    expect(v.rowsLoaded).toBe(2);
    expect(await rowsFrom(host, v, 'order_id, product')).toEqual([
      { order_id: 'Q1', product: 'Mug, large "blue"\nsecond line of the name' },
      { order_id: 'Q2', product: 'Plain' },
    ]);
  });

  test('Windows line endings (CRLF), one inside a quoted field', async () => {
    const v = await loaded(host, 'orders-crlf.csv');
    expect(await rowsFrom(host, v, 'order_id, revenue, product')).toEqual([
      { order_id: 'CR1', revenue: 1.25, product: 'two\r\nlines' },
      { order_id: 'CR2', revenue: 2.5, product: 'Tea' },
    ]);
  });

  test('title lines above the header are skipped', async () => {
    const v = await loaded(host, 'orders-title-lines.csv');
    expect(v.headers).toEqual(['order_id', 'customer_id', 'order_date', 'revenue']);
    expect(await rowsFrom(host, v, 'order_id, revenue')).toEqual([{ order_id: 'TL1', revenue: 1 }, { order_id: 'TL2', revenue: 2 }]);
  });

  test('a delimiter ending every data line, or only the header, does not set the rows aside', async () => {
    const data = await loaded(host, 'orders-trailing-delimiter.csv');
    expect(data).toMatchObject({ rowsLoaded: 2, setAside: [] });
    expect(await rowsFrom(host, data, 'order_id, revenue')).toEqual([{ order_id: 'TD1', revenue: 1.5 }, { order_id: 'TD2', revenue: 2.5 }]);
    const header = await loaded(host, 'orders-header-trailing.csv');
    expect(header).toMatchObject({ rowsLoaded: 2, setAside: [], headers: ['order_id', 'customer_id', 'order_date', 'revenue'] });
  });

  test('Spanish headers, decimal comma with dot thousands; Romanian headers, dotted day-first dates', async () => {
    const es = await loaded(host, 'pedidos-es.csv');
    expect(await rowsFrom(host, es, 'order_id, revenue, country, city')).toEqual([
      { order_id: 'E1', revenue: 1500.25, country: 'España', city: 'Sevilla' },
      { order_id: 'E2', revenue: 20, country: 'España', city: 'Málaga' },
    ]);
    const ro = await loaded(host, 'comenzi-ro.csv');
    expect(ro.mapping.columns).toMatchObject({ order_id: 'Număr comandă', order_date: 'Data comenzii', revenue: 'Valoare', country: 'Țară', city: 'Oraș' });
    expect(await rowsFrom(host, ro, 'order_id, order_date, revenue, city')).toEqual([
      { order_id: 'R1', order_date: '2024-07-05 00:00:00', revenue: 100.5, city: 'Iași' },
      { order_id: 'R2', order_date: '2024-07-25 00:00:00', revenue: 7, city: 'Brașov' },
    ]);
  });
});

describe('numbers and dates', () => {
  test('an Excel "sep=;" first line names the delimiter and is not taken for the header', async () => {
    const v = await loaded(host, 'orders-sep-hint.csv');
    expect(v.dialect.delimiter).toBe(';');
    expect(v.headers).toEqual(['order_id', 'customer_id', 'order_date', 'revenue']);
    expect(await rowsFrom(host, v, 'order_id, revenue')).toEqual([{ order_id: 'SH1', revenue: 3.5 }, { order_id: 'SH2', revenue: 4.5 }]);
  });

  test('12-hour times: 12:05 AM is just after midnight, 3:04 PM is 15:04, also after an ISO date', async () => {
    const v = await loaded(host, 'orders-ampm.csv');
    expect((await rowsFrom(host, v, 'order_id, order_date')).map((r) => r.order_date)).toEqual(['2024-01-15 00:05:00', '2024-01-15 15:04:00', '2024-01-16 12:30:00']);
  });

  test('US export: month-first dates (01/13 decides it), $ and comma thousands, ($25.00) a refund', async () => {
    const v = await loaded(host, 'orders-us.csv');
    expect(v.dialect.formats).toEqual({ order_date: { dateOrder: 'mdy' }, revenue: { decimal: '.' } });
    expect(await rowsFrom(host, v, 'order_id, order_date, revenue, refund, currency')).toEqual([
      { order_id: 'U1', order_date: '2024-01-13 00:00:00', revenue: 1234.5, refund: 0, currency: 'USD' },
      { order_id: 'U2', order_date: '2024-02-01 00:00:00', revenue: 15, refund: 0, currency: 'USD' },
      { order_id: 'U3', order_date: '2024-02-20 00:00:00', revenue: 0, refund: 25, currency: 'USD' },
    ]);
  });

  test('dates that never show a day above 12 are read day first by default, with a notice, or month first when asked', async () => {
    const dayFirst = await loaded(host, 'orders-ambiguous-dates.csv');
    expect(dayFirst.dialect.formats.order_date).toEqual({ dateOrder: 'dmy', assumed: true });
    expect(dayFirst.warnings.map((w) => [w.code, w.column])).toEqual([['date-order-assumed', 'order_date']]);
    // The notice names the file and the column as the file spells it, and where to change the order.
    expect(dayFirst.warnings[0].message).toMatch(/column "order_date" of "orders-ambiguous-dates\.csv".*day first.*"Change mapping…" in the data panel/);
    expect((await rowsFrom(host, dayFirst, 'order_date')).map((r) => r.order_date)).toEqual(['2024-02-01 00:00:00', '2024-04-03 00:00:00']);
    const monthFirst = await loaded(host, 'orders-ambiguous-dates.csv', { dateOrder: 'mdy' });
    expect((await rowsFrom(host, monthFirst, 'order_date')).map((r) => r.order_date)).toEqual(['2024-01-02 00:00:00', '2024-03-04 00:00:00']);
  });

  test('blank customer ids are guest orders (kept and counted); blank date or amount rows are set aside with reasons', async () => {
    const v = await loaded(host, 'orders-blanks-guests.csv');
    expect(v).toMatchObject({ rowsLoaded: 3, guestOrders: 2 });
    expect(v.setAside).toEqual([
      { reason: '"order_date" is blank or not a date', rows: 1 },
      { reason: '"revenue" is blank or not a number', rows: 1 },
    ]);
    expect(await rowsFrom(host, v, 'order_id, customer_id, city')).toEqual([
      { order_id: 'G1', customer_id: 'c1', city: null },
      { order_id: 'G2', customer_id: null, city: 'Paris' },
      { order_id: 'G3', customer_id: null, city: null },
    ]);
  });
});

describe('Parquet and JSON', () => {
  test('Parquet through parquet-wasm, a null customer kept as a guest', async () => {
    const v = await loaded(host, 'orders.parquet');
    expect(v).toMatchObject({ rowsLoaded: 3, guestOrders: 1, dialect: { kind: 'parquet' } });
    expect(await rowsFrom(host, v, 'order_id, revenue')).toEqual([
      { order_id: 'PQ1', revenue: 10.5 },
      { order_id: 'PQ2', revenue: 20 },
      { order_id: 'PQ3', revenue: 30.25 },
    ]);
  });

  test('a JSON array of objects (a nested field is ignored) and newline-delimited JSON', async () => {
    const json = await loaded(host, 'orders.json');
    expect(json).toMatchObject({ rowsLoaded: 2, guestOrders: 1, headers: ['order_id', 'customer_id', 'order_date', 'revenue', 'meta'] });
    expect(await rowsFrom(host, json, 'order_id, order_date, revenue')).toEqual([
      { order_id: 'J1', order_date: '2024-01-05 00:00:00', revenue: 10.5 },
      { order_id: 'J2', order_date: '2024-01-06 00:00:00', revenue: 20 },
    ]);
    const nd = await loaded(host, 'orders.ndjson');
    expect(await rowsFrom(host, nd, 'order_id, revenue')).toEqual([{ order_id: 'N1', revenue: 1.5 }, { order_id: 'N2', revenue: 2.5 }]);
  });
});
