// Pins editing the notebook: cells moved, duplicated and deleted from the keyboard (focus stays on
// the tool, Undo puts a deleted cell back in its place); a note's markdown rendered inert (no
// script, no handler, no image from another origin, links opened apart); a KPI's SQL edited, its
// diff shown, reverted; its chart switched to another type, and a Vega-Lite spec of one's own whose
// error shows in the cell.
import { expect, test, type Page } from '@playwright/test';
import { guardOrigin } from './helpers';

guardOrigin();
test.describe.configure({ timeout: 420_000 });

/** The notebook is on the page (the sample's precomputed preview is enough to edit it). */
async function openNotebook(page: Page) {
  await page.goto('./');
  await expect(page.locator('.notebook')).toBeVisible({ timeout: 180_000 });
}

async function openReady(page: Page) {
  await page.goto('./');
  await expect(page.locator('.shell')).toHaveAttribute('data-state', 'ready', { timeout: 240_000 });
}

/** The cells' ids in page order (`net_revenue`, `markdown`, `sql`...). */
const order = (page: Page) => page.locator('.notebook [data-cell]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-cell')));

test('cells move, duplicate and delete from the keyboard, and a deletion can be undone', async ({ page }) => {
  await openNotebook(page);
  const before = await order(page);
  expect(before.slice(0, 2)).toEqual(['net_revenue', 'order_count']);

  const down = page.getByRole('button', { name: 'Move Net revenue down (Alt+Down)' });
  await down.focus();
  await page.keyboard.press('Enter');
  expect((await order(page)).slice(0, 2)).toEqual(['order_count', 'net_revenue']);
  await expect(down).toBeFocused();

  // Alt+Up from anywhere in the cell (its tool has the focus) moves it back.
  await down.press('Alt+ArrowUp');
  await expect.poll(async () => (await order(page)).slice(0, 2)).toEqual(['net_revenue', 'order_count']);
  await expect(page.getByRole('button', { name: 'Move Net revenue up (Alt+Up)' })).toBeDisabled();

  // A duplicate sits right after its cell and takes the focus.
  await down.press('Alt+Shift+KeyD');
  await expect.poll(async () => (await order(page)).slice(0, 3)).toEqual(['net_revenue', 'net_revenue', 'order_count']);
  const copy = page.locator('article[data-cell="net_revenue"]').nth(1);
  const copyTool = copy.getByRole('button', { name: /Duplicate Net revenue/ });
  await expect(copyTool).toBeFocused();

  // Deleting it (Alt+Delete) says so, with Undo; Undo puts it back in its place.
  await copyTool.press('Alt+Delete');
  await expect(page.locator('article[data-cell="net_revenue"]')).toHaveCount(1);
  const notice = page.getByText('“Net revenue” was deleted from the notebook.');
  await expect(notice).toBeVisible();
  // By keyboard: focus on the notice holds its Undo open however slow the page is.
  const undo = page.getByRole('button', { name: 'Undo' });
  await undo.focus();
  await undo.press('Enter');
  await expect(page.locator('article[data-cell="net_revenue"]')).toHaveCount(2);
  expect((await order(page)).slice(0, 3)).toEqual(['net_revenue', 'net_revenue', 'order_count']);
  await expect(notice).toHaveCount(0);
  expect(await order(page)).toHaveLength(before.length + 1);
});

