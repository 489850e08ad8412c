// Screenshots of the customer explorer on the sample at desktop and phone widths, for a person to
// look at (test-results/explorer-*.png); it pins that the explorer shows its map and list, and that
// the facet panel, taller than the window, shows that it scrolls until its end is in view.
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
    if (name === 'desktop') {
      // The facets are taller than the window: their panel scrolls on its own, and its foot fades until the last one is in view.
      const side = page.getByTestId('facet-side');
      await expect(page.locator('aside.facets')).toHaveAttribute('data-state', 'ready', { timeout: 120_000 });
      await expect(side).toHaveClass(/more-below/);
      await page.screenshot({ path: 'test-results/explorer-facets-more.png' });
      await side.evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await expect(side).not.toHaveClass(/more-below/);
      await side.evaluate((el) => el.scrollTo(0, 0));
    }
    await expect(page.locator('section.customers')).toHaveAttribute('data-state', 'ready', { timeout: 120_000 });
    await page.locator('tr[data-index="0"]').click();
    await expect(page.locator('article.report')).toHaveAttribute('data-state', 'ready', { timeout: 120_000 });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `test-results/explorer-report-${name}.png`, fullPage: true });
  });
}
