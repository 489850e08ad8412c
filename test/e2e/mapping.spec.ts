// The mapping step in real Chromium: a guess accepted (and remembered for the next file
// with the same headers), a column corrected with the preview following, rows set aside
// and listed, and a file that cannot be read refused with a sentence naming it.
import { expect, test } from '@playwright/test';
import { dropFile, guardOrigin, openReady, runSqlCell } from './helpers';

guardOrigin();

const rowCount = (page: import('@playwright/test').Page, table: string) => page.locator(`[data-table="${table}"] [data-testid="row-count"]`);

test('a guessed mapping is accepted, loads into orders, and the same headers load without asking next time', async ({ page }) => {
  await openReady(page);
  // A French ERP export: ";" separated, decimal commas, day-first dates, columns of its own.
  // Its client and date columns would also make a customers table, so it asks.
  const header = 'numero de commande;client;date de commande;montant;transporteur;entrepot;poids;remarque;vendeur';
  const march = [header, 'F1;c1;01/03/2025;100,50;DHL;Lyon;1,2;;Ana', 'F2;c1;20/03/2025;49,50;DHL;Lyon;0,5;;Ana', 'F3;c2;21/03/2025;30;UPS;Lyon;2;fragile;Luc'].join('\n');
  await dropFile(page, 'ventes-mars.csv', march);
  const dialog = page.getByTestId('mapping-dialog');
  await expect(dialog).toContainText('could be orders or customers');
  await expect(dialog.getByTestId('mapping-table')).toHaveValue('orders');
  await expect(dialog.getByLabel('order_id', { exact: true })).toHaveValue('numero de commande');
  await expect(dialog.getByLabel('revenue', { exact: true })).toHaveValue('montant');
  // The preview shows amounts and dates as they will be read, not as written.
  const preview = dialog.getByTestId('mapping-preview');
  await expect(preview.locator('tbody tr').first()).toContainText('100.5');
  await expect(preview.locator('tbody tr').first()).toContainText('2025-03-01');
  await dialog.getByRole('button', { name: 'Load', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(rowCount(page, 'base.orders')).toHaveText('3 rows');
  await expect(page.locator('[data-table="base.tickets"]')).toHaveCount(0);
  await expect(page.locator('article[data-cell="average_order_value"] [data-testid="headline"]')).toHaveText(/60/);

  const april = [header, 'F4;c3;02/04/2025;20;UPS;Lyon;1;;Luc'].join('\n');
  await dropFile(page, 'ventes-avril.csv', april);
  await expect(rowCount(page, 'base.orders')).toHaveText('4 rows');
  await expect(page.getByTestId('mapping-dialog')).toHaveCount(0);
});

test('a column is corrected in the mapping step and the preview and the loaded table follow', async ({ page }) => {
  await openReady(page);
  const csv = ['id;ville;pays_client;email', '1;Lyon;France;a@x.fr', '2;Madrid;Espagne;b@x.es', '3;Cluj;Roumanie;c@x.ro'].join('\n');
  await dropFile(page, 'clients.csv', csv);
  const dialog = page.getByTestId('mapping-dialog');
  await expect(dialog.getByTestId('mapping-table')).toHaveValue('customers');
  await expect(dialog.getByLabel('country', { exact: true })).toHaveValue('');
  await dialog.getByLabel('country', { exact: true }).selectOption('pays_client');
  await expect(dialog.getByTestId('mapping-preview').locator('thead')).toContainText('country');
  await expect(dialog.getByTestId('mapping-preview').locator('tbody tr').nth(1)).toContainText('Espagne');
  await dialog.getByRole('button', { name: 'Load', exact: true }).click();
  await expect(rowCount(page, 'base.customers')).toHaveText('3 rows');
  const cell = await runSqlCell(page, "select string_agg(country, ',' order by customer_id) as countries from base.customers");
  await expect(cell.locator('tbody tr td').first()).toHaveText('France,Espagne,Roumanie');
});

test('rows that cannot be read are set aside, counted, and can be listed', async ({ page }) => {
  await openReady(page);
  const csv = [
    'order_id,customer_id,order_date,revenue',
    'A1,c1,2025-03-01,10',
    'A2,c2,2025-03-02,20,surplus',
    'A3,c3,2025-03-03,30',
    'A4,c4,2025-03-04',
    'A5,c5,2025-03-05,50',
  ].join('\n');
  await dropFile(page, 'orders.csv', csv);
  await expect(rowCount(page, 'base.orders')).toHaveText('3 rows');
  const notice = page.getByRole('status').locator('.notice', { hasText: '2 rows of orders.csv were set aside' });
  await expect(notice).toContainText('wrong number of fields (2)');
  await notice.getByRole('button', { name: 'Show them' }).click();
  const list = page.getByTestId('set-aside-dialog');
  await expect(list.locator('tbody tr')).toHaveCount(2);
  await expect(list.locator('tbody tr').first()).toContainText('line 3');
  await expect(list.locator('tbody tr').first()).toContainText('A2,c2,2025-03-02,20,surplus');
  await page.keyboard.press('Escape');
  await expect(list).toHaveCount(0);
});

test('a file that is not data is refused with a sentence naming it, and the sample stays', async ({ page }) => {
  await openReady(page);
  const before = await rowCount(page, 'base.orders').textContent();
  await page.getByTestId('file-input').setInputFiles({ name: 'orders.csv', mimeType: 'text/csv', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3, 0, 0, 0xff, 0xfe]) });
  await expect(page.getByRole('alert').filter({ hasText: '"orders.csv"' })).toContainText('binary data');
  await expect(rowCount(page, 'base.orders')).toHaveText(before!);
});

