// Screenshots of the customer explorer on the sample at desktop and phone widths, for a person to
// look at (test-results/explorer-*.png); it pins only that the explorer shows its map and list.
import { expect, test } from '@playwright/test';
import { guardOrigin } from './helpers';

guardOrigin();

for (const [name, viewport] of [['desktop', { width: 1400, height: 1000 }], ['phone', { width: 390, height: 844 }]] as const) {
  test(`explorer at ${name} width`, async ({ page }) => {
    test.setTimeout(480_000);
    await page.setViewportSize(viewport);
    await page.goto('./');
    // Six engineers share two cores: the database can take minutes to start.
    await expect(page.locator('.shell')).toHaveAttribute('data-state', 'ready', { timeout: 300_000 });
    await page.getByRole('button', { name: 'Customers', exact: true }).click();
    await expect(page.getByTestId('explorer')).toBeVisible();
    await expect(page.locator('.map-card')).toHaveAttribute('data-state', /ready|error/, { timeout: 120_000 });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `test-results/explorer-${name}.png`, fullPage: true });
    await expect(page.locator('section.customers')).toHaveAttribute('data-state', 'ready', { timeout: 120_000 });
    await page.locator('tr[data-index="0"]').click();
    await expect(page.locator('article.report')).toHaveAttribute('data-state', 'ready', { timeout: 120_000 });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `test-results/explorer-report-${name}.png`, fullPage: true });
  });
}
