// Pins chart safety (src/lib/chartSafety.ts): the page's own module charts draw the same through
// vega's expression interpreter (no eval), the custom `columnValue` format included; a spec that
// would load data or an image, or follow a link, is found wherever it hides; the loader refuses all.
import * as vega from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import { compile } from 'vega-lite';
import { beforeAll, expect, test } from 'vitest';
import { chartFormatType, chartValue } from '../../src/lib/chartFormat';
import { assertChartStaysLocal, externalReference, refusingLoader } from '../../src/lib/chartSafety';
import { moduleChartSpec } from '../../src/lib/chartSpec';
import { setLocale } from '../../src/lib/i18n';
import { parseQueryModule } from '../../src/lib/queryModule';

beforeAll(() => {
  vega.expressionFunction(chartFormatType, chartValue);
  setLocale('en-US');
});

const rate = parseQueryModule(
  'test/repeat_rate.sql',
  ['id: repeat_rate', 'version: 1', 'title: Repeat rate', 'needs: orders(order_id)', 'view: line(month, rate)', 'headline: rate percent', 'better: higher', 'show: month month | Month', 'show: rate percent | Repeat customers', 'columns: month date, rate double', 'A fixture.'].map((l) => `-- ${l}`).join('\n') + '\nselect 1',
);
const rows = Array.from({ length: 6 }, (_, i) => ({ month: `2025-0${i + 1}-01`, rate: 0.17 + i / 100 }));

async function svg(interpreted: boolean): Promise<string> {
  const vg = compile({ ...moduleChartSpec(rate, { rows, title: 'Repeat rate' }), width: 400, data: { name: 'rows', values: rows } } as never).spec;
  const runtime = vega.parse(vg, undefined, interpreted ? { ast: true } : undefined);
  return new vega.View(runtime, { renderer: 'none', ...(interpreted ? { expr: expressionInterpreter as never } : {}) }).toSVG();
}

test('a module chart draws the same with the interpreter as with compiled expressions, months and percents formatted', async () => {
  const [compiled, interpreted] = await Promise.all([svg(false), svg(true)]);
  expect(interpreted).toBe(compiled);
  expect(interpreted).toContain('Jan 2025');
  expect(interpreted).toMatch(/>1\d%</);
});

test('every way a spec can reach outside the page is found, wherever it sits', () => {
  const at = 'http://127.0.0.1:9/x';
  expect(externalReference({ data: { url: at }, mark: 'bar' })).toBe('spec.data.url');
  expect(externalReference({ layer: [{ mark: 'point' }, { data: { url: at }, mark: 'bar' }] })).toBe('spec.layer[1].data.url');
  expect(externalReference({ mark: 'image', encoding: { url: { field: 'u' } } })).toBe('spec.mark');
  expect(externalReference({ mark: { type: 'image', url: at } })).toBe('spec.mark');
  expect(externalReference({ mark: 'point', encoding: { href: { value: 'javascript:alert(1)' } } })).toBe('spec.encoding.href');
  expect(externalReference({ mark: { type: 'point', href: 'javascript:alert(1)' } })).toBe('spec.mark.href');
  expect(externalReference({ concat: [{ vconcat: [{ mark: 'bar', transform: [{ lookup: 'k', from: { data: { url: at }, key: 'k' } }] }] }] })).toBe('spec.concat[0].vconcat[0].transform[0].from.data.url');
  expect(externalReference(moduleChartSpec(rate, { rows, title: 'Repeat rate' }))).toBeUndefined();
  expect(() => assertChartStaysLocal({ data: { url: at } })).toThrow(/asks to load or link to something outside the page \(spec.data.url\)/);
});

test('the loader refuses every load, sanitize, http and file request', async () => {
  for (const f of Object.values(refusingLoader)) await expect(f()).rejects.toThrow(/cannot load anything/);
});
