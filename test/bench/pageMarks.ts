/**
 * A script for the page, installed before a file is dropped: a MutationObserver that stamps
 * performance.now() when the dropped orders are loaded (base.orders shows their row count),
 * when the rebuilt notebook starts, when its first headline is on screen, when every KPI cell
 * (comparison runs included) is done with its chart drawn, and when the lifetime-value fit and its
 * cells are done; the same again after the date preset changes (keys prefixed `r_`). It also keeps the peak of
 * performance.memory, and counts the cells in error when each phase settles. A string, not a function: tsx's helpers do not exist in the page.
 */
export interface PageMarks {
  marks: Record<string, number>;
  /** Cells in error when the notebook settled, by phase ('cells', 'r_cells'). */
  errors: Record<string, number>;
  firstError?: string;
  heapPeak: number;
}

export const marksScript = (expectedRows: number) => `(() => {
  const b = (window.__bench = { marks: {}, errors: {}, heapPeak: 0, phase: 'load', runAtStart: {} });
  const mark = (k) => (b.marks[k] ??= performance.now());
  const busy = 'article[data-status="queued"], article[data-status="running"], article[data-status="idle"]';
  const clvDone = '[data-clv-status="done"], [data-clv-status="error"]';
  const heap = () => { if (performance.memory) b.heapPeak = Math.max(b.heapPeak, performance.memory.usedJSHeapSize); };
  setInterval(heap, 100);
  document.addEventListener('change', (e) => {
    if (e.target.matches('[data-testid="file-input"]')) { mark('drop'); b.runAtStart[''] = runOf()?.generation ?? 0; }
    if (e.target.matches('[data-testid="preset"]')) { b.phase = 'rescope'; mark('r_start'); b.runAtStart.r_ = runOf()?.generation ?? 0; }
  }, true);
  const loaded = () => {
    const count = document.querySelector('[data-table="base.orders"] [data-testid="row-count"]');
    return count && Number(count.textContent.replace(/[^0-9]/g, '')) === ${expectedRows};
  };
  // The notebook says which run it is on and how far it got (data-run, data-run-phase on
  // .notebook): a phase starts with the first run numbered after the drop or the preset change.
  const runOf = () => {
    const n = document.querySelector('.notebook');
    return n ? { generation: Number(n.getAttribute('data-run')), phase: n.getAttribute('data-run-phase') } : undefined;
  };
  const settled = (p) => {
    const m = b.marks;
    const run = runOf();
    if (!run) return;
    b.runAtStart[p] ??= run.generation;
    if (run.generation > b.runAtStart[p]) mark(p + 'started');
    if (!m[p + 'started']) return;
    const drawing = document.querySelector('[data-chart-state="drawing"]');
    // Every cell is queued when a run starts, so a finished headline now is a fresh one.
    if (document.querySelector('article[data-status="done"]:not([data-clv-status] article) [data-testid="headline"]')) mark(p + 'firstKpi');
    if (!m[p + 'cellsDone'] && run.phase !== 'cells' && !drawing) {
      mark(p + 'cellsDone');
      const failed = document.querySelectorAll('article[data-status="error"]');
      b.errors[p + 'cells'] = failed.length;
      if (failed.length) b.firstError = failed[0].getAttribute('data-cell') + ': ' + failed[0].querySelector('[data-testid="cell-error"]')?.textContent;
    }
    // The lifetime-value cells run after the fit: the section is done when they are too.
    if (m[p + 'cellsDone'] && run.phase === 'done' && document.querySelector(clvDone) && !document.querySelector(busy) && !drawing) mark(p + 'clvDone');
  };
  new MutationObserver(() => {
    heap();
    if (b.phase === 'rescope') return settled('r_');
    if (!b.marks.drop || !loaded()) return;
    mark('loaded');
    settled('');
  }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
})()`;
