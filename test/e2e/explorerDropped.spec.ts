// Pins the customer explorer on a dropped orders file (not the sample): Views → Customers lists
// exactly the file's customers, each with its orders and revenue (a missing city in words), a row
// opens its report, and the facets count the file's customers with their revenue shares in words.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { dropFile, guardOrigin } from './helpers';

guardOrigin();
test.setTimeout(600_000);

async function ready(page: Page) {
  await page.goto('./');
  await expect(page.locator('.shell')).toHaveAttribute('data-state', 'ready', { timeout: 300_000 });
}
const listReady = (page: Page) => expect(page.locator('section.customers')).toHaveAttribute('data-state', 'ready', { timeout: 180_000 });

test('the customer list of a dropped orders file shows that file’s customers, and a row opens its report', async ({ page }) => {
  await ready(page);
  // A1 c1 10.50, A2 c2 20, A3 c1 5.25 (January and February 2024).
  await dropFile(page, 'orders-basic.csv', readFileSync(new URL('../fixtures/ingest/orders-basic.csv', import.meta.url), 'utf8'));
  await expect(page.locator('[data-table="base.orders"] [data-testid="row-count"]')).toHaveText('3 rows', { timeout: 120_000 });

  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Customers' }).click();
  await listReady(page);
  await expect(page.getByTestId('customer-count')).toHaveText('2 customers');
  const table = page.getByTestId('customer-table');
  const headers = await table.locator('thead th').allTextContents();
  const column = (name: string) => headers.findIndex((h) => h.replace(/[▲▼]/g, '').trim().toLowerCase() === name);
  const rows = table.locator('tbody tr[data-index]');
  await expect(rows).toHaveCount(2);
  const byId = new Map<string, string[]>();
  for (const row of await rows.all()) {
    const cells = (await row.locator('td').allTextContents()).map((c) => c.trim());
    byId.set(cells[0], cells);
  }
  expect([...byId.keys()].sort()).toEqual(['c1', 'c2']);
  expect(byId.get('c1')![column('orders')]).toBe('2');
  expect(byId.get('c1')![column('revenue')]).toMatch(/15\.75/);
  expect(byId.get('c2')![column('orders')]).toBe('1');
  expect(byId.get('c2')![column('revenue')]).toMatch(/^\D*20(\.00)?\D*$/);
  expect(byId.get('c1')![column('country')]).toBe('FR');
  // The file has no city: the list says so in words, as the facets do.
  expect(byId.get('c1')![column('city')]).toBe('Unknown');

  await rows.filter({ hasText: 'c1' }).click();
  await expect(page.getByRole('heading', { name: 'c1', exact: true })).toBeVisible({ timeout: 120_000 });
  // The facets count the file's customers too (two countries), their revenue shares in words.
  const facets = page.locator('section.facet[data-facet="revenue_contribution"] button.value');
  await expect(facets.first()).toBeVisible();
  await expect(facets).toHaveCount(2);
  const shares = (await facets.allTextContents()).join(' | ');
  expect(shares).toMatch(/Top 20% of customers/);
  expect(shares).not.toMatch(/top_20|next_30|bottom_50/);
  await expect(page.locator('section.facet[data-facet="country"] button.value')).toHaveCount(2);
});
