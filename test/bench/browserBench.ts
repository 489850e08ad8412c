/**
 * The app itself in headless Chromium against the built dist/ (vite preview): the sample
 * store as it opens, then an orders file of each size dropped through the file input, as
 * CSV and as Parquet. Times come from marks the page stamps itself (pageMarks.ts), so the
 * polling of the test driver does not add to them. Memory: the peak of the page's JS heap,
 * the JS heap at the end by CDP, and the peak resident memory of all Chromium processes
 * (DuckDB-WASM's memory lives in a worker, outside the page's heap). Each drop is set beside native DuckDB
 * with one thread reading the same file into a table (nativeLoadMs), measured in the same run.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { execSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { storeDir, type FileKind, type Size } from './data';
import { explorerGoals, explorerOpenAfterIdle, explorerRun, idleMs, type ExplorerTimes } from './explorerSteps';
import { openNativeDb } from '../../src/cli/nativeDb';
import { marksScript, type PageMarks } from './pageMarks';
import { watchPeak } from './processMemory';
import { median, ms } from './stats';

const root = fileURLToPath(new URL('../..', import.meta.url));
// BENCH_PORT: another port when several benches share the machine.
const port = Number(process.env.BENCH_PORT ?? 4391);
const url = `http://127.0.0.1:${port}/`;
const stageTimeout = 900_000;
const mb = (bytes: number) => Math.round(bytes / 1e6);

/**
 * The customers view's times (explorerSteps.ts) are measured after the rescope, at sizes other
 * than 10M; its opening after idle time on a fresh page with the same drop.
 */
export interface BrowserResult extends ExplorerTimes {
  size: Size | 'sample';
  kind: FileKind | 'sample';
  runs: number;
  /** From the file input's change event to base.orders holding every row (sample: page open to ready). */
  loadMs?: number;
  /** Native DuckDB, one thread, reading the same file into a table (read_csv / read_parquet, types detected), measured in the same run. */
  nativeLoadMs?: number;
  /** loadMs / nativeLoadMs (issue 16: within 3x). */
  loadOverNative?: number;
  firstKpiMs?: number;
  /** Every KPI cell done, charts drawn (lifetime-value section not included). */
  notebookMs?: number;
  /** The lifetime-value fit and its cells done too. */
  clvMs?: number;
  /** After choosing "last 90 days": every KPI cell done again. */
  rescopeMs?: number;
  rescopeClvMs?: number;
  /** Cells that ended in error after the load and after the rescope (0 when all is well). */
  cellErrors?: number;
  rescopeCellErrors?: number;
  jsHeapPeakMB?: number;
  jsHeapEndMB?: number;
  chromiumRssPeakMB?: number;
  /** duckdb_memory() at the end of a run, after the rescope. */
  duckdbMB?: number;
  error?: string;
}

type Sample = Omit<BrowserResult, 'size' | 'kind' | 'runs' | 'error'>;

const marksOf = async (page: Page) => page.evaluate(() => (window as unknown as { __bench: PageMarks }).__bench);

let printMarks = false;
let shots: string | undefined;

async function waitMark(page: Page, key: string) {
  await page.waitForFunction((k) => (window as unknown as { __bench: PageMarks }).__bench.marks[k] !== undefined, key, { timeout: stageTimeout, polling: 100 });
}

async function cdpHeap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
}

async function openOnSample(page: Page) {
  await page.goto(url);
  await page.waitForSelector('.shell[data-state="ready"]', { timeout: stageTimeout });
  await page.waitForSelector('[data-clv-status="done"], [data-clv-status="error"]', { timeout: stageTimeout });
}

async function sampleRun(page: Page): Promise<Sample> {
  await page.goto(url);
  await page.waitForSelector('.shell[data-state="ready"]', { timeout: stageTimeout });
  const loadMs = await page.evaluate(() => performance.now());
  await page.waitForSelector('article[data-status="done"] [data-testid="headline"]', { timeout: stageTimeout });
  const firstKpiMs = await page.evaluate(() => performance.now());
  await page.waitForFunction(() => !document.querySelector('article[data-status="queued"], article[data-status="running"], article[data-status="idle"]') && !document.querySelector('[data-chart-state="drawing"]'), null, { timeout: stageTimeout, polling: 50 });
  const notebookMs = await page.evaluate(() => performance.now());
  return { loadMs, firstKpiMs, notebookMs };
}

