/**
 * The customers view in the Chromium bench, after the notebook is done on the dropped store: the
 * view opened, a facet value chosen, a new date range, one customer's report. Times come from a
 * page script that stamps performance.now() when each piece is drawn anew: the explorer's
 * `data-run` (src/components/ExplorerView.svelte) counts the times it asked again, and the RFM
 * map, the facet panel, the list and the report say `data-state="ready"` once their answer is on
 * screen. Each step is timed from the click (or the change of the date preset) that starts it.
 */
import type { Page } from '@playwright/test';

export interface ExplorerTimes {
  /** Customers view opened after the load: RFM map and facet counts drawn (the later of the two). */
  openRfmFacetsMs?: number;
  /** ... the list's first page drawn. */
  openListMs?: number;
  /**
   * The view opened after another drop of the same file, once the notebook and the fit were done
   * and the page was left alone for `idleMs` (an analyst reading the notebook): what the worker
   * built ahead meanwhile (src/worker/explorer.ts `prepare`). RFM map and facet counts drawn.
   */
  idleOpenRfmFacetsMs?: number;
  idleOpenListMs?: number;
  /** A facet value chosen (the largest country): RFM map and facet counts drawn again. */
  facetRfmFacetsMs?: number;
  facetListMs?: number;
  /** A new date range (the last 365 days): RFM map and facet counts drawn again. */
  datesRfmFacetsMs?: number;
  datesListMs?: number;
  /** The list's first customer clicked: their report drawn. */
  reportMs?: number;
  /** Customers in the list at the end (a check that it is not empty). */
  customers?: number;
}

interface StepMarks {
  t0: number;
  run0: number;
  marks: Record<string, number>;
  error?: string;
}

const pieces = `{
  rfm: '.map-card',
  facets: 'aside.facets',
  list: 'section.customers',
  report: 'article.report',
}`;

/** Installs the observer once; `__explorerStep` is reset before each step. */
const installScript = `(() => {
  if (window.__explorerStep) return;
  window.__explorerStep = { t0: 0, run0: 0, marks: {} };
  const pieces = ${pieces};
  new MutationObserver(() => {
    const s = window.__explorerStep;
    const root = document.querySelector('[data-testid="explorer"]');
    if (!s.t0 || !root) return;
    const fresh = Number(root.getAttribute('data-run')) > s.run0;
    for (const [name, selector] of Object.entries(pieces)) {
      if (s.marks[name] !== undefined) continue;
      const el = document.querySelector(selector);
      const state = el?.getAttribute('data-state');
      // The report is asked by a click, not by a new run of the view.
      if (!el || (!fresh && name !== 'report')) continue;
      if (state === 'ready') s.marks[name] = performance.now() - s.t0;
      if (state === 'error') { s.marks[name] = performance.now() - s.t0; s.error ??= name + ': ' + (el.querySelector('[role="alert"]')?.textContent ?? 'error'); }
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
})()`;

const startStep = `(() => {
  const root = document.querySelector('[data-testid="explorer"]');
  window.__explorerStep = { t0: performance.now(), run0: root ? Number(root.getAttribute('data-run')) : 0, marks: {} };
})()`;

async function step(page: Page, act: () => Promise<unknown>, wanted: string[], timeout: number): Promise<Record<string, number>> {
  await page.evaluate(startStep);
  await act();
  await page.waitForFunction(
    (names) => {
      const s = (window as unknown as { __explorerStep: StepMarks }).__explorerStep;
      return s.error !== undefined || names.every((n) => s.marks[n] !== undefined);
    },
    wanted,
    { timeout, polling: 100 },
  );
  const s = await page.evaluate(() => (window as unknown as { __explorerStep: StepMarks }).__explorerStep);
  if (s.error) throw new Error(`the customers view failed: ${s.error.slice(0, 300)}`);
  return s.marks;
}

const round = (x: number | undefined) => (x === undefined ? undefined : Math.round(x));

/**
 * The list scrolled deep (row 100,000 or its last), its rows there drawn: whether a large list
 * scrolls. Returns the first row index drawn.
 */
