// Pins publishing: the built dist/, served by a plain static server under a sub-path (/some/base/),
// opens on the checked-in example notebook (static/notebooks/sample-store.clientele.json) named in
// the query: its cells in order, its note, its custom dates and comparison, its SQL cell run
// without a review (the site's own file), and no request leaves the page's origin.
import { expect, test } from '@playwright/test';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readyTimeout } from './shareHelpers';

const dist = fileURLToPath(new URL('../../dist', import.meta.url));
const base = '/some/base/';
const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml', '.parquet': 'application/octet-stream' };

let server: Server;
let origin: string;

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url!, 'http://x').pathname);
    if (!path.startsWith(base)) return void res.writeHead(404).end();
    const file = normalize(join(dist, path.slice(base.length) || 'index.html'));
    const target = file.startsWith(dist) && existsSync(file) && statSync(file).isDirectory() ? join(file, 'index.html') : file;
    if (!target.startsWith(dist) || !existsSync(target)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[extname(target)] ?? 'application/octet-stream' });
    createReadStream(target).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
test.afterAll(() => server.close());

test('the published example opens under a sub-path: cells, note, dates, comparison, its SQL run', async ({ page }) => {
  test.setTimeout(2 * readyTimeout);
  const offOrigin: string[] = [];
  page.context().on('request', (r) => {
    if (!r.url().startsWith(origin) && !/^(blob|data):/.test(r.url())) offOrigin.push(r.url());
  });
  await page.goto(`${origin}${base}?notebook=sample-store`);
  await expect(page.locator('.shell')).toHaveAttribute('data-state', 'ready', { timeout: readyTimeout });
  const order = await page.locator('article[data-cell]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-cell')));
  expect(order).toEqual(['markdown', 'net_revenue', 'order_count', 'average_order_value', 'repeat_purchase_rate', 'sql']);
  await expect(page.getByTestId('markdown')).toContainText('First half of 2025');
  await expect(page.getByTestId('preset')).toHaveValue('custom');
  await expect(page.getByTestId('from')).toHaveValue('2025-01-01');
  await expect(page.getByTestId('to')).toHaveValue('2025-06-30');
  await expect(page.getByTestId('compare-mode')).toHaveValue('lastYear');
  await expect(page.getByTestId('review-dialog')).toHaveCount(0);
  await expect(page.locator('article[data-cell="sql"] tbody tr').first()).toBeVisible({ timeout: readyTimeout });
  await expect(page.locator('article[data-cell="net_revenue"] [data-testid="headline"]')).not.toBeEmpty();
  expect(offOrigin).toEqual([]);
});

test('a published name that is not there says so and the page opens as usual', async ({ page }) => {
  test.setTimeout(2 * readyTimeout);
  await page.goto(`${origin}${base}?notebook=no-such-notebook`);
  await expect(page.getByRole('alert').filter({ hasText: 'The published notebook “no-such-notebook” could not be opened' })).toBeVisible({ timeout: readyTimeout });
  await expect(page.locator('.shell')).toHaveAttribute('data-state', 'ready', { timeout: readyTimeout });
  await expect(page.locator('article[data-cell="net_revenue"]')).toBeVisible();
});