/**
 * What DuckDB itself holds (duckdb_memory()), asked the way an analyst would: a small file
 * dropped to get a SQL cell, whose query is then replaced and run.
 */
export async function duckdbMemoryMB(page: Page): Promise<number> {
  await page.getByTestId('file-input').setInputFiles({ name: 'bench_probe.csv', mimeType: 'text/csv', buffer: Buffer.from('x\n1\n') });
  const cell = page.locator('article[data-cell="sql"]').last();
  await cell.locator('[data-testid="cell-meta"]').waitFor({ timeout: stageTimeout });
  await cell.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('select (sum(memory_usage_bytes) / 1e6)::integer as duckdb_mb from duckdb_memory()');
  await page.keyboard.press('ControlOrMeta+Enter');
  const value = cell.locator('table tbody td').first();
  await cell.locator('th', { hasText: 'duckdb_mb' }).waitFor({ timeout: stageTimeout });
  return Number((await value.textContent())!.replace(/[^0-9]/g, ''));
}

/** Each KPI cell's own time as the page shows it (data-ms), slowest first. */
const cellTimes = (page: Page) =>
  page.locator('article[data-cell][data-ms]').evaluateAll((cells) =>
    cells
      .map((c) => [c.getAttribute('data-cell'), Number(c.getAttribute('data-ms'))] as const)
      .sort((a, b) => b[1] - a[1])
      .map(([id, ms]) => `${id} ${ms}`)
      .join(', '),
  );

/** Each chart drawn since the drop (the page's `chart:<cell>` measures) and their sum. */
const chartTimes = (page: Page) =>
  page.evaluate(() => {
    const drop = (window as unknown as { __bench: PageMarks }).__bench.marks.drop ?? 0;
    const draws = performance.getEntriesByType('measure').filter((m) => m.name.startsWith('chart:') && m.startTime >= drop);
    const sum = draws.reduce((s, m) => s + m.duration, 0);
    return `${Math.round(sum)} in all: ${draws.map((m) => `${m.name.slice(6)} ${Math.round(m.duration)}`).join(', ')}`;
  });

/**
 * At 10M the question is whether it works: the KPI cells, without the model fit, the rescope and
 * the customers view.
 */
async function dropRun(page: Page, size: Size, kind: FileKind, rows: number): Promise<Sample> {
  const whole = size !== '10m';
  await openOnSample(page);
  await page.evaluate(marksScript(rows));
  await page.getByTestId('file-input').setInputFiles(join(storeDir(size), `orders.${kind}`));
  await waitMark(page, whole ? 'clvDone' : 'cellsDone');
  if (printMarks) console.log(`  cells (ms, period only, lanes overlapping) ${await cellTimes(page)}`);
  if (printMarks) console.log(`  charts drawn since the drop (ms) ${await chartTimes(page)}`);
  if (whole) {
    await page.selectOption('[data-testid="preset"]', 'last90');
    await waitMark(page, 'r_clvDone');
  }
  const { marks: m, heapPeak, errors, firstError } = await marksOf(page);
  let explorer: ExplorerTimes = {};
  if (whole) {
    explorer = await explorerRun(page, stageTimeout, shots);
    console.log(`  customers view: ${Object.entries(explorer).map(([k, v]) => `${k} ${v}${k in explorerGoals ? (v! < explorerGoals[k as keyof typeof explorerGoals] ? ' ok' : ' SLOW') : ''}`).join(', ')}`);
    await page.click('nav.switch button[data-view="notebook"]');
  }
  const duckdbMB = whole ? await duckdbMemoryMB(page) : undefined;
  const jsHeapEndMB = mb(await cdpHeap(page));
  // The same drop on a fresh page (this one closed first, its memory let go), the page then left
  // alone before the view is opened.
  if (whole) {
    const fresh = await page.context().browser()!.newPage({ viewport: page.viewportSize() ?? undefined });
    await page.close();
    try {
      await openOnSample(fresh);
      await fresh.evaluate(marksScript(rows));
      await fresh.getByTestId('file-input').setInputFiles(join(storeDir(size), `orders.${kind}`));
      await waitMark(fresh, 'clvDone');
      explorer = { ...explorer, ...(await explorerOpenAfterIdle(fresh, stageTimeout)) };
    } finally {
      await fresh.close();
    }
    console.log(`  customers view opened after ${idleMs / 1000} s alone: ${explorer.idleOpenRfmFacetsMs} / ${explorer.idleOpenListMs} ms`);
  }
  if (printMarks) console.log(`  marks ${Object.entries(m).sort((a, b) => a[1] - b[1]).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ')}`);
  if (firstError) console.log(`  a cell failed: ${firstError.slice(0, 300)}`);
  return {
    cellErrors: errors.cells,
    rescopeCellErrors: errors.r_cells,
    loadMs: m.loaded - m.drop,
    firstKpiMs: m.firstKpi - m.loaded,
    notebookMs: m.cellsDone - m.loaded,
    clvMs: m.clvDone - m.loaded,
    rescopeMs: m.r_cellsDone - m.r_start,
    rescopeClvMs: m.r_clvDone - m.r_start,
    jsHeapPeakMB: mb(heapPeak),
    jsHeapEndMB,
    ...explorer,
    duckdbMB,
  };
}

