// Pins removing data with a way back and the page's messages about data: a removed file comes
// back with Undo (same rows, same KPIs, same range); removing every table brings the sample back
// and says so; a range on removed dates resets; successes are polite status messages beside the
// notebook, never over a card; errors stay until dismissed; the load log keeps the counts.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { dropFile, guardOrigin } from './helpers';

guardOrigin();
// Each test loads files and waits for whole notebook runs: minutes on a busy two-core machine.
test.describe.configure({ timeout: 420_000 });
// A removal waits for the cells under way to stop, and the sample's return reloads it.
const slow = { timeout: 120_000 };

/** As helpers' openReady, with room for a slow start (DuckDB compiling beside other work). */
async function openReady(page: Page) {
  await page.goto('./');
  await expect(page.locator('.shell')).toHaveAttribute('data-state', 'ready', { timeout: 180_000 });
}

const fixture = (name: string) => readFileSync(new URL(`../fixtures/ingest/${name}`, import.meta.url), 'utf8');
const ordersRows = (page: Page) => page.locator('[data-table="base.orders"] [data-testid="row-count"]');
const to = (page: Page) => page.getByLabel('To', { exact: true });

/** The notebook has run every cell for the data as it now is. */
async function settled(page: Page) {
  await expect(page.locator('.notebook')).toHaveAttribute('data-run-phase', 'done', { timeout: 120_000 });
  await expect(page.locator('article[data-status="queued"], article[data-status="running"]')).toHaveCount(0, { timeout: 120_000 });
}

const headlines = (page: Page) => page.locator('article [data-testid="headline"]').allTextContents();

/** January's export (2 orders up to Jan 20, 2024), then February's (1 order, Feb 5) extends the range. */
async function twoMonths(page: Page) {
  await openReady(page);
  await dropFile(page, 'orders-2024-01.csv', fixture('orders-2024-01.csv'));
  await expect(ordersRows(page)).toHaveText('2 rows', { timeout: 120_000 });
  await dropFile(page, 'orders-2024-02.csv', fixture('orders-2024-02.csv'));
  await expect(ordersRows(page)).toHaveText('3 rows', { timeout: 120_000 });
  await settled(page);
  await expect(to(page)).toHaveValue('2024-02-05');
}

async function removeFile(page: Page, name: string) {
  const table = page.locator('[data-table="base.orders"]');
  if (!(await table.locator('details').getAttribute('open').then((v) => v !== null))) await table.locator('summary').click();
  await page.getByRole('button', { name: `Remove ${name}` }).click();
}

test('a removed file comes back with Undo: the same rows, the same range and the same KPIs', async ({ page }) => {
  await twoMonths(page);
  const before = await headlines(page);
  expect(before.length).toBeGreaterThan(3);

  await removeFile(page, 'orders-2024-02.csv');
  const removed = page.getByRole('status').locator('.notice', { hasText: 'orders-2024-02.csv removed (1 row).' });
  await expect(removed).toBeVisible(slow);
  await expect(ordersRows(page)).toHaveText('2 rows');
  // Its dates went: the range ends on the remaining data's last day.
  await expect(to(page)).toHaveValue('2024-01-20');

  // Within the undo's ten seconds.
  await removed.getByRole('button', { name: 'Undo' }).click();
  await expect(removed).toHaveCount(0, slow);
  await expect(page.getByRole('status').locator('.notice', { hasText: 'orders-2024-02.csv is back (1 row).' })).toBeVisible(slow);
  await expect(ordersRows(page)).toHaveText('3 rows');
  await expect(to(page)).toHaveValue('2024-02-05');
  await settled(page);
  expect(await headlines(page)).toEqual(before);
  // The file is listed again, with its own row count and its way to be removed.
  await expect(page.getByRole('button', { name: 'Remove orders-2024-02.csv' })).toBeVisible();
});

test('a custom range reaching removed dates goes back to the default preset, and the notice says so', async ({ page }) => {
  await twoMonths(page);
  await page.getByLabel('From', { exact: true }).fill('2024-01-10');
  await page.getByLabel('From', { exact: true }).press('Enter');
  await expect(page.getByTestId('preset')).toHaveValue('custom');
  await settled(page);
  await removeFile(page, 'orders-2024-02.csv');
  await expect(page.getByRole('status').locator('.notice', { hasText: 'The date range is back to “Last 365 days”' })).toBeVisible(slow);
  await expect(page.getByTestId('preset')).toHaveValue('last365');
  await expect(to(page)).toHaveValue('2024-01-20');
});

