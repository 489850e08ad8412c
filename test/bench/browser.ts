/**
 * `npm run bench`: the app in headless Chromium against the built dist/, on the sample store
 * and on generated stores of 200,000 customers and 1,000,000 orders (made once with the
 * sample generator, cached in test/bench/cache/). Medians of several runs are printed and
 * written to test/bench/results/. Not part of `npm test`: it takes minutes.
 */
import { chromium, type Page } from '@playwright/test';
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSample } from '../../src/sample/generate';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cache = join(root, 'test/bench/cache');
const results = join(root, 'test/bench/results');
const runs = Number(process.env.BENCH_RUNS ?? 3);
const port = 4391;
const url = `http://127.0.0.1:${port}/`;

const stores = [
  { name: 'customers-200k', customers: 200_000 },
  { name: 'orders-1m', customers: Math.round(1_000_000 / 3.6) },
];

async function ensureStores() {
  for (const s of stores) {
    const dir = join(cache, s.name);
    if (existsSync(join(dir, 'orders.parquet'))) continue;
    console.log(`generating ${s.name}…`);
    await generateSample({ customers: s.customers, out: dir, csv: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function notebookDone(page: Page) {
  await page.waitForFunction(
    () =>
      document.querySelectorAll('article[data-cell]').length > 0 &&
      document.querySelectorAll('article[data-status="running"], article[data-status="queued"], article[data-status="idle"]').length === 0 &&
      document.querySelector('[data-clv-status="done"], [data-clv-status="error"]') !== null,
    null,
    { timeout: 600_000, polling: 50 },
  );
}

async function sampleRun(page: Page) {
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForSelector('.shell[data-state="ready"]', { timeout: 120_000 });
  const ready = Date.now() - t0;
  await page.waitForSelector('article[data-status="done"] [data-testid="headline"]', { timeout: 120_000 });
  const firstKpi = Date.now() - t0;
  await page.waitForSelector('[data-chart-state="drawn"] svg', { timeout: 120_000 });
  const firstChart = Date.now() - t0;
  await page.waitForSelector('article[data-cell]', { timeout: 60_000 });
  await notebookDone(page);
  const notebook = Date.now() - t0;
  const fitMs = Number(await page.locator('[data-clv-status]').getAttribute('data-fit-ms'));
  const t1 = Date.now();
  await page.selectOption('[data-testid="preset"]', 'last90');
  await page.waitForSelector('article[data-status="queued"], article[data-status="running"]', { timeout: 10_000 }).catch(() => undefined);
  await notebookDone(page);
  const rescope = Date.now() - t1;
  return { ready, firstKpi, firstChart, notebook, fitMs, rescope };
}

async function storeRun(page: Page, store: string, kind: 'csv' | 'parquet') {
  await page.goto(url);
  await page.waitForSelector('.shell[data-state="ready"]', { timeout: 120_000 });
  await notebookDone(page);
  const t0 = Date.now();
  await page.getByTestId('file-input').setInputFiles(join(cache, store, `orders.${kind}`));
  await page.waitForFunction(() => document.querySelector('[data-table="base.tickets"]') === null && document.querySelector('[data-table="base.orders"]') !== null, null, { timeout: 600_000, polling: 50 });
  const load = Date.now() - t0;
  await page.waitForSelector('article[data-status="queued"], article[data-status="running"]', { timeout: 30_000 }).catch(() => undefined);
  await notebookDone(page);
  const notebook = Date.now() - t0 - load;
  const fitMs = Number(await page.locator('[data-clv-status]').getAttribute('data-fit-ms'));
  const customers = Number(await page.locator('[data-clv-status]').getAttribute('data-fit-customers'));
  const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
  return { load, notebook, fitMs, customers, heapMB: Math.round(heap / 1e6) };
}

async function main() {
  await ensureStores();
  execSync('npx vite build', { cwd: root, stdio: 'ignore' });
  const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { cwd: root, stdio: 'ignore', detached: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? execSync('command -v chromium', { encoding: 'utf8' }).trim(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'],
  });
  try {
    await new Promise((r) => setTimeout(r, 3000));
    const table: Record<string, Record<string, number>> = {};
    const collect = async (label: string, once: (page: Page) => Promise<Record<string, number>>) => {
      const samples: Record<string, number>[] = [];
      for (let i = 0; i < runs; i++) {
        const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
        samples.push(await once(page));
        await page.close();
      }
      table[label] = Object.fromEntries(Object.keys(samples[0]).map((k) => [k, median(samples.map((s) => s[k]))]));
      console.log(label, table[label]);
    };
    await collect('sample store (20k customers)', sampleRun);
    for (const s of stores) {
      await collect(`${s.name} parquet`, (page) => storeRun(page, s.name, 'parquet'));
      await collect(`${s.name} csv`, (page) => storeRun(page, s.name, 'csv'));
    }
    mkdirSync(results, { recursive: true });
    const file = join(results, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify({ runs, table }, null, 2));
    console.log(`medians of ${runs} runs (ms) written to ${file}`);
    console.table(table);
  } finally {
    await browser.close();
    process.kill(-server.pid!);
  }
}

await main();
