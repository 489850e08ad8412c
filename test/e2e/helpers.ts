// What every browser test shares: opening the app, dropping a file, running SQL in a new
// cell, and the check that no request leaves the page's origin.
import { expect, test, type Page } from '@playwright/test';

/** Fails the test if any request went to another origin than the page's. */
export function guardOrigin() {
  const offOrigin: string[] = [];
  test.beforeEach(async ({ page, baseURL }) => {
    offOrigin.length = 0;
    const origin = new URL(baseURL!).origin;
    page.context().on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')) offOrigin.push(url);
    });
  });
  test.afterEach(() => {
    expect(offOrigin, 'requests to other origins').toEqual([]);
  });
}

export async function openReady(page: Page) {
  await page.goto('./');
  await expect(page.locator('.shell')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
}

export async function dropFile(page: Page, name: string, text: string) {
  const transfer = await page.evaluateHandle(
    ({ name, text }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'text/csv' }));
      return dt;
    },
    { name, text },
  );
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
}

export async function runSqlCell(page: Page, sql: string) {
  const cells = page.locator('article[data-cell="sql"]');
  const index = await cells.count();
  // CI once saw the button focused and no cell added, the notebook's cells still drawing around it
  // (a press and a release that land on different places make no click): click again until the
  // cell is there, never once it is.
  await expect(async () => {
    if ((await cells.count()) <= index) await page.getByRole('button', { name: /Add a SQL cell/ }).click();
    await expect(cells.nth(index)).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  const cell = cells.nth(index);
  const editor = cell.locator('.cm-content');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(sql);
  await page.keyboard.press('Control+Enter');
  return cell;
}