test('removing every table of yours brings the sample back and says so; Undo puts your data back', async ({ page }) => {
  await openReady(page);
  const sampleOrders = await ordersRows(page).textContent();
  const sampleTables = await page.locator('.tables > li').count();
  await dropFile(page, 'orders-2024-01.csv', fixture('orders-2024-01.csv'));
  await expect(ordersRows(page)).toHaveText('2 rows', { timeout: 120_000 });
  await expect(page.locator('.tables > li')).toHaveCount(1);
  await settled(page);

  await page.locator('[data-table="base.orders"] summary').click();
  await page.getByRole('button', { name: 'Remove base.orders' }).click();
  const notice = page.getByRole('status').locator('.notice', { hasText: 'the sample store is back' });
  await expect(notice).toBeVisible(slow);
  await expect(ordersRows(page)).toHaveText(sampleOrders!);
  await expect(page.locator('.tables > li')).toHaveCount(sampleTables);
  await expect(page.locator('[data-table="base.orders"] .source')).toContainText('built-in sample');

  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(ordersRows(page)).toHaveText('2 rows', slow);
  await expect(page.locator('.tables > li')).toHaveCount(1);
  await expect(to(page)).toHaveValue('2024-01-20');
});

// One test per width, each in a context of its own (the config's, with its base URL and browser):
// a dropped file is kept in the browser (OPFS), so a second width in the same context would start
// on the first width's file and drop the same file again.
for (const [where, viewport] of [['at 1400 px', { width: 1400, height: 1000 }], ['on a phone', { width: 390, height: 844 }]] as const) {
  test.describe(where, () => {
    test.use({ viewport });
    test(`a success is a polite status message beside the notebook and never over a card, ${where}`, async ({ page }) => {
      await openReady(page);
      await dropFile(page, 'orders-2024-01.csv', fixture('orders-2024-01.csv'));
      const notice = page.locator('.notice', { hasText: 'orders-2024-01.csv: 2 rows loaded into orders.' });
      await expect(notice).toBeVisible({ timeout: 120_000 });
      await expect(page.getByRole('status').filter({ has: notice })).toHaveAttribute('aria-live', 'polite');
      await expect(page.getByRole('alert').filter({ has: notice })).toHaveCount(0);
      // The focus on it holds it (a success fades otherwise) while the notebook runs for the file.
      await notice.getByRole('button', { name: 'Dismiss' }).focus();
      await settled(page);
      await expect(notice).toBeVisible();
      for (const at of [0, 1500]) {
        await page.evaluate((y) => window.scrollTo(0, y), at);
        const box = (await notice.boundingBox())!;
        const cards = await page.locator('article').evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect().toJSON() as DOMRect));
        expect(cards.length).toBeGreaterThan(3);
        const over = cards.filter((c) => c.left < box.x + box.width && box.x < c.right && c.top < box.y + box.height && box.y < c.bottom);
        expect(over, `cards under the notice ${where}, scrolled ${at} px`).toEqual([]);
      }
    });
  });
}

test('an error stays until dismissed (Escape on it, or its labelled button); a success fades', async ({ page }) => {
  await page.clock.install();
  await openReady(page);
  await dropFile(page, 'orders-2024-01.csv', fixture('orders-2024-01.csv'));
  const success = page.locator('.notice', { hasText: '2 rows loaded into orders' });
  await expect(success).toBeVisible({ timeout: 120_000 });
  await dropFile(page, 'empty.csv', '');
  const error = page.getByRole('alert').locator('.notice', { hasText: 'empty.csv' });
  await expect(error).toBeVisible({ timeout: 120_000 });
  await page.clock.runFor(30_000);
  await expect(success).toHaveCount(0);
  await expect(error).toBeVisible();
  await error.getByRole('button', { name: 'Dismiss' }).focus();
  await page.keyboard.press('Escape');
  await expect(error).toHaveCount(0);
  await dropFile(page, 'empty.csv', '');
  await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert').locator('.notice')).toHaveCount(0);
});

test('the load log reopens, from the keyboard too, with what each file gave', async ({ page }) => {
  await openReady(page);
  await dropFile(page, 'orders-blanks-guests.csv', fixture('orders-blanks-guests.csv'));
  await expect(ordersRows(page)).toHaveText('3 rows', { timeout: 120_000 });
  await dropFile(page, 'empty.csv', '');
  await expect(page.getByRole('alert').locator('.notice')).toHaveCount(1, { timeout: 120_000 });

  const open = page.getByRole('button', { name: /What was loaded/ });
  await open.click();
  const log = page.getByRole('dialog', { name: 'What was loaded this session' });
  const entries = log.locator('.entries > li');
  await expect(entries).toHaveCount(3);
  // Newest first: the error, the file with its counts and notices, the sample.
  await expect(entries.nth(0)).toContainText('empty.csv');
  await expect(entries.nth(0)).toContainText('not loaded');
  const file = entries.nth(1);
  await expect(file).toContainText('orders-blanks-guests.csv');
  await expect(file.locator('.counts')).toHaveText('3 rows loaded into orders · 2 set aside · 1 notice');
  await expect(file.locator('.notes li')).toHaveText([/2 rows of orders-blanks-guests\.csv were set aside/]);
  await expect(entries.nth(2)).toContainText('Sample store');
  await page.keyboard.press('Escape');
  await expect(log).toHaveCount(0);

  await open.focus();
  await page.keyboard.press('Enter');
  await expect(entries).toHaveCount(3);
  await log.getByRole('button', { name: 'Close' }).click();
  await expect(log).toHaveCount(0);
  await expect(open).toBeFocused();
});
