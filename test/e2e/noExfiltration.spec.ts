// Pins that SQL cannot reach the network by itself, in any cell: every way DuckDB has to name a web
// address (read_csv with the data in the query string, a bare path, read_text, read_blob, glob,
// read_parquet, read_json, attach, copy to, export database, an extension from a chosen repository,
// s3 through a chosen endpoint, external access turned back on) fails in the cell with DuckDB's
// refusal, and a local server on another port that records every request sees none. The page's
// own reading still works: the sample's KPIs, a dropped CSV into a canonical table, a CSV and a
// JSON file of their own, and SQL over them.
import { expect, test } from '@playwright/test';
import { dropFile, guardOrigin, runSqlCell } from './helpers';
import { openAt, readyTimeout, recordingServer, type Recorder } from './shareHelpers';

guardOrigin();

let recorder: Recorder;
let port: number;
let requests: string[];

test.beforeAll(async () => {
  recorder = await recordingServer();
  ({ port, requests } = recorder);
});

test.afterAll(() => recorder.close());

const refusal = /disabled (by|through) configuration|Extension Autoloading Error|Cannot (change|enable) (external access|enable_external_access|allowed_directories)|not (be )?loaded|exists in the (parquet|json) extension|requires the extension/i;

test('no SQL cell reaches another origin; each says why it was refused', async ({ page }) => {
  test.setTimeout(readyTimeout + 240_000);
  await openAt(page);
  const at = (path: string) => `http://127.0.0.1:${port}/${path}?secret=42`;
  const hostile = [
    `select * from read_csv('${at('x.csv')}')`,
    `select * from '${at('bare.csv')}'`,
    `select * from read_text('${at('text')}')`,
    `select * from read_blob('${at('blob')}')`,
    `select * from glob('${at('*')}')`,
    `select * from read_parquet('${at('x.parquet')}')`,
    `select * from read_json('${at('x.json')}')`,
    `attach '${at('db.duckdb')}' as remote`,
    `copy (select customer_id from orders) to '${at('out.csv')}'`,
    `export database '${at('dump')}'`,
    'set enable_external_access = true',
    `set allowed_directories = ['http://127.0.0.1:${port}/']`,
    'load httpfs',
    `select * from read_csv('s3://bucket/x.csv')`,
  ];
  // Settings a statement may change, which must not open a way out either.
  const settings = [
    `set custom_extension_repository = 'http://127.0.0.1:${port}/ext'`,
    'set autoload_known_extensions = true',
    'set autoinstall_known_extensions = true',
    `set s3_endpoint = '127.0.0.1:${port}'`,
    'set s3_use_ssl = false',
  ];
  for (const setting of settings) await runSqlCell(page, setting);
  for (const sql of [...hostile, 'install httpfs; load httpfs', `select * from read_parquet('${at('auto.parquet')}')`]) {
    const cell = await runSqlCell(page, sql);
    await expect(cell.getByTestId('cell-error'), sql).toBeVisible({ timeout: 30_000 });
    await expect(cell.getByTestId('cell-error'), sql).toContainText(refusal);
  }
  expect(requests).toEqual([]);
});

test("the page's own reading still works: the sample's KPIs, dropped files, SQL over them", async ({ page }) => {
  test.setTimeout(readyTimeout + 120_000);
  await openAt(page);
  await expect(page.locator('article[data-cell="net_revenue"] [data-testid="headline"]')).not.toBeEmpty();
  await dropFile(page, 'price list.csv', ['product,list_price', 'Tea,4.5', 'Cake,3'].join('\n'));
  await expect(page.locator('[data-table="price_list"] [data-testid="row-count"]')).toHaveText('2 rows');
  const sum = await runSqlCell(page, 'select sum(list_price) as total from price_list');
  await expect(sum.locator('tbody tr td').first()).toHaveText('7.5');
  await dropFile(page, 'orders.csv', ['order_id,customer_id,order_date,revenue', 'A1,c1,2025-03-01,10', 'A2,c2,2025-03-02,20'].join('\n'));
  await expect(page.locator('[data-table="base.orders"] [data-testid="row-count"]')).toHaveText('2 rows');
  await dropFile(page, 'rates.json', JSON.stringify([{ code: 'EUR', rate: 1.1 }, { code: 'GBP', rate: 1.3 }]));
  await expect(page.locator('[data-table="rates"] [data-testid="row-count"]')).toHaveText('2 rows');
  const orders = await runSqlCell(page, 'select count(*) as n from orders');
  await expect(orders.locator('tbody tr td').first()).toHaveText('2');
  expect(requests).toEqual([]);
});
