// Pins, on the sample, that a user's slow query holds nothing up: a cancelled SQL cell stays
// cancelled (and is not run again) through a change of dates; a running one that does not read
// the period keeps running through it; and the lifetime-value fit finishes meanwhile. Then the
// lifetime-value fields: the calibration end shows the date the check uses, a bad horizon or
// discount is refused with a message and no refit, and a calibration end with nothing after it
// says "No holdout check" instead of drawing a flat check.
import { expect, test, type Page } from '@playwright/test';
import { guardOrigin, runSqlCell } from './helpers';

guardOrigin();

// 40 billion pairs: far more than any test waits for (the sample's orders × orders took 20 s on a
// quiet machine, and so could end under way); it reads no period.
const slowSql = 'select sum(a.range * b.range) as slow from range(200000) a, range(200000) b';

const clvSection = (page: Page) => page.locator('section.clv');

/** As helpers' openReady, with room for a start-up on a busy machine: timing never decides. */
async function openReady(page: Page) {
  await page.goto('./');
  await expect(page.locator('.shell')).toHaveAttribute('data-state', 'ready', { timeout: 240_000 });
}

/** Changes the date range and waits for the notebook run it starts to fit the lifetime-value models. */
async function changeRange(page: Page, preset: string) {
  const notebook = page.locator('.notebook');
  const before = Number(await notebook.getAttribute('data-run'));
  await page.getByTestId('preset').selectOption(preset);
  await expect.poll(async () => Number(await notebook.getAttribute('data-run'))).toBeGreaterThan(before);
  await expect(notebook).not.toHaveAttribute('data-run-phase', 'cells', { timeout: 240_000 });
  await expect(clvSection(page)).toHaveAttribute('data-clv-status', 'done', { timeout: 240_000 });
}

test('a cancelled SQL cell stays cancelled through a change of dates, and the fit does not wait for a running one', async ({ page }) => {
  test.setTimeout(600_000);
  await openReady(page);
  await expect(clvSection(page)).toHaveAttribute('data-clv-status', 'done', { timeout: 240_000 });

  const cancelled = await runSqlCell(page, slowSql);
  await expect(cancelled).toHaveAttribute('data-status', 'running');
  await cancelled.getByRole('button', { name: 'Cancel' }).click();
  await expect(cancelled).toHaveAttribute('data-status', 'cancelled');
  await expect(cancelled.getByTestId('cell-cancelled')).toHaveText(/^Cancelled — Run$/);

  await changeRange(page, 'last90');
  // Run again, the query could not have finished: it would show running (or queued).
  await expect(cancelled).toHaveAttribute('data-status', 'cancelled');

  // A slow query under way: the date change neither stops it nor waits for it.
  const running = await runSqlCell(page, slowSql);
  await expect(running).toHaveAttribute('data-status', 'running');
  await changeRange(page, 'last365');
  await expect(running).toHaveAttribute('data-status', 'running');
  await expect(cancelled).toHaveAttribute('data-status', 'cancelled');
  await running.getByRole('button', { name: 'Cancel' }).click();
  await expect(running).toHaveAttribute('data-status', 'cancelled');

  // Run again by the user, it runs.
  await cancelled.getByTestId('cell-cancelled').getByRole('button', { name: 'Run' }).click();
  await expect(cancelled).toHaveAttribute('data-status', 'running');
  await cancelled.getByRole('button', { name: 'Cancel' }).click();
  await expect(cancelled).toHaveAttribute('data-status', 'cancelled');
});

test('the lifetime-value fields show what the fit uses and refuse a bad value', async ({ page }) => {
  test.setTimeout(480_000);
  await openReady(page);
  const section = clvSection(page);
  await expect(section).toHaveAttribute('data-clv-status', 'done', { timeout: 240_000 });

  // The automatic calibration end, as a date in the field and in words beside it.
  const calibration = section.getByLabel('Holdout check learns up to');
  await expect(calibration).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  const auto = await calibration.inputValue();
  await expect(section.getByTestId('clv-calibration-hint')).toHaveText(/^Automatic: \w{3} \d{1,2}, \d{4}, 60% of the way/);
  await expect(section.getByTestId('clv-check')).toContainText(/up to \w{3} \d{1,2}, \d{4}/);
  await expect(section.getByTestId('clv-horizon-text')).toHaveText('predicted revenue from these customers over the next 12 months from Dec 31, 2025, the end of the date range');

  // A bad horizon is refused: a message, no refit, the total keeps its 12 months.
  const horizon = section.getByLabel('Horizon (months)');
  const refit = section.getByRole('button', { name: 'Fit again' });
  await horizon.fill('-3');
  await expect(section.getByRole('alert')).toHaveText('The horizon is a whole number of months from 1 to 120.');
  await expect(horizon).toHaveAttribute('aria-invalid', 'true');
  await expect(refit).toBeDisabled();
  await expect(section.getByTestId('clv-horizon-text')).toContainText('next 12 months');
  await horizon.fill('24');
  await expect(refit).toBeEnabled();

  const discount = section.getByLabel('Monthly discount (%)');
  await expect(discount).toHaveValue('1');
  await discount.fill('10.5');
  await expect(section.getByRole('alert')).toHaveText('The monthly discount is a percent from 0 to 10.');
  await expect(refit).toBeDisabled();
  await discount.fill('2');

  await refit.click();
  await expect(section).toHaveAttribute('data-clv-status', 'done', { timeout: 240_000 });
  await expect(section.getByTestId('clv-horizon-text')).toContainText('next 24 months from Dec 31, 2025');
  expect(await calibration.inputValue()).toBe(auto);

  // Learning up to the last day leaves nothing to check: the reason, no chart.
  await calibration.fill('2025-12-31');
  await expect(section.getByTestId('clv-calibration-hint')).toContainText('Chosen by you.');
  await refit.click();
  await expect(section).toHaveAttribute('data-clv-status', 'done', { timeout: 240_000 });
  await expect(section.getByTestId('clv-no-check')).toHaveText(/^No holdout check: the calibration end \(Dec 31, 2025\) leaves 0 days of purchases after it/);
  await expect(section.locator('.fit .card').nth(1).locator('.chart, canvas, svg')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/runs-clv-nocheck-1400.png', fullPage: false });

  await section.getByRole('button', { name: 'Use the automatic date' }).click();
  await expect(calibration).toHaveValue(auto);
});
