// Pins that a large SQL result stays in the worker: the cell shows its first rows and the total,
// pages past the first rows come from the worker with the right values (in the query's order),
// the chart says it shows only the first rows, and the page stays usable for other cells. A change
// of data lets go of the held result: the next page asked runs the cell again.
import { expect, test } from '@playwright/test';
import { dropFile, guardOrigin, openReady, runSqlCell } from './helpers';

guardOrigin();

test('a 200,000-row result pages from the worker and the notebook keeps working', async ({ page }) => {
  await openReady(page);
  const big = await runSqlCell(page, 'select i, i * 2 as twice from range(200000) t(i) order by i');
  await expect(big).toHaveAttribute('data-status', 'done');
  const pager = big.getByTestId('table-page');
  const firstValue = big.locator('tbody tr').first().locator('td').first();
  await expect(pager).toHaveText('Rows 1–50 of 200,000');
  await expect(big.getByTestId('cell-meta')).toContainText('200,000 rows');
  await expect(big.getByTestId('chart-note')).toHaveText('The chart shows the first 5,000 of 200,000 rows.');

  await big.getByRole('button', { name: 'Next rows' }).click();
  await expect(pager).toHaveText('Rows 51–100 of 200,000');
  await expect(firstValue).toHaveText('50');

  // Far past the first rows the cell has: asked of the worker.
  await big.getByRole('button', { name: 'Last rows' }).click();
  await expect(pager).toHaveText('Rows 199,951–200,000 of 200,000');
  await expect(big.getByTestId('result-table')).toHaveAttribute('data-page-state', 'ready');
  await expect(firstValue).toHaveText('199,950');
  await expect(big.locator('tbody tr').last().locator('td').nth(1)).toHaveText('399,998');
  await expect(big.locator('tbody tr')).toHaveCount(50);

  await big.getByRole('button', { name: 'Previous rows' }).click();
  await expect(pager).toHaveText('Rows 199,901–199,950 of 200,000');
  await expect(firstValue).toHaveText('199,900');

  const other = await runSqlCell(page, 'select 40 + 2 as answer');
  await expect(other).toHaveAttribute('data-status', 'done');
  await expect(other.locator('tbody td').first()).toHaveText('42');

  // The large result is still there to page through.
  await big.getByRole('button', { name: 'Previous rows' }).click();
  await expect(firstValue).toHaveText('199,850');
});

test('a small result comes whole and a non-query statement still answers', async ({ page }) => {
  await openReady(page);
  const small = await runSqlCell(page, 'select i from range(120) t(i) order by i desc;');
  await expect(small).toHaveAttribute('data-status', 'done');
  await expect(small.getByTestId('table-page')).toHaveText('Rows 1–50 of 120');
  await expect(small.getByTestId('chart-note')).toHaveCount(0);
  await small.getByRole('button', { name: 'Last rows' }).click();
  await expect(small.locator('tbody tr').first().locator('td').first()).toHaveText('19');
  const described = await runSqlCell(page, 'describe orders');
  await expect(described).toHaveAttribute('data-status', 'done');
  await expect(described.locator('tbody td').first()).toHaveText('order_id');
});

test('after a change of data, a page past the first rows runs the cell again and shows its rows', async ({ page }) => {
  await openReady(page);
  const big = await runSqlCell(page, 'select i from range(30000) t(i) order by i desc');
  await expect(big.getByTestId('table-page')).toHaveText('Rows 1–50 of 30,000');
  await dropFile(page, 'prices.csv', 'id;price\n1;10\n2;20');
  await page.getByTestId('mapping-dialog').getByRole('button', { name: 'Keep as a table of its own' }).click();
  await expect(page.locator('[data-table="prices"] [data-testid="row-count"]')).toHaveText('2 rows');
  await big.evaluate((el) => {
    const seen: string[] = [];
    (el as unknown as { statuses: string[] }).statuses = seen;
    new MutationObserver(() => seen.push(el.getAttribute('data-status')!)).observe(el, { attributes: true, attributeFilter: ['data-status'] });
  });
  await big.getByRole('button', { name: 'Last rows' }).click();
  await expect(big.getByTestId('table-page')).toHaveText('Rows 29,951–30,000 of 30,000');
  await expect(big.getByTestId('result-table')).toHaveAttribute('data-page-state', 'ready');
  await expect(big.locator('tbody tr').first().locator('td').first()).toHaveText('49');
  await expect(big).toHaveAttribute('data-status', 'done');
  // The held result had gone with the change: the page asked made the cell run again.
  expect(await big.evaluate((el) => (el as unknown as { statuses: string[] }).statuses)).toContain('running');
});
