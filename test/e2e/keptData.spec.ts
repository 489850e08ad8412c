// Pins what the page says when the data kept in this browser comes back on start: one quiet status
// (polite, not an alert) naming the file and its rows, pointing to the load log for the notes of
// its reading, with a way to forget it; the drop's own messages (rows loaded, rows set aside) are
// not said again; and the KPIs answer for the kept file, not the sample.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { dropFile, guardOrigin } from './helpers';

guardOrigin();
// A start, a load, a reload and two whole notebook runs on a busy two-core machine.
test.describe.configure({ timeout: 600_000 });

async function openReady(page: Page, url = './') {
  if (url) await page.goto(url);
  await expect(page.locator('.shell')).toHaveAttribute('data-state', 'ready', { timeout: 240_000 });
}

const settled = (page: Page) => expect(page.locator('article[data-status="queued"], article[data-status="running"]')).toHaveCount(0, { timeout: 240_000 });

test('kept data read back at start is said once, quietly, and the KPIs answer for the kept file', async ({ page }) => {
  await openReady(page);
  const revenue = page.locator('article[data-cell="net_revenue"] [data-testid="headline"]');
  // Three orders load (one customer's, two guests'), two rows are set aside: a warning at the drop.
  await dropFile(page, 'orders-blanks-guests.csv', readFileSync(new URL('../fixtures/ingest/orders-blanks-guests.csv', import.meta.url), 'utf8'));
  const rows = page.locator('[data-table="base.orders"] [data-testid="row-count"]');
  await expect(rows).toHaveText('3 rows', { timeout: 120_000 });
  await expect(page.locator('.notice.warning', { hasText: '2 rows of orders-blanks-guests.csv were set aside' })).toBeVisible();
  await expect(page.getByTestId('kept-data')).toContainText('1 file kept');
  await settled(page);
  const dropped = await revenue.textContent();

  await page.reload();
  await openReady(page, '');
  const back = page.locator('.notices .notice');
  // The focus on it, first thing, holds it (a success fades otherwise) while the notebook runs.
  const forget = back.getByRole('button', { name: 'Forget kept data' });
  await forget.focus();
  await expect(back).toHaveCount(1);
  await expect(back).toHaveText(/^Your kept data is back: orders-blanks-guests\.csv \(3 rows\)\. 1 note from reading it is in “What was loaded”\./);
  const polite = page.locator('.notices [role="status"]');
  await expect(polite.locator('.notice')).toHaveCount(1);
  await expect(polite).toHaveAttribute('aria-live', 'polite');
  await expect(page.getByRole('alert').locator('.notice')).toHaveCount(0);
  // Not the sample: no customer list, and the KPIs read the kept orders (10 + 20 + 30 = 60).
  await expect(rows).toHaveText('3 rows');
  await expect(page.locator('[data-table="base.customers"]')).toHaveCount(0);
  await settled(page);
  await expect(revenue).toHaveText(dropped!);
  await expect(revenue).toHaveText(/^\D*60(\.00)?\D*$/);
  // Said once: the drop's sentences did not come back as notices of their own.
  await expect(back).toHaveCount(1);
  await expect(page.locator('.notice', { hasText: 'rows loaded into orders' })).toHaveCount(0);

  await forget.click();
  await expect(page.locator('.notice', { hasText: 'Your kept data is back' })).toHaveCount(0);
  await expect(page.getByRole('status').locator('.notice', { hasText: 'Kept data forgotten' })).toBeVisible();
  await expect(page.getByTestId('kept-data')).toContainText('Files you load are kept here');
  // What is loaded stays until the page is closed.
  await expect(rows).toHaveText('3 rows');

  // The notes of its reading are in the load log, as the status said.
  await page.getByRole('button', { name: /What was loaded/ }).click();
  const log = page.getByRole('dialog', { name: 'What was loaded this session' });
  const entry = log.locator('.entries > li').filter({ hasText: 'orders-blanks-guests.csv' });
  await expect(entry.locator('.counts')).toHaveText('3 rows loaded into orders · 2 set aside · 1 notice');
  await expect(entry.locator('.notes li')).toHaveText([/2 rows of orders-blanks-guests\.csv were set aside/]);
});
