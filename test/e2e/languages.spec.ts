// Pins the page in each language on the sample store: a browser set to French, Spanish or
// Romanian (Playwright's `locale`) gets the page in it, <html lang> included: a KPI title and its
// definition, a count written the language's way ("25 432" / "25.432"), and a chart's axis titles
// and ticks; English stays English. The language menu switches the page at once, names each
// language in itself, and the choice outlives a reload.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { guardOrigin } from './helpers';

guardOrigin();

type Words = Record<string, { title: string; definition: string; columns: Record<string, string> }>;
const words = (lang: string): Words => JSON.parse(readFileSync(new URL(`../../queries/i18n/${lang}.json`, import.meta.url), 'utf8'));

const chartCell = 'article[data-cell="repeat_purchase_rate"]';
const texts = (page: Page, selector: string) => page.locator(selector).evaluateAll((nodes) => nodes.map((n) => n.textContent ?? ''));

/** The sample's precomputed notebook drawn: what is checked here needs no database. */
async function openSample(page: Page) {
  await page.goto('./');
  await expect(page.locator(`${chartCell} [data-chart-state="drawn"] svg.marks`)).toBeVisible({ timeout: 240_000 });
}

const cases = [
  // Thousands: French a narrow no-break space, Spanish and Romanian a dot, English a comma; a share's decimal comma.
  { lang: 'fr', locale: 'fr-FR', count: /^\d{1,3}(\u202f\d{3})+$/, percent: /^\d+(,\d)?\u00a0%$/, month: /^[a-zéû.]+ 2025$/, rangeLabel: 'Plage de dates' },
  { lang: 'es', locale: 'es-ES', count: /^\d{1,3}(\.\d{3})+$/, percent: /^\d+(,\d)?\u00a0%$/, month: /^[a-z]+ 2025$/, rangeLabel: 'Rango de fechas' },
  { lang: 'ro', locale: 'ro-RO', count: /^\d{1,3}(\.\d{3})+$/, percent: /^\d+(,\d)?\u00a0%$/, month: /^[a-zăâîșț.]+ 2025$/, rangeLabel: 'Interval de date' },
];

for (const c of cases) {
  test.describe(`a browser in ${c.locale}`, () => {
    test.use({ locale: c.locale });

    test(`speaks ${c.lang}: a KPI title, a count, a chart axis`, async ({ page }) => {
      test.setTimeout(300_000);
      await openSample(page);
      const w = words(c.lang);
      await expect(page.locator('html')).toHaveAttribute('lang', c.lang);
      await expect(page.getByTestId('language')).toHaveValue(c.lang);

      const orders = page.locator('article[data-cell="order_count"]');
      await expect(orders.locator('h3')).toHaveText(w.order_count.title);
      await expect(orders.locator('.definition')).toHaveText(w.order_count.definition);
      await expect(orders.getByTestId('headline')).toHaveText(c.count);
      await expect(page.locator('article[data-cell="retention_rate"] h3')).toHaveText(w.retention_rate.title);

      const rate = w.repeat_purchase_rate.columns;
      expect(await texts(page, `${chartCell} .role-axis-title text`)).toEqual([rate.month, rate.rate]);
      const ticks = await texts(page, `${chartCell} .role-axis-label text`);
      const months = ticks.filter((t) => /\d{4}$/.test(t));
      const shares = ticks.filter((t) => !/\d{4}$/.test(t));
      expect(months.length).toBeGreaterThan(2);
      for (const tick of months) expect(tick).toMatch(c.month);
      expect(shares.length).toBeGreaterThan(2);
      for (const tick of shares) expect(tick).toMatch(c.percent);
      await expect(page.getByText(c.rangeLabel).first()).toBeAttached();
    });
  });
}

test.describe('a browser in en-US', () => {
  test.use({ locale: 'en-US' });

  test('stays in English, and the language menu switches the page at once and is remembered', async ({ page }) => {
    test.setTimeout(600_000);
    await openSample(page);
    const orders = page.locator('article[data-cell="order_count"]');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(orders.locator('h3')).toHaveText('Orders');
    await expect(orders.getByTestId('headline')).toHaveText(/^\d{1,3}(,\d{3})+$/);

    const menu = page.getByTestId('language');
    await expect(menu.locator('option')).toHaveText(['English', 'Français', 'Español', 'Română']);
    await menu.selectOption('ro');
    const ro = words('ro');
    await expect(orders.locator('h3')).toHaveText(ro.order_count.title);
    await expect(orders.getByTestId('headline')).toHaveText(/^\d{1,3}(\.\d{3})+$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ro');
    // The chart is drawn again in the new language.
    await expect.poll(() => texts(page, `${chartCell} .role-axis-title text`), { timeout: 60_000 }).toEqual([ro.repeat_purchase_rate.columns.month, ro.repeat_purchase_rate.columns.rate]);

    await page.reload();
    await expect(orders.locator('h3')).toHaveText(ro.order_count.title, { timeout: 240_000 });
    await expect(menu).toHaveValue('ro');

    await menu.selectOption('en');
    await expect(orders.locator('h3')).toHaveText('Orders');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});
