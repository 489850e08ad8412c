// Pins the page's inputs on the sample (data 2023-01-01 .. 2025-12-31): a date typed digit by digit
// into the scope bar recomputes the notebook once, on Enter, and a day outside the data lands on
// its first day with a word saying so; From after To is said and nothing reruns; a parameter value
// outside its module's range is refused beside the field and the cell keeps its last result.
import { expect, test, type Page } from '@playwright/test';
import { guardOrigin } from './helpers';

guardOrigin();
// Date fields read month/day/year in this locale.
test.use({ locale: 'en-US' });

const idle = (page: Page) => expect(page.locator('article[data-status="queued"], article[data-status="running"]')).toHaveCount(0, { timeout: 240_000 });
const runs = async (page: Page) => Number(await page.locator('.notebook').getAttribute('data-run'));

/** The sample, live (not its precomputed snapshot), with every cell's first run over. */
async function openIdle(page: Page) {
  await page.goto('./');
  await expect(page.locator('.shell')).toHaveAttribute('data-state', 'ready', { timeout: 240_000 });
  await idle(page);
}

test('a typed date commits once on Enter, within the data; From after To is said and not applied', async ({ page }) => {
  test.setTimeout(600_000);
  await openIdle(page);
  const from = page.getByLabel('From', { exact: true });
  const to = page.getByLabel('To', { exact: true });
  const note = page.getByTestId('scope-note');
  const revenue = page.locator('article[data-cell="net_revenue"] [data-testid="headline"]');
  await expect(from).toHaveValue('2025-01-01');
  const lastYear = await revenue.textContent();

  // To before From: said beside the fields, not applied, not swapped, nothing reruns.
  const before = await runs(page);
  await to.focus();
  await page.keyboard.type('06302024');
  await expect(to).toHaveValue('2024-06-30');
  await page.keyboard.press('Enter');
  await expect(note).toHaveText('From is after To: the range was not changed.');
  await expect(to).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('preset')).toHaveValue('last365');
  await expect(page.getByTestId('compare')).toHaveText('Compared with the period before: Jan 2, 2024 – Dec 31, 2024');
  expect(await runs(page)).toBe(before);
  await expect(page.locator('article[data-status="queued"], article[data-status="running"]')).toHaveCount(0);
  await expect(revenue).toHaveText(lastYear!);
  // Escape puts the range in use back.
  await page.keyboard.press('Escape');
  await expect(to).toHaveValue('2025-12-31');
  await expect(note).toBeHidden();

  // Digit by digit, the field holds 0012-12-31, 0002-12-31, ... 0024-12-31: none of it is applied
  // until Enter, and then the year 24 lands on the data's first day.
  await from.focus();
  await page.keyboard.type('12310024');
  await expect(from).toHaveValue('0024-12-31');
  expect(await runs(page)).toBe(before);
  await page.keyboard.press('Enter');
  await expect(from).toHaveValue('2023-01-01');
  await expect(note).toHaveText('From moved to Jan 1, 2023, the first day with data.');
  await expect.poll(() => runs(page)).toBeGreaterThan(before);
  await idle(page);
  expect(await runs(page)).toBe(before + 1);
  await expect(page.getByTestId('preset')).toHaveValue('custom');
  await expect(to).toHaveValue('2025-12-31');
  await expect(page.getByTestId('compare')).toHaveText('Compared with the period before: Jan 1, 2020 – Dec 31, 2022 (no data in it)');
  await expect(revenue).not.toHaveText(lastYear!);
  // Leaving the field commits the same range again: nothing reruns.
  await page.keyboard.press('Tab');
  await page.waitForTimeout(500);
  expect(await runs(page)).toBe(before + 1);
  await page.screenshot({ path: 'test-results/inputs-scope-1400.png', clip: { x: 0, y: 0, width: 1400, height: 120 } });
});

test('a parameter gets its control; a value out of range is refused beside the field and the cell keeps its result', async ({ page }) => {
  test.setTimeout(600_000);
  await openIdle(page);
  const share = page.locator('article[data-cell="top_customer_share"]');
  const field = share.getByLabel('Top customers');
  const headline = share.getByTestId('headline');
  const meta = share.getByTestId('cell-meta');
  // A share is typed as a percent: 20 for 0.2.
  await expect(field).toHaveValue('20');
  await expect(field).toHaveAttribute('max', '99');
  const [result, ran] = [await headline.textContent(), await meta.textContent()];

  await field.fill('150');
  await field.press('Enter');
  const problem = share.getByRole('alert');
  await expect(problem).toHaveText('From 1% to 99%: not applied (Esc puts back the last value)');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveValue('150');
  await expect(share).toHaveAttribute('data-status', 'done');
  await expect(headline).toHaveText(result!);
  await expect(meta).toHaveText(ran!);
  await field.press('Escape');
  await expect(field).toHaveValue('20');
  await expect(problem).toBeHidden();

  // A count below its range: the list keeps its 20 rows.
  const mentions = page.locator('article[data-cell="negative_mentions"]');
  const top = mentions.getByLabel('Show', { exact: true });
  const listed = await mentions.getByTestId('cell-meta').textContent();
  await top.fill('-3');
  await top.press('Enter');
  await expect(mentions.getByRole('alert')).toHaveText('From 1 to 500 mentions: not applied (Esc puts back the last value)');
  await expect(mentions.getByTestId('cell-meta')).toHaveText(listed!);

  // A choice list offers only the module's choices.
  await expect(page.locator('article[data-cell="new_customers"]').getByLabel('Bars per').locator('option')).toHaveText(['Day', 'Week', 'Month']);

  // A good value runs the cell with it: the best half of the customers bring more than the best fifth.
  await field.fill('50');
  await field.press('Enter');
  await expect(problem).toBeHidden();
  await expect(headline).not.toHaveText(result!, { timeout: 120_000 });
  await expect(share).toHaveAttribute('data-status', 'done');
  expect(parseFloat((await headline.textContent())!)).toBeGreaterThan(parseFloat(result!));
  await share.scrollIntoViewIfNeeded();
  await share.screenshot({ path: 'test-results/inputs-params-1400.png' });
});
