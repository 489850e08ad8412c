// The notebook document round trip: what the page writes (toDoc) it reads back (applyDoc) to the
// same document — edited SQL, parameters, notes, SQL cells, chart choices, a pinned old version,
// the scope and the currency — and the default notebook is every current module, the
// lifetime-value section once. The worker is a stub: nothing runs before the page is ready.
import { describe, expect, test } from 'vitest';
import { AppState } from '../../src/state/app.svelte';
import { Cell } from '../../src/state/cell.svelte';
import { MarkdownCell, Notebook, UnknownCell, defaultCellDocs } from '../../src/state/notebook.svelte';
import { explorerFamilies, scopeFamilies } from '../../src/lib/moduleCatalog';
import type { Client } from '../../src/state/client';
import { moduleCatalog } from '../../src/lib/queryModules';
import { checkNotebookDoc } from '../../src/lib/notebookDocCheck';
import type { NotebookDoc } from '../../src/lib/notebookDoc';

const client = { cancel: async () => true, releaseResult: async () => true } as unknown as Client;

const edited: NotebookDoc = {
  format: 'clientele-notebook',
  version: 1,
  name: 'Q3 review',
  cells: [
    { kind: 'markdown', text: '# Q3\nRevenue *first*.' },
    { kind: 'module', ref: 'net_revenue@1', sql: 'select 1 as net_revenue', chart: { type: 'bar' } },
    { kind: 'module', ref: 'retention_rate@2' },
    { kind: 'module', ref: 'top_customer_share@1', params: { top_share: 0.1 } },
    { kind: 'sql', title: 'Big orders', sql: 'select * from orders where revenue > 100', chart: { spec: { mark: 'bar', encoding: { x: { field: 'a' } } } } },
    { kind: 'module', ref: 'clv_summary@3' },
    { kind: 'module', ref: 'no_such_module@9', params: { x: 1 } },
  ],
  scope: {
    preset: 'custom',
    start: '2025-01-01',
    end: '2025-03-31',
    compare: 'lastYear',
    facets: { country: ['FR', "Cote d'Ivoire"], product: ['Mug, large'] },
    segment: 'Big spenders',
    compareSegment: 'Quiet',
    keptCurrency: 'EUR',
  },
  currency: 'EUR',
  sources: [],
  segments: [
    { name: 'Big spenders', match: 'all', conditions: [{ field: 'revenue', op: 'gte', value: 500 }, { field: 'orders', op: 'gte', value: 2 }] },
    { name: 'Quiet', match: 'any', conditions: [{ field: 'last_order', op: 'before', value: '2025-01-01' }] },
  ],
  language: 'en',
};

