// Pins how a module's table reads on the sample: its columns by their show: labels, money with
// the currency and two decimals, shares as percents, months as "Jan 2025", channel codes as
// words; and that a wide table keeps its key column in view when scrolled sideways and shows
// by an edge shadow that it scrolls.
import { expect, test, type Page } from '@playwright/test';

import { guardOrigin } from './helpers';

guardOrigin();

// The database's start is slow on a loaded machine; waiting longer for it decides nothing.
test.setTimeout(480_000);
async function openReady(page: Page) {
  await page.goto('./');
  await expect(page.locator('.shell')).toHaveAttribute('data-state', 'ready', { timeout: 300_000 });
}

async function openTable(page: Page, id: string) {
  const cell = page.locator(`article[data-cell="${id}"]`);
  await expect(cell).toHaveAttribute('data-status', 'done');
  await cell.getByRole('button', { name: 'Table' }).click();
  const table = cell.locator('[data-testid="result-table"]');
  await expect(table).toHaveAttribute('data-page-state', 'ready');
  return table;
}

const columnTexts = (table: ReturnType<Page['locator']>, n: number) => table.locator(`tbody tr td:nth-child(${n})`).allInnerTexts();

test('a module table reads with labels, money, percents, months and words', async ({ page }) => {
  await openReady(page);
  const mix = await openTable(page, 'acquisition_mix');
  await expect(mix.locator('thead th')).toHaveText(['Channel', 'New customers', 'Their net revenue', 'Share of new customers']);
  const channels = await columnTexts(mix, 1);
  expect(channels.length).toBeGreaterThan(2);
  for (const c of channels) expect(c, 'a channel reads as words').toMatch(/^(–|[A-Z][^_]*)$/);
  for (const r of await columnTexts(mix, 3)) expect(r, 'money has its symbol and two decimals').toMatch(/^€[\d,]+\.\d{2}$/);
  for (const s of await columnTexts(mix, 4)) expect(s, 'a share reads as a percent').toMatch(/^\d{1,3}(\.\d)?%$/);

  const revenue = await openTable(page, 'net_revenue');
  await expect(revenue.locator('thead th')).toHaveText(['Month', 'Revenue', 'Refunds', 'Net revenue']);
  const months = await columnTexts(revenue, 1);
  expect(months.length).toBeGreaterThan(1);
  for (const m of months) expect(m).toMatch(/^[A-Z][a-z]{2} \d{4}$/);
  const number = revenue.locator('tbody td:nth-child(4)').first();
  expect(await number.evaluate((e) => [getComputedStyle(e).textAlign, getComputedStyle(e).fontVariantNumeric])).toEqual(['right', 'tabular-nums']);
});

test('a wide table keeps its key column in view and shows that it scrolls, at 1400 and 390 px', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await openReady(page);
  await expect(page.locator('[data-clv-status="done"]')).toBeVisible({ timeout: 180_000 });
  const table = page.locator('article[data-cell="clv_top_customers"] [data-testid="result-table"]');
  await expect(table).toHaveAttribute('data-page-state', 'ready');
  await expect(table.locator('thead th')).toHaveText(['Customer', 'Repeat purchases', 'Chance still a customer', 'Expected purchases', 'Expected spend per purchase', 'Predicted value']);
  for (const v of await columnTexts(table, 6)) expect(v).toMatch(/^€[\d,]+\.\d{2}$/);
  for (const v of await columnTexts(table, 3)) expect(v).toMatch(/^\d{1,3}(\.\d)?%$/);
  await table.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/labels-table-1400.png' });

  await page.setViewportSize({ width: 390, height: 844 });
  const frame = page.locator('article[data-cell="clv_top_customers"] [data-testid="result-table-frame"]');
  await table.scrollIntoViewIfNeeded();
  // Too wide for a phone: the right edge says there is more, the left edge not yet.
  await expect(frame).toHaveClass(/more-right/);
  await expect(frame).not.toHaveClass(/more-left/);
  const key = table.locator('tbody tr:first-child td:first-child');
  const keyLeft = await key.evaluate((e) => e.getBoundingClientRect().left);
  const customer = await key.innerText();
  await table.evaluate((e) => e.scrollTo({ left: e.scrollWidth }));
  await expect(frame).toHaveClass(/more-left/);
  await expect(frame).not.toHaveClass(/more-right/);
  // Scrolled to the end, the customer is still where it was, and the last column is in view.
  expect(await key.evaluate((e) => e.getBoundingClientRect().left)).toBeCloseTo(keyLeft, 0);
  await expect(key).toHaveText(customer);
  await expect(table.locator('thead th:last-child')).toBeInViewport();
  await page.screenshot({ path: '/tmp/labels-table-390.png' });
});
