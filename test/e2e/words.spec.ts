// Pins the words on the notebook: with every cell of the sample computed and drawn, the text a
// reader sees (definitions included) names no table or column of the data model, says nothing of
// versions, prepared tables, NULLs or floating point; and a module waiting for a column the files
// lack names the export to add ("an orders export with a cost column"), not orders(cost).
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { canonicalTables } from '../../src/lib/canonical';
import { preparedTables } from '../../src/lib/prepared';
import { dropFile, guardOrigin } from './helpers';

guardOrigin();

// Names with an underscore only: "orders", "revenue" or "channel" are also plain words.
const identifiers = [
  ...Object.values(canonicalTables).flatMap((table) => [table.name, ...table.columns.map((c) => c.name)]),
  ...Object.entries(preparedTables).flatMap(([name, columns]) => [name, ...columns.map((c) => c.name)]),
].filter((name) => name.includes('_'));
const developerWords = [/\bversion \d/i, /\bprepared\b/i, /\bNULL\b/, /\bfloat/i, /\bgetvariable\b/i, /`/];

function developerWordsIn(text: string): string[] {
  const words = identifiers.filter((name) => new RegExp(`\\b${name}\\b`).test(text));
  return [...words, ...developerWords.filter((re) => re.test(text)).map(String)];
}

// The database may take longer than openReady allows to start on a loaded machine; the test waits on state only.
async function openReady(page: Page) {
  await page.goto('./');
  await expect(page.locator('.shell')).toHaveAttribute('data-state', 'ready', { timeout: 240_000 });
}

async function settled(page: Page) {
  await expect(page.locator('article[data-status="queued"], article[data-status="running"]')).toHaveCount(0, { timeout: 240_000 });
  await expect(page.locator('[data-chart-state="drawing"]')).toHaveCount(0, { timeout: 240_000 });
}

test('the sample notebook, definitions included, reads without developer words', async ({ page }) => {
  test.setTimeout(600_000);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await openReady(page);
  await expect(page.locator('[data-clv-status="done"]')).toBeVisible({ timeout: 300_000 });
  await settled(page);
  const notebook = page.locator('.notebook');
  // Walk down the page so every chart is drawn on screen, not only queued.
  const height = await page.evaluate(() => document.body.scrollHeight);
  for (let y = 0; y < height; y += 800) await page.mouse.wheel(0, 800);
  await settled(page);

  const definitions = await notebook.locator('.definition').allTextContents();
  expect(definitions.length).toBeGreaterThan(25);
  for (const d of definitions) expect(developerWordsIn(d), d).toEqual([]);
  // Each says what it counts in one to three sentences (a parenthesis or a number may hold a dot).
  for (const d of definitions) expect(d.split(/[.!?](?=\s+[A-Z])/).length, d).toBeLessThanOrEqual(4);

  const text = await notebook.innerText();
  expect(text.length).toBeGreaterThan(2000);
  expect(developerWordsIn(text)).toEqual([]);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: '/tmp/words-sample.png' });
  await page.locator('article[data-cell="customer_acquisition_cost"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/words-cells.png' });
});

test('a module waiting for a missing column names the export that has it', async ({ page }) => {
  test.setTimeout(400_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await openReady(page);
  const orders = readFileSync(new URL('../fixtures/ingest/orders-basic.csv', import.meta.url), 'utf8');
  await dropFile(page, 'orders-basic.csv', orders);
  const profit = page.locator('[data-missing="profit_per_customer"]');
  await expect(profit).toHaveText('Add an orders export with a cost column (Shopify, WooCommerce, an ERP) to see Average profit per customer.');
  await expect(page.locator('[data-missing="customer_acquisition_cost"]')).toContainText('Add your ad spend by day (Google Ads, Meta exports)');
  await settled(page);
  const text = await page.locator('.notebook').innerText();
  expect(developerWordsIn(text)).toEqual([]);
  expect(text).not.toMatch(/\b[a-z_]+\([a-z_, ]+\)/); // no table(col, ...) anywhere
  await profit.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/words-missing.png' });
});