describe('the notebook document', () => {
  test('toDoc -> applyDoc -> toDoc gives the same document', async () => {
    const app = new AppState(client);
    await app.applyDoc(structuredClone(edited));
    const doc = app.toDoc();
    expect(doc).toEqual({ ...edited, scope: { ...edited.scope, keptCurrency: undefined } });
    // The kept currency is worked out from the data's currencies; without data there is none to keep.
    const again = new AppState(client);
    await again.applyDoc(doc);
    expect(again.toDoc()).toEqual(doc);
    expect(checkNotebookDoc(JSON.parse(JSON.stringify(doc)))).toEqual({ ok: true, doc });
  });

  test('applyDoc makes the cells the document names, in its order', async () => {
    const app = new AppState(client);
    await app.applyDoc(structuredClone(edited));
    const cells = app.notebook.cells;
    expect(cells[0]).toBeInstanceOf(MarkdownCell);
    const revenue = cells[1] as Cell;
    expect(revenue.module?.id).toBe('net_revenue');
    expect(revenue.edited).toBe(true);
    expect((cells[2] as Cell).module?.version).toBe(2); // pinned, although a newer version exists
    expect(moduleCatalog().current.find((m) => m.id === 'retention_rate')!.version).toBeGreaterThan(2);
    expect((cells[3] as Cell).params).toEqual({ top_share: 0.1 });
    expect((cells[4] as Cell).module).toBeUndefined();
    expect(app.notebook.clvCell).toBe(cells[5]);
    expect(cells[6]).toBeInstanceOf(UnknownCell);
    expect(app.scope.preset).toBe('custom');
    expect([app.scope.start, app.scope.end, app.scope.compareMode]).toEqual(['2025-01-01', '2025-03-31', 'lastYear']);
    expect(app.chosenCurrency).toBe('EUR');
  });

  test('a module left as written is a reference only: no SQL, no parameters', () => {
    const nb = new Notebook(client);
    nb.applyCellDocs([{ kind: 'module', ref: 'net_revenue@1' }]);
    const cell = nb.cells[0] as Cell;
    expect(nb.toCellDocs()).toEqual([{ kind: 'module', ref: 'net_revenue@1' }]);
    cell.sql = `${cell.sql}\n-- a note`;
    expect(nb.toCellDocs()[0]).toMatchObject({ sql: cell.sql });
    cell.revert();
    expect(nb.toCellDocs()).toEqual([{ kind: 'module', ref: 'net_revenue@1' }]);
  });

  test('the default notebook holds every current module once, in family order, the lifetime-value section as one cell', () => {
    const docs = defaultCellDocs();
    const refs = docs.map((d) => (d.kind === 'module' ? d.ref : ''));
    expect(new Set(refs).size).toBe(refs.length);
    const current = moduleCatalog().current;
    const derived = current.filter((m) => m.needs.some((n) => (n.table as string) === 'clv_predictions'));
    // The explorer's modules (customers) and the scope layer's (facets, scope) are not cells.
    const notCells = current.filter((m) => !derived.includes(m) && [...explorerFamilies, ...scopeFamilies].includes(m.family));
    expect(notCells.length).toBeGreaterThan(0);
    expect(refs.length).toBe(current.length - derived.length - notCells.length);
    expect(refs.filter((r) => r.startsWith('clv_'))).toEqual([`clv_summary@${current.find((m) => m.id === 'clv_summary')!.version}`]);
    expect(refs[0]).toMatch(/^(net_revenue|order_count)@/);
    const families = refs.map((r) => current.find((m) => `${m.id}@${m.version}` === r)!.family);
    expect(families.filter((f, i) => f !== families[i - 1])).toEqual([...new Set(families)]);
  });

  test('the lifetime-value section holds the lifetime-value modules only, not the explorer modules that read the predictions too', () => {
    const nb = new Notebook(client);
    nb.applyCellDocs(defaultCellDocs());
    const columns = ['customer_id', 'order_id', 'order_date', 'revenue', 'refund', 'status'].map((name) => ({ name, type: 'VARCHAR' }));
    nb.build([{ name: 'base.orders', rows: 10, columns, source: 'orders.csv' }]);
    const families = new Set(nb.clv!.cells.map((c) => c.module!.family));
    expect([...families]).toEqual(['clv']);
    expect(nb.clv!.cells.length).toBeGreaterThan(0);
  });

  test('delete, duplicate and move keep the order the user asked for', () => {
    const nb = new Notebook(client);
    nb.applyCellDocs([
      { kind: 'markdown', text: 'a' },
      { kind: 'markdown', text: 'b' },
      { kind: 'markdown', text: 'c' },
    ]);
    const [a, b, c] = nb.cells;
    expect(nb.move(c, -1)).toBe(true);
    expect(nb.cells).toEqual([a, c, b]);
    expect(nb.move(a, -1)).toBe(false);
    const copy = nb.duplicate(a)!;
    expect(nb.cells).toEqual([a, copy, c, b]);
    expect((copy as MarkdownCell).text).toBe('a');
    expect(nb.remove(c)).toBe(2);
    nb.insert(c, 2);
    expect(nb.cells).toEqual([a, copy, c, b]);
  });
});