/**
 * The yardstick for a drop: native DuckDB with one thread loading the same file into a table,
 * the way an analyst would at a prompt (`create table t as select * from read_csv('orders.csv')`).
 */
export async function nativeLoadMs(path: string, kind: FileKind, runs: number): Promise<number> {
  const db = await openNativeDb();
  try {
    await db.exec('set threads = 1');
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      await db.exec('drop table if exists bench_load');
      const t0 = performance.now();
      await db.exec(`create table bench_load as select * from ${kind === 'csv' ? 'read_csv' : 'read_parquet'}(?)`, [path]);
      times.push(performance.now() - t0);
    }
    return ms(median(times));
  } finally {
    db.close();
  }
}

async function collect(browser: Browser, runs: number, base: Pick<BrowserResult, 'size' | 'kind'>, once: (page: Page) => Promise<Sample>, nativeMs?: number): Promise<BrowserResult> {
  const samples: Sample[] = [];
  const memory = watchPeak(process.pid, 'chromium');
  let error: string | undefined;
  for (let i = 0; i < runs && !error; i++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('crash', () => (error = 'the page crashed (out of memory?)'));
    try {
      samples.push(await once(page));
    } catch (e) {
      error ??= (e as Error).message.split('\n')[0];
    } finally {
      await page.close().catch(() => undefined);
    }
  }
  const chromiumRssPeakMB = mb(memory.stop());
  const keys = Object.keys(samples[0] ?? {}) as (keyof Sample)[];
  const medians = Object.fromEntries(keys.map((k) => [k, ms(median(samples.map((s) => s[k]!)))]));
  const result: BrowserResult = { ...base, runs: samples.length, ...medians, chromiumRssPeakMB, ...(error ? { error } : {}) };
  if (nativeMs !== undefined) {
    result.nativeLoadMs = nativeMs;
    if (result.loadMs !== undefined) result.loadOverNative = Math.round((result.loadMs / nativeMs) * 100) / 100;
  }
  console.log('chromium', result);
  return result;
}

export interface BrowserOptions {
  /** Which files to drop (both when absent). */
  kinds?: FileKind[];
  /** Print every page mark of each run (ms since the page opened). */
  marks?: boolean;
  /** Leave out the sample store's opening (the stores only). */
  skipSample?: boolean;
  /** A directory for screenshots of the customers view at each size. */
  shots?: string;
}

export async function browserBench(sizes: Size[], runs: number, options: BrowserOptions, onResult: (r: BrowserResult) => void): Promise<void> {
  printMarks = options.marks ?? false;
  shots = options.shots;
  execSync('npx vite build', { cwd: root, stdio: 'ignore' });
  const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { cwd: root, stdio: 'ignore', detached: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'],
  });
  try {
    await waitForServer();
    if (!options.skipSample) onResult(await collect(browser, runs, { size: 'sample', kind: 'sample' }, sampleRun));
    for (const size of sizes) {
      const rows = JSON.parse(readFileSync(join(storeDir(size), 'params.json'), 'utf8')).counts.orderLines as number;
      // 10M is about whether it works at all; one run of Parquet says so.
      const kinds: FileKind[] = size === '10m' ? ['parquet'] : (options.kinds ?? ['parquet', 'csv']);
      for (const kind of kinds) {
        const n = size === '10m' ? 1 : runs;
        const native = await nativeLoadMs(join(storeDir(size), `orders.${kind}`), kind, n);
        onResult(await collect(browser, n, { size, kind }, (page) => dropRun(page, size, kind, rows), native));
      }
    }
  } finally {
    await browser.close();
    process.kill(-server.pid!);
  }
}

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer on ${url}`);
}
