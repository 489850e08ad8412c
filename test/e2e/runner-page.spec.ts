// One file, one set of numbers, in the page and in the command-line runner: a file in the classic
// Online Retail layout gives the same headline of every KPI in both; a mapping confirmed in the
// page's mapping step is exported from the data panel, and the runner, given that file and the
// same export, loads the same rows the page loaded (native DuckDB, through the same ingestion).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { loadFiles } from '../../src/cli/loadFiles';
import { openNativeDb } from '../../src/cli/nativeDb';
import { readCatalog } from '../../src/cli/readModules';
import { orderDateRange, runKpis } from '../../src/cli/runKpis';
import { formatHeadline } from '../../src/lib/formatValue';
import { parseMappingFile } from '../../src/lib/mappingFile';
import { dropFile, guardOrigin, openReady, runSqlCell } from './helpers';

guardOrigin();

test('a mapping confirmed in the page is exported, and the runner loads the same file to the same rows', async ({ page }) => {
  await openReady(page);
  // Could be orders or customers: the page asks, and the runner alone refuses with the same question.
  const csv = ['ref;client;date de commande;montant;transporteur', 'X1;c1;03/02/2025;10,50;DHL', 'X2;c2;04/02/2025;20;UPS', 'X3;c1;05/02/2025;1 200,00;DHL'].join('\n');
  await dropFile(page, 'caisse.csv', csv);
  const dialog = page.getByTestId('mapping-dialog');
  await expect(dialog.getByTestId('mapping-table')).toHaveValue('orders');
  await dialog.getByLabel('order_id', { exact: true }).selectOption('ref');
  await dialog.getByRole('button', { name: 'Load', exact: true }).click();
  await expect(page.locator('[data-table="base.orders"] [data-testid="row-count"]')).toHaveText('3 rows');

  await page.locator('[data-table="base.orders"] summary').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export mapping' }).click()]);
  expect(download.suggestedFilename()).toBe('orders.mapping.json');
  const tmp = mkdtempSync(join(tmpdir(), 'clientele-e2e-'));
  try {
    const mappingPath = join(tmp, 'orders.mapping.json');
    await download.saveAs(mappingPath);
    const csvPath = join(tmp, 'caisse.csv');
    writeFileSync(csvPath, csv);

    const sql = "select order_id, customer_id, strftime(order_date, '%Y-%m-%d') as day, revenue from base.orders order by order_id";
    const cell = await runSqlCell(page, sql);
    await expect(cell.locator('tbody tr')).toHaveCount(3);
    const inPage = await cell.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent?.trim())));

    const db = await openNativeDb();
    try {
      await expect(loadFiles(db, [csvPath])).rejects.toThrow(/^Which columns are which in “caisse\.csv”\?.*Its columns: "ref", "client"/);
      const { files } = await loadFiles(db, [csvPath], { mappings: parseMappingFile(readFileSync(mappingPath, 'utf8'), mappingPath) });
      expect(files.map((f) => [f.file, f.table, f.rowsLoaded])).toEqual([['caisse.csv', 'orders', 3]]);
      const byRunner = (await db.rows(sql)).map((r) => [String(r.order_id), String(r.customer_id), String(r.day), Number(r.revenue)]);
      expect(byRunner).toEqual([
        ['X1', 'c1', '2025-02-03', 10.5],
        ['X2', 'c2', '2025-02-04', 20],
        ['X3', 'c1', '2025-02-05', 1200],
      ]);
      expect(inPage.map((r) => r.slice(0, 3))).toEqual(byRunner.map((r) => r.slice(0, 3)));
      expect(inPage.map((r) => Number(String(r[3]).replace(/[^\d.]/g, '')))).toEqual(byRunner.map((r) => r[3]));
    } finally {
      db.close();
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test('the Online Retail layout gives the same headline numbers in the page and in the runner', async ({ page }) => {
  const name = 'online-retail-month.csv';
  const path = fileURLToPath(new URL(`../fixtures/ingest/${name}`, import.meta.url));
  await openReady(page);
  await dropFile(page, name, readFileSync(path, 'utf8'));
  await expect(page.locator('[data-table="base.orders"] [data-testid="row-count"]')).toHaveText('293 rows');
  const notebook = page.locator('.notebook');
  await expect(notebook).toHaveAttribute('data-run-phase', 'done');
  const before = Number(await notebook.getAttribute('data-run'));
  await page.getByTestId('preset').selectOption('all');
  await expect.poll(async () => Number(await notebook.getAttribute('data-run'))).toBeGreaterThan(before);
  await expect(notebook).toHaveAttribute('data-run-phase', 'done');
  await expect(page.locator('article[data-status="queued"], article[data-status="running"]')).toHaveCount(0);
  const inPage = new Map(
    await page.locator('article[data-cell]:not([data-cell="sql"])').evaluateAll((cells) =>
      cells.filter((c) => c.querySelector('[data-testid="headline"]')).map((c) => [c.getAttribute('data-cell')!, c.querySelector('[data-testid="headline"]')!.textContent!.trim()] as [string, string]),
    ),
  );

  const db = await openNativeDb();
  try {
    const loaded = await loadFiles(db, [path]);
    const report = await runKpis(db, readCatalog().current, loaded.columns, (await orderDateRange(db))!);
    const digits = (text: string) => text.replace(/[^\d.,%-]/g, '');
    const byRunner = report.modules.filter((m) => m.headline && inPage.has(m.id)).map((m) => [m.id, digits(formatHeadline(m.headline!.value, m.headline!.format))]);
    // The customers, orders, revenue, refunds and repeat rate the issue names are among them.
    expect(byRunner.map(([id]) => id)).toEqual(expect.arrayContaining(['new_customers', 'average_order_value', 'revenue_per_customer', 'refund_rate', 'customer_return_rate']));
    expect(byRunner.map(([id]) => [id, digits(inPage.get(id)!)])).toEqual(byRunner);
  } finally {
    db.close();
  }
});