async function scrollDeep(page: Page, timeout: number): Promise<number> {
  const scroller = page.locator('section.customers .scroller');
  await scroller.evaluate((el) => (el.scrollTop = Math.min(el.scrollHeight, 100_000 * 32)));
  // A row with its values, inside the scroller's visible part (the rows drawn above and below it are not).
  await page.waitForFunction(
    () => {
      const box = document.querySelector('section.customers .scroller')!.getBoundingClientRect();
      return [...document.querySelectorAll('section.customers tr[data-index]')].some((tr) => {
        const r = tr.getBoundingClientRect();
        return Number(tr.getAttribute('data-index')) > 1000 && r.top >= box.top + 36 && r.bottom <= box.bottom && (tr.textContent ?? '').trim().length > 0;
      });
    },
    null,
    { timeout, polling: 100 },
  );
  return Number(await page.locator('section.customers tr[data-index]').first().getAttribute('data-index'));
}

/**
 * Runs the four steps on a page whose notebook is done; returns their times. `shots`: a directory
 * for screenshots of the view (opened, scrolled deep, a report).
 */
export async function explorerRun(page: Page, timeout: number, shots?: string): Promise<ExplorerTimes> {
  await page.evaluate(installScript);
  const open = await step(page, () => page.click('nav.switch button[data-view="customers"]'), ['rfm', 'facets', 'list'], timeout);
  if (shots) {
    await page.screenshot({ path: `${shots}/customers-open.png`, fullPage: true });
    console.log(`  list scrolled to row ${await scrollDeep(page, timeout)}`);
    await page.locator('section.customers').screenshot({ path: `${shots}/customers-scrolled.png` });
    await page.locator('section.customers .scroller').evaluate((el) => (el.scrollTop = 0));
  }
  const country = page.locator('aside.facets section[data-facet="country"] button.value').first();
  const facet = await step(page, () => country.click(), ['rfm', 'facets', 'list'], timeout);
  const dates = await step(page, () => page.selectOption('[data-testid="preset"]', 'last365'), ['rfm', 'facets', 'list'], timeout);
  const report = await step(page, () => page.click('section.customers tr[data-index="0"]'), ['report'], timeout);
  if (shots) await page.screenshot({ path: `${shots}/customers-report.png`, fullPage: true });
  const customers = Number((await page.getByTestId('customer-count').textContent())?.replace(/[^0-9]/g, '') || 0);
  return {
    openRfmFacetsMs: round(Math.max(open.rfm, open.facets)),
    openListMs: round(open.list),
    facetRfmFacetsMs: round(Math.max(facet.rfm, facet.facets)),
    facetListMs: round(facet.list),
    datesRfmFacetsMs: round(Math.max(dates.rfm, dates.facets)),
    datesListMs: round(dates.list),
    reportMs: round(report.report),
    customers,
  };
}

/** How long the page is left alone before `explorerOpenAfterIdle` opens the view. */
export const idleMs = 5000;

/** Opens the view on a page whose notebook is done, after `idleMs` without a request. */
export async function explorerOpenAfterIdle(page: Page, timeout: number): Promise<ExplorerTimes> {
  await page.evaluate(installScript);
  await page.waitForTimeout(idleMs);
  const open = await step(page, () => page.click('nav.switch button[data-view="customers"]'), ['rfm', 'facets', 'list'], timeout);
  return { idleOpenRfmFacetsMs: round(Math.max(open.rfm, open.facets)), idleOpenListMs: round(open.list) };
}

/** The goals (issue 14): under 1 s each, under 300 ms for a report. */
export const explorerGoals: Record<Exclude<keyof ExplorerTimes, 'customers'>, number> = {
  openRfmFacetsMs: 1000,
  openListMs: 1000,
  idleOpenRfmFacetsMs: 1000,
  idleOpenListMs: 1000,
  facetRfmFacetsMs: 1000,
  facetListMs: 1000,
  datesRfmFacetsMs: 1000,
  datesListMs: 1000,
  reportMs: 300,
};
