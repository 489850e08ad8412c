// Pins what bad input does (real DuckDB-WASM): each failure is an outcome with a stable code and
// a sentence naming the file (and line or column where one is at fault) and what to do; ragged
// lines and unusable rows are set aside, counted and listable; a 5 MB field loads.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ingest } from '../../src/worker/ingest/ingest';
import { setLocale } from '../../src/lib/i18n';
import { listSetAside } from '../../src/worker/ingest/sources';
import { openIngestHost } from '../support/ingestHost';
import { failed, fixture, loaded, rowsFrom } from '../support/ingestFixtures';

let host: Awaited<ReturnType<typeof openIngestHost>>;
beforeAll(async () => {
  host = await openIngestHost();
});
afterAll(() => host.wasm.close());

describe('files that cannot be loaded', () => {
  test.each([
    ['empty.csv', 'empty', '"empty.csv" is empty. Export it again with its rows and drop the new file.'],
    ['header-only.csv', 'header-only', `"header-only.csv" has a header but no rows. Check the export's date range or filters and export it again.`],
    ['junk.csv', 'binary', '"junk.csv" is not a text, CSV, JSON or Parquet file (it holds binary data). Export the data as CSV and drop that instead.'],
    ['workbook.csv', 'spreadsheet', '"workbook.csv" is a spreadsheet workbook, not CSV. Open it and save the sheet as CSV (UTF-8), then drop the CSV.'],
    ['utf16.csv', 'utf16', '"utf16.csv" is saved as UTF-16 text. Save it again as CSV UTF-8 and drop that file.'],
    ['truncated.parquet', 'parquet-truncated', '"truncated.parquet" is a Parquet file that ends too early (it was cut off while copying or downloading). Download or copy it again.'],
  ])('%s: %s', async (name, code, message) => {
    expect(await failed(host, name)).toEqual({ code, file: name, message });
  });

  test('the sentence is in the reader\'s language (the page tells the worker, the runner reads --lang): French', async () => {
    setLocale('fr-FR');
    try {
      expect(await failed(host, 'empty.csv')).toEqual({
        code: 'empty',
        file: 'empty.csv',
        message: '«\u00a0empty.csv\u00a0» est vide. Exportez-le à nouveau avec ses lignes et déposez le nouveau fichier.',
      });
      expect((await failed(host, 'ragged-mostly.csv')).message).toMatch(/^«\u00a0ragged-mostly\.csv\u00a0»\u00a0: la plupart des lignes n’ont pas le même nombre de champs que l’en-tête \(la première à la ligne 2\)/);
    } finally {
      setLocale('en-US');
    }
  });

  test('invalid NDJSON names the line', async () => {
    expect(await failed(host, 'bad.ndjson')).toEqual({
      code: 'not-json',
      file: 'bad.ndjson',
      line: 3,
      message: '"bad.ndjson" is not valid JSON (line 3: the line is not valid JSON). Export it again, or as CSV.',
    });
  });

  test('a file whose lines mostly disagree with its header names the first bad line and suspects the delimiter', async () => {
    const error = await failed(host, 'ragged-mostly.csv');
    expect(error).toMatchObject({ code: 'ragged', line: 2 });
    expect(error.message).toBe(
      '"ragged-mostly.csv": most lines do not have the same number of fields as the header (first at line 2). Check that it is a CSV export and that its delimiter is a comma, semicolon, tab or |.',
    );
  });

  test('day-first and month-first dates in one column: refused, naming the column and both dates', async () => {
    expect(await failed(host, 'orders-mixed-dates.csv')).toEqual({
      code: 'date-order-mixed',
      file: 'orders-mixed-dates.csv',
      column: 'order_date',
      message: '"orders-mixed-dates.csv", column "order_date": some dates are day first and some month first ("13/01/2024" and "01/13/2024"), so none can be trusted. Export the dates in one format (ideally YYYY-MM-DD).',
    });
  });
});