test('a file at a web address loads like a dropped one, and an address that answers 404 says so', async ({ page, baseURL }) => {
  await openReady(page);
  const missing = new URL('sample/no-such-export.csv', baseURL).href;
  await page.getByLabel(/from a web address/).fill(missing);
  await page.getByLabel(/from a web address/).press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: missing })).toContainText('answered 404');
  // The sample's own customers file, served by this page's origin, read through its URL.
  await page.getByLabel(/from a web address/).fill(new URL('sample/customers.parquet', baseURL).href);
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await expect(page.getByRole('status').locator('.notice', { hasText: 'customers.parquet: 20,000 rows loaded into customers' })).toBeVisible();
  await expect(page.locator('[data-table="base.orders"]')).toHaveCount(0);
  await expect(rowCount(page, 'base.customers')).toHaveText('20,000 rows');
});

test('a remote Parquet file is read by range requests, only the columns the mapping needs', async ({ page, baseURL }) => {
  // A wide orders export: the four columns a mapping needs and a long comment per row it does not.
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const { readFileSync, mkdtempSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const path = join(mkdtempSync(join(tmpdir(), 'wide-')), 'wide-orders.parquet');
  const native = await (await DuckDBInstance.create(':memory:')).connect();
  await native.run(
    `copy (select 'W' || i as order_id, 'c' || (i % 500) as customer_id, date '2025-01-01' + (i % 300)::int as order_date, (i % 90) + 0.5 as revenue,
            repeat(md5(i::varchar), 12) as comment
           from range(20000) t(i)) to '${path}' (format parquet, row_group_size 5000)`,
  );
  native.closeSync();
  const bytes = readFileSync(path);
  const url = new URL('remote/wide-orders.parquet', baseURL).href;
  const served: { range?: string; length: number }[] = [];
  await page.context().route(url, async (route) => {
    const range = route.request().headers().range;
    const headers = { 'accept-ranges': 'bytes', 'content-type': 'application/octet-stream' };
    if (!range) {
      served.push({ length: route.request().method() === 'HEAD' ? 0 : bytes.length });
      return route.fulfill({ status: 200, headers: { ...headers, 'content-length': String(bytes.length) }, body: route.request().method() === 'HEAD' ? '' : bytes });
    }
    const [, a, b] = /bytes=(\d*)-(\d*)/.exec(range)!;
    const start = a === '' ? bytes.length - Number(b) : Number(a);
    const end = a === '' || b === '' ? bytes.length - 1 : Math.min(Number(b), bytes.length - 1);
    const body = bytes.subarray(start, end + 1);
    served.push({ range, length: body.length });
    return route.fulfill({ status: 206, headers: { ...headers, 'content-range': `bytes ${start}-${end}/${bytes.length}`, 'content-length': String(body.length) }, body });
  });
  await openReady(page);
  await page.getByLabel(/from a web address/).fill(url);
  await page.getByLabel(/from a web address/).press('Enter');
  await expect(rowCount(page, 'base.orders')).toHaveText('20,000 rows');
  expect(served.some((s) => s.range)).toBe(true);
  const total = served.reduce((n, s) => n + s.length, 0);
  expect(total, `bytes served of ${bytes.length}`).toBeLessThan(bytes.length / 2);
  const cell = await runSqlCell(page, 'select count(distinct customer_id) as customers, round(sum(revenue), 1) as revenue from base.orders');
  await expect(cell.locator('tbody tr td').first()).toHaveText('500');
});

test('a date order assumed is named with its file and column, and changed by reopening the mapping from the data panel', async ({ page }) => {
  await openReady(page);
  const csv = ['order_id,customer_id,order_date,revenue', 'D1,c1,01/02/2024,10', 'D2,c2,03/04/2024,20'].join('\n');
  await dropFile(page, 'ambiguous.csv', csv);
  await expect(rowCount(page, 'base.orders')).toHaveText('2 rows');
  const notice = page.locator('.notice', { hasText: 'has a day above 12' });
  await expect(notice).toContainText('column "order_date" of "ambiguous.csv"');
  await expect(notice).toContainText('day first');
  const days = "select string_agg(strftime(order_date, '%Y-%m-%d'), ',' order by order_id) as days from base.orders";
  const before = await runSqlCell(page, days);
  await expect(before.locator('tbody tr td').first()).toHaveText('2024-02-01,2024-04-03');

  await page.locator('[data-table="base.orders"] summary').click();
  await page.getByRole('button', { name: 'Change the mapping of ambiguous.csv' }).click();
  const dialog = page.getByTestId('mapping-dialog');
  await expect(dialog.getByLabel('order_date', { exact: true })).toHaveValue('order_date');
  await expect(dialog.getByTestId('mapping-date-order')).toHaveValue('dmy');
  const firstRow = dialog.getByTestId('mapping-preview').locator('tbody tr').first();
  await expect(firstRow).toContainText('2024-02-01');
  await dialog.getByTestId('mapping-date-order').selectOption('mdy');
  await expect(firstRow).toContainText('2024-01-02');
  await dialog.getByRole('button', { name: 'Load', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  // The file's rows were replaced, not added to; the order is now the user's, so no notice assumes one.
  await expect(rowCount(page, 'base.orders')).toHaveText('2 rows');
  await expect(page.locator('.notice', { hasText: 'has a day above 12' })).toHaveCount(0);
  const after = await runSqlCell(page, days);
  await expect(after.locator('tbody tr td').first()).toHaveText('2024-01-02,2024-03-04');
});

test('a headerless file of columns separated by spaces opens the mapping step with its first row kept, and loads', async ({ page }) => {
  await openReady(page);
  // CDNOW's own format: customer, id, YYYYMMDD, CDs, dollars; runs of spaces between.
  const txt = [' 00004 0001 19970101  2   29.33', ' 00004 0001 19970118  2   29.73', ' 00021 0002 19970101  3   63.34', ' 00050 0003 19970213  1   11.77'].join('\r\n');
  await dropFile(page, 'CDNOW_master.txt', txt);
  const dialog = page.getByTestId('mapping-dialog');
  await expect(dialog.getByTestId('mapping-header')).not.toBeChecked();
  await expect(dialog.getByTestId('mapping-delimiter')).toHaveValue(' ');
  await dialog.getByTestId('mapping-table').selectOption('orders');
  await dialog.getByLabel('customer_id', { exact: true }).selectOption('column2');
  await dialog.getByLabel('order_date', { exact: true }).selectOption('column3');
  await dialog.getByLabel('revenue', { exact: true }).selectOption('column5');
  await dialog.getByLabel('quantity', { exact: true }).selectOption('column4');
  await expect(dialog).toContainText('each line is an order of its own');
  const preview = dialog.getByTestId('mapping-preview');
  await expect(preview.locator('tbody tr')).toHaveCount(4);
  await expect(preview.locator('tbody tr').first()).toContainText('1997-01-01');
  await dialog.getByRole('button', { name: 'Load', exact: true }).click();
  await expect(rowCount(page, 'base.orders')).toHaveText('4 rows');
  const cell = await runSqlCell(page, "select count(distinct order_id) || ' ' || min(order_date)::date || ' ' || round(sum(revenue), 2) as facts from base.orders");
  await expect(cell.locator('tbody tr td').first()).toHaveText('4 1997-01-01 134.17');
});
