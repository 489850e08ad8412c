// Pins keeping notebooks in the browser: an edited query, an added note and a new date range come
// back after a reload; two named notebooks are kept apart, switched between, and one deleted after
// a confirmation, and stays deleted when a change of it comes during the deletion; a notebook saved to a file opens again, and a bad file says where it is wrong and
// changes nothing; dropped data kept in the browser (OPFS) is read again on reload instead of the
// sample, until it is forgotten.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { dropFile, guardOrigin } from './helpers';

guardOrigin();
test.describe.configure({ timeout: 600_000 });

async function openReady(page: Page, url = './') {
  if (url) await page.goto(url);
  await expect(page.locator('.shell')).toHaveAttribute('data-state', 'ready', { timeout: 240_000 });
}

async function openNotebook(page: Page) {
  await page.goto('./');
  await expect(page.locator('.notebook')).toBeVisible({ timeout: 180_000 });
}

/** The autosave has written the notebook as it now is (it waits a moment after the last change). */
async function saved(page: Page, check: (doc: { name: string; cells: { kind: string; text?: string; sql?: string }[]; scope: { preset: string } }) => boolean) {
  const keptText = () =>
    page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const open = indexedDB.open('clientele');
          open.onsuccess = () => {
            const db = open.result;
            const meta = db.transaction('meta').objectStore('meta').get('current');
            meta.onsuccess = () => {
              const get = db.transaction('notebooks').objectStore('notebooks').get(meta.result as string);
              get.onsuccess = () => resolve(get.result?.text ?? '');
            };
          };
        }),
    );
  await expect.poll(async () => {
    const text = await keptText();
    return !!text && check(JSON.parse(text));
  }, { timeout: 30_000 }).toBe(true);
}

const menu = (page: Page) => page.getByRole('button', { name: /^Notebook: / });

test('an edited query, a note and the date range come back after a reload', async ({ page }) => {
  await openReady(page);
  const cell = page.locator('article[data-cell="net_revenue"]');
  await cell.getByRole('button', { name: /^SQL/ }).click();
  await cell.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\n-- kept through a reload');
  await expect(cell.getByRole('button', { name: 'SQL · edited' })).toBeVisible();

  await page.getByRole('button', { name: '+ Add a note' }).click();
  await page.getByRole('textbox', { name: 'Markdown for the note' }).fill('Kept **note**');
  await page.getByTestId('preset').selectOption('last90');

  await saved(page, (doc) => doc.scope.preset === 'last90' && doc.cells.some((c) => c.text === 'Kept **note**') && doc.cells.some((c) => c.sql?.includes('kept through a reload')));
  await page.reload();
  await openReady(page, '');
  await expect(page.getByTestId('preset')).toHaveValue('last90');
  await expect(page.locator('article[data-cell="markdown"] strong')).toHaveText('note');
  const again = page.locator('article[data-cell="net_revenue"]');
  await expect(again.getByRole('button', { name: 'SQL · edited' })).toBeVisible();
  await again.getByRole('button', { name: 'SQL · edited' }).click();
  await expect(again.locator('.cm-content')).toContainText('-- kept through a reload', { timeout: 60_000 });
  // The edited SQL is what ran: the cell answers (its comment changes nothing of the number).
  await expect(again).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
});

