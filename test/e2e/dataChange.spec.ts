// Pins that a change of data never fails a cell: files dropped while the notebook is still
// computing (the sample's live run, then the reruns for each other) stop the cells they catch,
// and those cells run again on the new data instead of showing "This cell failed".
import { expect, test, type Page } from '@playwright/test';
import { dropFile, guardOrigin } from './helpers';

guardOrigin();

/** An orders export of `n` orders, 10, 20, … n × 10 each, for customers c1..c3. */
function ordersExport(prefix: string, n: number): string {
  const lines = ['order_id,customer_id,order_date,revenue'];
  for (let i = 1; i <= n; i++) lines.push(`${prefix}${i},c${(i % 3) + 1},2025-03-${String(i).padStart(2, '0')} 10:00:00,${10 * i}`);
  return lines.join('\n');
}

/** Every cell that showed an error at any moment, with its message: a failure that a rerun later hid still counts. */
async function recordFailures(page: Page) {
  await page.addInitScript(() => {
    const failed: string[] = [];
    (window as unknown as { failedCells: string[] }).failedCells = failed;
    new MutationObserver((records) => {
      for (const { target } of records) {
        const cell = target as Element;
        if (cell.getAttribute('data-status') === 'error') failed.push(`${cell.getAttribute('data-cell')}: ${cell.querySelector('[data-testid="cell-error"]')?.textContent}`);
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-status'] });
  });
  return () => page.evaluate(() => (window as unknown as { failedCells: string[] }).failedCells);
}

test('files dropped while the notebook runs fail no cell, and the KPIs answer for all of them', async ({ page }) => {
  // Four loads and the reruns between them: more than one notebook run's time on a busy machine.
  test.setTimeout(180_000);
  const failures = await recordFailures(page);
  await page.goto('./');
  await expect(page.locator('.shell')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  // The sample's cells are being computed live when the first export arrives.
  await expect(page.locator('.notebook')).toHaveAttribute('data-run-phase', 'cells');
  await dropFile(page, 'first export.csv', ordersExport('A', 4));
  // Three more in quick succession, each while the notebook reruns for the ones before.
  await dropFile(page, 'export b.csv', ordersExport('B', 5));
  await dropFile(page, 'export c.csv', ordersExport('C', 6));
  await dropFile(page, 'export d.csv', ordersExport('D', 7));
  await expect(page.locator('[data-table="base.orders"] [data-testid="row-count"]')).toHaveText('22 rows', { timeout: 60_000 });
  await expect(page.locator('.notebook')).toHaveAttribute('data-run-phase', 'done', { timeout: 60_000 });
  await expect(page.locator('article[data-status="queued"], article[data-status="running"]')).toHaveCount(0);
  expect(await failures()).toEqual([]);
  await expect(page.locator('article[data-status="error"]')).toHaveCount(0);
  await expect(page.locator('.notice.error')).toHaveCount(0);
  // 22 orders worth 10 × (10 + 15 + 21 + 28) = 740 in all: 33.64 each.
  await expect(page.locator('article[data-cell="average_order_value"] [data-testid="headline"]')).toHaveText(/33\.6/);
});

test('a table of its own loaded while the notebook runs: the cells it stopped run again and none is left waiting', async ({ page }) => {
  test.setTimeout(180_000);
  const failures = await recordFailures(page);
  await page.goto('./');
  await expect(page.locator('.shell')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await expect(page.locator('.notebook')).toHaveAttribute('data-run-phase', 'cells');
  // Headers no canonical table fits: loaded as it is, with no run of the whole notebook after it.
  await dropFile(page, 'price list.csv', ['product,list_price', 'Tea,4.5', 'Cake,3'].join('\n'));
  await expect(page.locator('[data-table="price_list"] [data-testid="row-count"]')).toHaveText('2 rows', { timeout: 60_000 });
  await expect(page.locator('.notebook')).toHaveAttribute('data-run-phase', 'done', { timeout: 60_000 });
  await expect(page.locator('article[data-status="queued"], article[data-status="running"]')).toHaveCount(0, { timeout: 60_000 });
  expect(await failures()).toEqual([]);
  await expect(page.locator('article[data-status="error"]')).toHaveCount(0);
  await expect(page.locator('article[data-cell="average_order_value"] [data-testid="headline"]')).toHaveText(/\d/);
});
