// Money and its currency in real Chromium: a UK export with no currency column shows plain numbers
// (nobody's € or $) until the user names its currency in the data panel, which this browser then
// remembers; orders in two currencies are never added up: a warning names them with their orders,
// the KPIs read only the kept one, and the data panel switches which.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { dropFile, guardOrigin, openReady } from './helpers';

guardOrigin();

const fixture = (name: string) => readFileSync(new URL(`../fixtures/currency/${name}`, import.meta.url), 'utf8');
const aov = (page: import('@playwright/test').Page) => page.locator('article[data-cell="average_order_value"] [data-testid="headline"]');
const rows = (page: import('@playwright/test').Page) => page.locator('[data-table="base.orders"] [data-testid="row-count"]');

test('no currency column: plain numbers; choosing GBP shows £ and is remembered', async ({ page }) => {
  await openReady(page);
  // The sample names its currency: the control says so and cannot override it.
  await expect(page.locator('[data-currency-source="data"]')).toBeVisible();
  await expect(page.getByLabel('Currency')).toBeDisabled();

  await dropFile(page, 'uk-orders.csv', fixture('uk-orders.csv'));
  await expect(rows(page)).toHaveText('4 rows');
  await expect(page.locator('[data-currency-source="none"]')).toBeVisible();
  // 1,250 + 42.50 + 57.50 + 50 = 1,400 over 4 orders.
  await expect(aov(page)).toHaveText('350.00');

  const currency = page.getByLabel('Currency');
  await currency.focus();
  await currency.selectOption('GBP');
  await expect(page.locator('[data-currency-source="choice"]')).toBeVisible();
  await expect(aov(page)).toHaveText('£350.00');
  expect(await page.evaluate(() => localStorage.getItem('clientele.currency.v1'))).toBe('GBP');
});

test('two currencies: a warning names them, the KPIs count only the kept one, and the choice switches it', async ({ page }) => {
  await openReady(page);
  await dropFile(page, 'two-currencies.csv', fixture('two-currencies.csv'));
  await expect(rows(page)).toHaveText('7 rows');
  const warning = page.locator('.notice.warning', { hasText: 'currencies' });
  await expect(warning).toContainText('The orders are in 2 currencies: GBP (3 orders), EUR (2 orders).');
  await expect(warning).toContainText('1 order line names no currency and is left out.');

  const currency = page.getByLabel('Currency');
  await expect(page.locator('[data-currency-source="kept"]')).toBeVisible();
  await expect(currency).toHaveValue('GBP');
  await expect(currency.locator('option')).toHaveText(['GBP · 3 orders', 'EUR · 2 orders']);
  // GBP: 100, 50 + 10, 30 over 3 orders; never the EUR 280 or the 999 with no currency.
  await expect(aov(page)).toHaveText('£63.33');

  await warning.getByRole('button', { name: 'Choose currency' }).click();
  await expect(currency).toBeFocused();
  await currency.selectOption('EUR');
  await expect(aov(page)).toHaveText('€140.00');
  await expect(page.locator('.notice.warning', { hasText: 'currencies' })).toContainText('every KPI counts only the EUR orders');
});