test('two named notebooks are kept apart; one is deleted after a confirmation', async ({ page }) => {
  await openNotebook(page);
  await menu(page).click();
  await page.getByRole('button', { name: 'Rename…' }).click();
  await page.getByLabel('Name of this notebook').fill('Alpha');
  await page.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(page.getByTestId('notebook-name')).toHaveText('Alpha');
  await page.getByRole('button', { name: '+ Add a note' }).click();
  await page.getByRole('textbox', { name: 'Markdown for the note' }).fill('Only in Alpha');
  await saved(page, (doc) => doc.name === 'Alpha' && doc.cells.some((c) => c.text === 'Only in Alpha'));

  await menu(page).click();
  await page.getByRole('button', { name: 'New notebook' }).click();
  await expect(page.getByTestId('notebook-name')).toHaveText('Notebook 2');
  await expect(page.locator('article[data-cell="markdown"]')).toHaveCount(0);
  await expect(page.locator('article[data-cell="net_revenue"]')).toHaveCount(1);

  await menu(page).click();
  await page.getByRole('button', { name: 'Alpha', exact: true }).click();
  await expect(page.getByTestId('notebook-name')).toHaveText('Alpha');
  await expect(page.getByTestId('markdown')).toHaveText('Only in Alpha');

  // Both survive a reload, the one open last opens.
  await page.reload();
  await expect(page.getByTestId('notebook-name')).toHaveText('Alpha', { timeout: 180_000 });
  await expect(page.getByTestId('markdown')).toHaveText('Only in Alpha');

  await menu(page).click();
  await page.getByRole('button', { name: 'Delete…' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Delete “Alpha” from this browser?' })).toBeVisible();
  await page.getByRole('button', { name: 'Keep it' }).click();
  await expect(page.getByTestId('notebook-name')).toHaveText('Alpha');
  await page.getByRole('button', { name: 'Delete…' }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByTestId('notebook-name')).toHaveText('Notebook 2');
  await menu(page).click();
  await expect(page.getByRole('button', { name: 'Alpha', exact: true })).toHaveCount(0);
});

test('a notebook deleted while a change of it waits to be saved stays deleted', async ({ page }) => {
  await openReady(page);
  await menu(page).click();
  await page.getByRole('button', { name: 'Rename…' }).click();
  await page.getByLabel('Name of this notebook').fill('Gone');
  await page.getByRole('button', { name: 'Rename', exact: true }).click();
  await saved(page, (doc) => doc.name === 'Gone');
  await menu(page).click();
  await page.getByRole('button', { name: 'New notebook' }).click();
  await expect(page.getByTestId('notebook-name')).toHaveText('Notebook 2');
  await menu(page).click();
  await page.getByRole('button', { name: 'Gone', exact: true }).click();
  await expect(page.getByTestId('notebook-name')).toHaveText('Gone');
  await expect(page.getByTestId('preset')).toBeEnabled({ timeout: 240_000 });

  await menu(page).click();
  await page.getByRole('button', { name: 'Delete…' }).click();
  // The deletion confirmed, and in the same moment the notebook changes (its range, as a page
  // still settling after a reload may change it): the autosave of that change must not bring it back.
  await page.evaluate(() => {
    const confirm = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Delete')!;
    const preset = document.querySelector('[data-testid="preset"]') as HTMLSelectElement;
    confirm.click();
    preset.value = preset.value === 'last90' ? 'last365' : 'last90';
    preset.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await expect(page.getByTestId('notebook-name')).toHaveText('Notebook 2');
  // Longer than the autosave's wait: a save of the deleted notebook would have landed by now.
  await page.waitForTimeout(1500);
  await menu(page).click();
  await expect(page.getByRole('button', { name: 'Gone', exact: true })).toHaveCount(0);
});

test('a notebook saved to a file opens again; a bad file says where it is wrong and changes nothing', async ({ page }) => {
  await openNotebook(page);
  await page.getByRole('button', { name: '+ Add a note' }).click();
  await page.getByRole('textbox', { name: 'Markdown for the note' }).fill('From the file');
  await menu(page).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save to a file' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('untitled-notebook.clientele.json');
  const text = readFileSync(await file.path(), 'utf8');
  const doc = JSON.parse(text);
  expect(doc).toMatchObject({ format: 'clientele-notebook', version: 1, name: 'Untitled notebook' });
  expect(doc.cells.at(-1)).toEqual({ kind: 'markdown', text: 'From the file' });

  const input = page.getByTestId('open-notebook-file');
  const bad = { ...doc, cells: [...doc.cells.slice(0, 2), { kind: 'script', src: 'https://evil.example/x.js' }] };
  await input.setInputFiles({ name: 'bad.clientele.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await expect(page.getByRole('alert').filter({ hasText: 'bad.clientele.json' })).toContainText('at cells[2].kind');
  await expect(page.getByTestId('notebook-name')).toHaveText('Untitled notebook');
  await expect(page.getByTestId('markdown')).toHaveText('From the file');

  const other = { ...doc, name: 'Opened from a file', cells: [{ kind: 'markdown', text: 'Read back' }, doc.cells[0]] };
  await input.setInputFiles({ name: 'good.clientele.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(other)) });
  await expect(page.getByTestId('notebook-name')).toHaveText('Opened from a file');
  await expect(page.getByTestId('markdown')).toHaveText('Read back');
  await expect(page.locator('.notebook [data-cell]')).toHaveCount(2);
  // The notebook it replaced is still kept.
  await menu(page).click();
  await expect(page.getByRole('button', { name: 'Untitled notebook', exact: true })).toBeVisible();
});

test('dropped data kept in the browser is read again on reload, until it is forgotten', async ({ page }) => {
  await openReady(page);
  const orders = readFileSync(new URL('../fixtures/ingest/orders-2024-01.csv', import.meta.url), 'utf8');
  await dropFile(page, 'orders-2024-01.csv', orders);
  const rows = page.locator('[data-table="base.orders"] [data-testid="row-count"]');
  await expect(rows).toHaveText('2 rows', { timeout: 120_000 });
  const kept = page.getByTestId('kept-data');
  await expect(kept).toContainText('1 file kept');
  await expect(page.getByTestId('kept-usage')).toContainText('This page uses');

  await page.reload();
  await openReady(page, '');
  await expect(rows).toHaveText('2 rows');
  await expect(page.locator('[data-table="base.customers"]')).toHaveCount(0); // no sample
  await expect(page.getByRole('status').locator('.notice', { hasText: 'Your kept data is back: orders-2024-01.csv (2 rows).' })).toBeVisible();

  await kept.getByRole('button', { name: 'Forget kept data' }).click();
  await expect(kept).toContainText('Files you load are kept here');
  await page.reload();
  await openReady(page, '');
  await expect(page.locator('[data-table="base.customers"]')).toHaveCount(1);
});