test('a note renders markdown inert: no script, no handler, no image from another origin', async ({ page }) => {
  await openNotebook(page);
  await page.evaluate(() => ((window as unknown as { hit: string[] }).hit = []));
  await page.getByRole('button', { name: '+ Add a note' }).click();
  const note = page.locator('article[data-cell="markdown"]');
  const text = [
    '# Quarter notes',
    '',
    'Revenue **grew**; see [the plan](https://example.com/plan).',
    '',
    '<script>window.hit.push("script")</script>',
    '',
    '<img src="https://tracker.example.com/pixel.png?who=me" onerror="window.hit.push(\'remote\')">',
    '',
    '<img src="x" onerror="window.hit.push(\'onerror\')"><a href="javascript:window.hit.push(\'js\')" onclick="window.hit.push(\'click\')">bad link</a>',
  ].join('\n');
  await note.getByRole('textbox', { name: 'Markdown for the note' }).fill(text);
  await note.getByRole('button', { name: 'Done' }).click();

  const rendered = note.getByTestId('markdown');
  await expect(rendered.getByRole('heading', { name: 'Quarter notes' })).toBeVisible();
  await expect(rendered.locator('strong')).toHaveText('grew');
  const link = rendered.getByRole('link', { name: 'the plan' });
  await expect(link).toHaveAttribute('rel', /noopener/);
  await expect(link).toHaveAttribute('target', '_blank');
  expect(await rendered.locator('script').count()).toBe(0);
  const attributes = await rendered.locator('*').evaluateAll((elements) =>
    elements.flatMap((e) => [...e.attributes].map((a) => `${e.tagName.toLowerCase()} ${a.name}=${a.value}`)),
  );
  expect(attributes.filter((a) => /\bon\w+=|javascript:|tracker\.example\.com/i.test(a))).toEqual([]);
  await rendered.getByText('bad link').click();
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { hit: string[] }).hit)).toEqual([]);
});

test('a KPI cell: SQL edited, diffed and reverted; chart switched; a bad Vega-Lite spec says why in the cell', async ({ page }) => {
  await openReady(page);
  const cell = page.locator('article[data-cell="net_revenue"]');
  await expect(cell).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await cell.getByRole('button', { name: /^SQL/ }).click();
  const editor = cell.locator('.cm-content');
  await expect(editor).toBeVisible({ timeout: 60_000 });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\n-- checked by hand');
  await page.keyboard.press('Control+Enter');
  await expect(cell.getByRole('button', { name: 'SQL · edited' })).toBeVisible();
  await expect(cell).toHaveAttribute('data-status', 'done', { timeout: 120_000 });

  await cell.getByRole('button', { name: 'Changes' }).click();
  const diff = cell.getByTestId('sql-diff');
  await expect(diff).toContainText('0 lines removed, 1 added');
  await expect(diff.locator('[data-kind="added"]')).toHaveCount(1);
  await expect(diff.locator('[data-kind="added"]')).toContainText('-- checked by hand');
  await expect(diff.locator('[data-kind="removed"]')).toHaveCount(0);

  await cell.getByRole('button', { name: 'Revert to module SQL' }).click();
  await expect(cell.getByRole('button', { name: 'SQL', exact: true })).toBeVisible();
  await expect(diff).toHaveCount(0);

  // The module draws a line; bars suit its months too.
  const chart = cell.getByTestId('chart');
  await expect(chart.locator('.mark-line')).toHaveCount(1);
  const type = cell.getByTestId('chart-type');
  await expect(type.locator('option')).toHaveText(['As the module draws it', 'Headline only', 'Line', 'Area', 'Bars', 'Horizontal bars', 'Points', 'Table', 'Vega-Lite spec…']);
  await type.selectOption('bar');
  await expect(chart.locator('.mark-rect path')).not.toHaveCount(0);
  await type.selectOption('table');
  await expect(cell.getByTestId('chart')).toHaveCount(0);
  await expect(cell.getByRole('table')).toBeVisible();

  await type.selectOption('spec');
  const spec = cell.getByRole('textbox', { name: /Vega-Lite spec for Net revenue/ });
  await spec.fill('{"mark": "bar", ');
  await cell.getByRole('button', { name: 'Apply spec' }).click();
  await expect(cell.getByTestId('spec-error')).toContainText('The spec is not valid JSON');
  // Valid JSON that Vega cannot run: an expression that does not parse.
  await spec.fill('{"mark": "bar", "transform": [{"calculate": "datum.(", "as": "z"}], "encoding": {"x": {"field": "month", "type": "ordinal"}}}');
  await cell.getByRole('button', { name: 'Apply spec' }).click();
  await expect(cell.getByTestId('spec-error')).toHaveCount(0);
  await expect(cell.getByTestId('chart-error')).toContainText('The chart could not be drawn');
  await spec.fill('{"mark": "bar", "encoding": {"x": {"field": "month", "type": "ordinal"}, "y": {"field": "net_revenue", "type": "quantitative"}}}');
  await cell.getByRole('button', { name: 'Apply spec' }).click();
  await expect(cell.getByTestId('chart-error')).toHaveCount(0);
  await expect(cell.getByTestId('chart').locator('.mark-rect path')).not.toHaveCount(0);
});