describe('files loaded with problems set aside or noted', () => {
  test('ragged lines are set aside, counted and listed by line', async () => {
    const v = await loaded(host, 'ragged.csv');
    expect(v).toMatchObject({ rowsLoaded: 4, setAside: [{ reason: 'wrong number of fields', rows: 2 }] });
    expect(await listSetAside(host, v.sourceId)).toEqual([
      { line: 3, row: null, reason: 'wrong number of fields', column: null, content: 'R2,c2,2024-01-06,2,extra' },
      { line: 5, row: null, reason: 'wrong number of fields', column: null, content: 'R4,c4' },
    ]);
  });

  test('rows with a blank date or amount are listed with the raw cells', async () => {
    const v = await loaded(host, 'orders-blanks-guests.csv');
    expect(await listSetAside(host, v.sourceId)).toEqual([
      { line: null, row: 4, reason: '"revenue" is blank or not a number', column: null, content: 'G4 | c2 | 2024-01-08 |  | Lyon' },
      { line: null, row: 5, reason: '"order_date" is blank or not a date', column: null, content: 'G5 | c3 |  | 5 | Lyon' },
    ]);
  });

  test('duplicate and blank headers get names and notices; the first "revenue" is the one mapped', async () => {
    const v = await loaded(host, 'dup-blank-headers.csv');
    expect(v.headers).toEqual(['order_id', 'customer_id', 'order_date', 'revenue', 'revenue (2)', 'column 6']);
    expect(v.warnings.map((w) => [w.code, w.column])).toEqual([['header-duplicate', 'revenue (2)'], ['header-blank', 'column 6']]);
    expect(await rowsFrom(host, v, 'order_id, revenue')).toEqual([{ order_id: 'H1', revenue: 10 }, { order_id: 'H2', revenue: 20 }]);
  });

  test('a file that is not what its extension says is read by its content, with a notice', async () => {
    const parquetNamedCsv = await loaded(host, 'really-parquet.csv');
    expect(parquetNamedCsv).toMatchObject({ rowsLoaded: 3, dialect: { kind: 'parquet' } });
    expect(parquetNamedCsv.warnings[0].message).toBe('"really-parquet.csv" is named like a csv file but holds PARQUET; it was read as PARQUET.');
    const csvNamedParquet = await loaded(host, 'not-parquet.parquet');
    expect(csvNamedParquet).toMatchObject({ rowsLoaded: 1, dialect: { kind: 'csv' } });
    expect(csvNamedParquet.warnings.map((w) => w.code)).toEqual(['extension-mismatch']);
  });

  test('a value that cannot be read in an optional column is left blank and reported with an example', async () => {
    const v = await loaded(host, 'orders-unreadable.csv');
    expect(v.rowsLoaded).toBe(3);
    expect(v.warnings).toEqual([
      { code: 'unreadable-values', column: 'quantity', message: 'Column "quantity": 1 value (e.g. "two") could not be read as numbers and was left blank.' },
    ]);
  });

  test('a file that looks Latin-1 in its first 64 KB but has a euro sign later is re-read as Windows-1252', async () => {
    const filler = Array.from({ length: 1500 }, (_, i) => `Z${i},c1,2024-01-05,1,Thé vert en vrac n° ${i} pour la boutique`).join('\n');
    const text = `order_id,customer_id,order_date,revenue,product\n${filler}\nEURO,c2,2024-01-06,50,Carte cadeau 50 €\n`;
    const bytes = Uint8Array.from(text, (c) => (c === '€' ? 0x80 : c.charCodeAt(0)));
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    const out = await ingest(host, { name: 'late-euro.csv', data: bytes });
    expect(out.ok && out.value.status === 'loaded' && [out.value.rowsLoaded, out.value.dialect.encoding]).toEqual([1501, 'windows-1252']);
    expect(await host.rows("select product from base.orders where source_file = 'orders:late-euro.csv' and order_id in ('EURO', 'Z7') order by order_id")).toEqual([
      { product: 'Carte cadeau 50 €' },
      { product: 'Thé vert en vrac n° 7 pour la boutique' },
    ]);
  });

  test('a 5 MB field loads whole', async () => {
    const big = 'x'.repeat(5_000_000);
    const bytes = new TextEncoder().encode(`order_id,customer_id,order_date,revenue,product\nBIG,c1,2024-01-05,1,"${big}"\nSMALL,c2,2024-01-06,2,Tea\n`);
    const out = await ingest(host, { name: 'big-field.csv', data: bytes });
    expect(out.ok && out.value.status === 'loaded' && out.value.rowsLoaded).toBe(2);
    expect(await host.rows("select order_id, length(product)::double as n from base.orders where source_file = 'orders:big-field.csv' order by order_id")).toEqual([
      { order_id: 'BIG', n: 5_000_000 },
      { order_id: 'SMALL', n: 3 },
    ]);
  });

  test('a mapping naming a column the file lacks is refused, naming the column', async () => {
    const out = await ingest(host, { name: 'orders-basic.csv', data: fixture('orders-basic.csv') }, { mapping: { table: 'orders', columns: { order_id: 'Order No' } } });
    expect(out).toEqual({
      ok: false,
      error: { code: 'mapping-invalid', file: 'orders-basic.csv', column: 'Order No', message: '"orders-basic.csv" has no column "Order No" for the chosen mapping. Pick the column again in the mapping step.' },
    });
  });
});

test('running out of memory reads as a file too large for the tab, with what to do', async () => {
  const host = await openIngestHost();
  try {
    const failing = { ...host, exec: async () => { throw new Error('Out of Memory Error: could not allocate block of size 256.0 KiB (3.1 GiB/3.1 GiB used)'); } };
    const out = await ingest(failing, { name: 'big.csv', data: new TextEncoder().encode('order_id,customer_id,order_date,revenue\nA,c,2025-01-01,1\n') });
    expect(out.ok ? null : [out.error.code, out.error.message]).toEqual([
      'too-large',
      '"big.csv" is too large for this browser tab: the database ran out of its memory (a tab gets at most about 3 GB). Load fewer months at a time, or run `npm run kpis` on it, which has no such limit.',
    ]);
  } finally {
    host.wasm.close();
  }
});
