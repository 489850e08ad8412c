// The checker every notebook from outside goes through (a file now, a link later): a good document
// comes back rebuilt field by field; malformed, mistyped, oversize or hostile ones are refused with
// a sentence naming where in the document the problem is.
import { describe, expect, test } from 'vitest';
import { checkNotebookDoc, docLimits, parseNotebookDoc } from '../../src/lib/notebookDocCheck';
import type { NotebookDoc } from '../../src/lib/notebookDoc';

const good: NotebookDoc = {
  format: 'clientele-notebook',
  version: 1,
  name: 'Weekly',
  cells: [
    { kind: 'module', ref: 'net_revenue@1', params: { top_share: 0.2, label: 'x', on: true, none: null } },
    { kind: 'sql', sql: 'select 1', chart: { type: 'table' } },
    { kind: 'markdown', text: 'hello' },
    { kind: 'sql', sql: 'select 2', chart: { spec: { mark: 'bar', layer: [{ mark: 'line' }] } } },
  ],
  scope: { preset: 'custom', start: '2024-02-01', end: '2024-02-29', compare: 'previous', facets: { country: ['FR'] }, segment: 'Big' },
  currency: 'GBP',
  sources: [{ kind: 'sample' }, { kind: 'file', name: 'orders.csv', table: 'orders' }, { kind: 'url', url: 'https://example.com/o.parquet' }],
  segments: [{ name: 'Big', match: 'all', conditions: [{ field: 'revenue', op: 'gte', value: 100 }] }],
  language: 'fr',
};

const withChange = (change: (doc: Record<string, any>) => void) => {
  const doc = structuredClone(good) as Record<string, any>;
  change(doc);
  return checkNotebookDoc(doc);
};

const refused = (result: ReturnType<typeof checkNotebookDoc>, path: string) => {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.path).toBe(path);
  if (path) expect(result.message).toContain(path);
};

describe('parseNotebookDoc', () => {
  test('a good document comes back equal, as a new object', () => {
    const result = parseNotebookDoc(JSON.stringify(good));
    expect(result).toEqual({ ok: true, doc: good });
    const direct = checkNotebookDoc(good);
    expect(direct.ok && direct.doc).not.toBe(good);
    expect(direct.ok && direct.doc.cells[3]).not.toBe(good.cells[3]);
  });

  test('text that is not JSON, not an object, or another format is refused', () => {
    expect(parseNotebookDoc('{"format": "clientele-notebook"').ok).toBe(false);
    expect(parseNotebookDoc('"text"').ok).toBe(false);
    expect(parseNotebookDoc('null').ok).toBe(false);
    refused(parseNotebookDoc('{"format":"other"}'), 'format');
    refused(withChange((d) => (d.version = 2)), 'version');
    expect(parseNotebookDoc('x'.repeat(docLimits.textChars + 1)).ok).toBe(false);
  });

  test('unknown kinds and unknown fields are refused where they are', () => {
    refused(withChange((d) => (d.cells[1].kind = 'script')), 'cells[1].kind');
    refused(withChange((d) => (d.cells[2].html = '<b>')), 'cells[2].html');
    refused(withChange((d) => (d.extra = 1)), 'extra');
    refused(withChange((d) => (d.sources[1].kind = 'ftp')), 'sources[1].kind');
    refused(withChange((d) => (d.scope.preset = 'forever')), 'scope.preset');
    refused(withChange((d) => (d.cells[1].chart = { type: 'pie' })), 'cells[1].chart.type');
    refused(withChange((d) => (d.cells[1].chart = { type: 'bar', spec: {} })), 'cells[1].chart.type');
  });

  test('wrong types are refused with their path', () => {
    refused(withChange((d) => (d.cells = {})), 'cells');
    refused(withChange((d) => (d.cells[0] = 'net_revenue')), 'cells[0]');
    refused(withChange((d) => (d.cells[0].ref = 42)), 'cells[0].ref');
    refused(withChange((d) => (d.cells[0].params.top_share = { $gt: 1 })), 'cells[0].params.top_share');
    refused(withChange((d) => (d.cells[1].sql = ['select 1'])), 'cells[1].sql');
    refused(withChange((d) => (d.name = null)), 'name');
    refused(withChange((d) => (d.segments[0].conditions[0].value = { a: 1 })), 'segments[0].conditions[0].value');
  });

  test('values outside what the page accepts are refused', () => {
    refused(withChange((d) => (d.cells[0].ref = 'net_revenue')), 'cells[0].ref');
    refused(withChange((d) => (d.cells[0].ref = '../../etc@1')), 'cells[0].ref');
    refused(withChange((d) => (d.cells[0].params = { 'bad name': 1 })), 'cells[0].params.bad name');
    refused(withChange((d) => (d.scope.start = '2024-02-30')), 'scope.start');
    refused(withChange((d) => (d.scope.end = '2024-01-01')), 'scope.end');
    refused(withChange((d) => delete d.scope.end), 'scope.end');
    refused(withChange((d) => (d.currency = 'euro')), 'currency');
    refused(withChange((d) => (d.sources[2].url = 'javascript:alert(1)')), 'sources[2].url');
    refused(withChange((d) => (d.sources[2].url = 'file:///etc/passwd')), 'sources[2].url');
    refused(withChange((d) => (d.scope.segment = 'Nobody')), 'scope.segment');
    refused(withChange((d) => d.segments.push(d.segments[0])), 'segments[1].name');
    // JSON has no Infinity, but a document built in memory might.
    refused(withChange((d) => (d.cells[0].params.top_share = Infinity)), 'cells[0].params.top_share');
  });

  test('oversize strings, lists and specs are refused', () => {
    refused(withChange((d) => (d.cells[1].sql = 'x'.repeat(docLimits.sqlChars + 1))), 'cells[1].sql');
    refused(withChange((d) => (d.name = 'n'.repeat(docLimits.nameChars + 1))), 'name');
    refused(withChange((d) => (d.cells = Array.from({ length: docLimits.cells + 1 }, () => ({ kind: 'markdown', text: '' })))), 'cells');
    refused(withChange((d) => (d.cells[3].chart.spec.description = 'd'.repeat(docLimits.specChars + 1))), 'cells[3].chart.spec');
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < docLimits.specDepth + 2; i++) deep = (deep.a = {}) as Record<string, unknown>;
    expect(withChange((d) => (d.cells[3].chart.spec = root)).ok).toBe(false);
  });

  test('a spec cannot carry a prototype key', () => {
    const result = parseNotebookDoc(JSON.stringify(good).replace('"mark":"bar"', '"__proto__":{"polluted":true},"mark":"bar"'));
    expect(result.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
