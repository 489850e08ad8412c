// Module charts read like the module's table (src/lib/chartSpec.ts, src/lib/chartFormat.ts):
// titles are the `show:` labels, ticks and tooltips go through formatColumnValue, a one-month series
// still draws, the cohort heatmap's colours span months 1+, and sentiment keeps its conventional
// colours. Each spec is compiled and drawn by Vega here (headless SVG), so what is checked is
// what a reader sees, not the spec's wording.
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { afterEach, beforeAll, expect, test } from 'vitest';
import { chartFormatType, chartValue } from '../../src/lib/chartFormat';
import { chartFileName, moduleChartSpec, sentimentColours, type ChartContext } from '../../src/lib/chartSpec';
import type { Row } from '../../src/lib/db';
import { setLocale } from '../../src/lib/i18n';
import { parseQueryModule } from '../../src/lib/queryModule';

beforeAll(() => {
  vega.expressionFunction(chartFormatType, chartValue);
  setLocale('en-US');
});
afterEach(() => setLocale('en-US'));

const moduleOf = (id: string, header: string) =>
  parseQueryModule(`test/${id}.sql`, `-- id: ${id}\n-- version: 1\n-- title: ${id}\n-- needs: orders(order_id)\n${header.trim().replace(/^/gm, '-- ')}\n-- A fixture.\nselect 1`);

const rate = moduleOf(
  'repeat_rate',
  `view: line(month, rate)
headline: rate percent
better: higher
show: month month | Month
show: rate percent | Repeat customers
show: customers integer | Customers
show: note text | Note
columns: month date, rate double, customers integer, note varchar`,
);
const months = (n: number): Row[] =>
  Array.from({ length: n }, (_, i) => ({ month: `2025-${String(i + 1).padStart(2, '0')}-01`, rate: 0.172905525847 + i / 100, customers: 100 + i, note: null }));

interface Drawn {
  view: vega.View;
  /** Text of the axis titles, tick labels, legend labels, in the SVG. */
  texts: (role: string) => string[];
  /** Every item's tooltip, as Vega computed it. */
  tooltips: Record<string, string>[];
  /** The types of the marks drawn. */
  marks: string[];
}

async function draw(spec: Record<string, unknown> | undefined, rows: Row[]): Promise<Drawn> {
  expect(spec).toBeDefined();
  const vg = compile({ ...spec, width: 600, data: { name: 'rows', values: rows } } as never).spec;
  const view = new vega.View(vega.parse(vg), { renderer: 'none' });
  const svg = await view.toSVG();
  const texts = (role: string) =>
    [...svg.matchAll(new RegExp(`<g class="mark-text role-${role}[" ][^>]*>(.*?)</g>`, "g"))].flatMap((g) => [...g[1].matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1].replace(/&amp;/g, '&')));
  const tooltips: Record<string, string>[] = [];
  const marks: string[] = [];
  const walk = (node: { items?: unknown[]; marktype?: string; role?: string; tooltip?: Record<string, string> }) => {
    if (node.marktype && node.role === 'mark' && (node.items?.length ?? 0) > 0) marks.push(node.marktype);
    if (node.tooltip) tooltips.push(node.tooltip);
    for (const item of node.items ?? []) walk(item as never);
  };
  walk((view.scenegraph() as unknown as { root: never }).root);
  return { view, texts, tooltips, marks };
}

const spec = (module: ReturnType<typeof moduleOf>, rows: Row[], context: ChartContext = {}) => moduleChartSpec(module, { ...context, rows, title: module.title });

test('axis titles are the columns’ labels; a share axis reads in percent', async () => {
  const rows = months(12);
  const { texts } = await draw(spec(rate, rows), rows);
  expect(texts('axis-title')).toEqual(['Month', 'Repeat customers']);
  const y = texts('axis-label').filter((l) => l.includes('%'));
  expect(y[0]).toBe('0%');
  expect(y.at(-1)).toMatch(/^\d+%$/);
  expect(texts('axis-label').some((l) => /^0\.\d/.test(l))).toBe(false);
});

test('a monthly axis ticks months, never days, and no month outside the data', async () => {
  const rows = months(6);
  const { texts } = await draw(spec(rate, rows), rows);
  const ticks = texts('axis-label').filter((l) => /2025|2026/.test(l));
  expect(ticks).toEqual(['Jan 2025', 'Feb 2025', 'Mar 2025', 'Apr 2025', 'May 2025', 'Jun 2025']);
  const year = Array.from({ length: 24 }, (_, i) => ({ month: `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`, rate: 0.2, customers: 1, note: null }));
  const long = await draw(spec(rate, year), year);
  const longTicks = long.texts('axis-label').filter((l) => /20\d\d/.test(l));
  expect(longTicks.length).toBeGreaterThan(2);
  expect(longTicks.length).toBeLessThan(12);
  expect(longTicks.every((l) => /^[A-Z][a-z]{2} 202[45]$/.test(l))).toBe(true);
});

test('tooltips show formatted values and leave out columns with no value', async () => {
  const rows = months(3);
  const { tooltips } = await draw(spec(rate, rows), rows);
  expect(tooltips).toContainEqual({ Month: 'Jan 2025', 'Repeat customers': '17.3%', Customers: '100' });
  // One per month (a line's own tooltip would show its first month wherever it is hovered).
  expect(tooltips.map((tip) => tip.Month)).toEqual(['Jan 2025', 'Feb 2025', 'Mar 2025']);
});

test('money axes and tooltips carry the cell’s currency', async () => {
  const aov = moduleOf(
    'aov',
    `view: bar(channel, aov)
show: channel category | Channel
show: aov currency | Average order value
columns: channel varchar, aov double`,
  );
  const rows = [
    { channel: 'paid_search', aov: 1234.5 },
    { channel: 'email', aov: 4021.25 },
  ];
  const { texts, tooltips } = await draw(spec(aov, rows, { currency: 'EUR' }), rows);
  expect(texts('axis-title')).toEqual(['Channel', 'Average order value']);
  const labels = texts('axis-label');
  expect(labels).toContain('Paid search');
  expect(labels).toContain('€0');
  expect(labels.filter((l) => l.startsWith('€')).length).toBeGreaterThan(2);
  expect(tooltips).toContainEqual({ Channel: 'Paid search', 'Average order value': '€1,234.50' });
});

test('a line over a single month draws a point, an area a bar', async () => {
  const one = months(1);
  const line = await draw(spec(rate, one), one);
  expect(line.marks).toContain('symbol');
  expect(line.marks).not.toContain('line');
  expect(line.texts('axis-label')).toContain('Jan 2025');
  const twelve = await draw(spec(rate, months(12)), months(12));
  expect(twelve.marks).toContain('line');

  const mix = moduleOf(
    'mix',
    `view: area(month, share, tone)
show: month month | Month
show: tone category | Tone
show: share percent | Share of mentions
columns: month date, tone varchar, share double`,
  );
  const oneMonth = [
    { month: '2025-03-01', tone: 'negative', share: 0.2 },
    { month: '2025-03-01', tone: 'neutral', share: 0.3 },
    { month: '2025-03-01', tone: 'positive', share: 0.5 },
  ];
  const area = await draw(spec(mix, oneMonth), oneMonth);
  expect(area.marks).toContain('rect');
  expect(area.marks).not.toContain('area');
});

test('sentiment reads negative red, neutral grey, positive green, in that order', async () => {
  const mix = moduleOf(
    'sentiment',
    `view: area(month, share, tone)
show: month month | Month
show: tone category | Tone
show: share percent | Share of mentions
columns: month date, tone varchar, share double`,
  );
  // Positive first in the data, and only two tones: the colours must not follow the data's order.
  const rows = ['2025-01-01', '2025-02-01'].flatMap((month) => [
    { month, tone: 'positive', share: 0.6 },
    { month, tone: 'negative', share: 0.4 },
  ]);
  const { view, texts } = await draw(spec(mix, rows), rows);
  const colour = view.scale('color') as unknown as (v: string) => string;
  expect(colour('negative')).toBe(sentimentColours.range[0]);
  expect(colour('neutral')).toBe(sentimentColours.range[1]);
  expect(colour('positive')).toBe(sentimentColours.range[2]);
  expect(colour('negative')).toBe('#dc2626');
  expect(colour('positive')).toBe('#16a34a');
  expect(texts('legend-title')).toEqual(['Tone']);
  expect(texts('legend-label')).toEqual(['Negative', 'Neutral', 'Positive']);
});

test('the cohort heatmap colours months 1+ only, writes the values and the cohort sizes', async () => {
  const cohorts = moduleOf(
    'cohorts',
    `view: heatmap(month_offset, cohort, retention)
show: cohort month | Cohort
show: month_offset integer | Months since first purchase
show: customers integer | Active customers
show: retention percent | Retention
columns: cohort varchar, month_offset integer, customers integer, retention double`,
  );
  const rows: Row[] = [
    { cohort: '2025-01', month_offset: 0, customers: 400, retention: 1 },
    { cohort: '2025-01', month_offset: 1, customers: 100, retention: 0.25 },
    { cohort: '2025-01', month_offset: 2, customers: 40, retention: 0.1 },
    { cohort: '2025-02', month_offset: 0, customers: 200, retention: 1 },
    { cohort: '2025-02', month_offset: 1, customers: 30, retention: 0.15 },
  ];
  const { view, texts, tooltips } = await draw(spec(cohorts, rows), rows);
  expect((view.scale('color') as unknown as { domain(): number[] }).domain()).toEqual([0.1, 0.25]);
  expect(texts('axis-title')).toEqual(['Months since first purchase', 'Cohort']);
  expect(texts('axis-label')).toEqual(expect.arrayContaining(['Cohort size', '1', '2', 'Jan 2025', 'Feb 2025']));
  const cells = texts('mark');
  expect(cells).toEqual(expect.arrayContaining(['400', '200', '25%', '10%', '15%']));
  expect(cells).not.toContain('100%');
  expect(tooltips).toContainEqual({ Cohort: 'Feb 2025', 'Months since first purchase': '1', Retention: '15%', 'Active customers': '30', 'Cohort size': '200' });
});

test('chart values read as their columns do in tables', () => {
  expect(chartValue(0.172905525847, { format: 'percent' })).toBe('17.3%');
  expect(chartValue(new Date(Date.UTC(2025, 0, 1)), { format: 'month' })).toBe('Jan 2025');
  expect(chartValue(Date.UTC(2025, 0, 6), { format: 'week' })).toBe('week of Jan 6, 2025');
  expect(chartValue(5000, { format: 'currency', currency: 'EUR', axis: true })).toBe('€5,000');
  expect(chartValue(2.5, { format: 'currency', currency: 'EUR', axis: true })).toBe('€2.50');
  expect(chartValue(5000, { format: 'currency', currency: 'EUR' })).toBe('€5,000.00');
  expect(chartValue('paid_search', { format: 'category' })).toBe('Paid search');
});

test('an export is named after the cell, its period and its data', () => {
  expect(chartFileName('Net revenue', { start: '2025-01-01', end: '2025-06-30' }, 'Sample store')).toBe('net-revenue-2025-01-01-to-2025-06-30-sample-store');
  expect(chartFileName('Taux de réachat (%)', { start: '2024-01-01', end: '2024-12-31' }, 'commandes 2024.csv.gz')).toBe('taux-de-reachat-2024-01-01-to-2024-12-31-commandes-2024');
  expect(chartFileName('', undefined, undefined)).toBe('chart');
});

test('a year of daily bars stands on a time scale with a few dated ticks; a month of them keeps a band each', async () => {
  const perDay = moduleOf(
    'per_day',
    `view: bar(day, new_customers)
show: day date | Day
show: new_customers integer | New customers
columns: day date, new_customers integer`,
  );
  const days = (n: number): Row[] => Array.from({ length: n }, (_, i) => ({ day: new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10), new_customers: (i * 7) % 11 }));
  const year = days(365);
  const drawn = await draw(spec(perDay, year), year);
  const ticks = drawn.texts('axis-label').filter((l) => /2025|2026/.test(l));
  expect(ticks.length).toBeGreaterThan(2);
  expect(ticks.length).toBeLessThan(20);
  expect(drawn.marks).toContain('rect');
  // Each day's bar as wide as its day (600 px / 365 days), not a hairline beside a gap.
  const widths: number[] = [];
  const walk = (node: { items?: unknown[]; marktype?: string; width?: number }, inRect = false) => {
    if (inRect && node.width !== undefined) widths.push(node.width);
    for (const item of node.items ?? []) walk(item as never, inRect || node.marktype === 'rect');
  };
  walk((drawn.view.scenegraph() as unknown as { root: never }).root);
  expect(widths).toHaveLength(365);
  expect(Math.min(...widths)).toBeGreaterThan(1.5);
  expect(drawn.tooltips).toHaveLength(365);
  expect(drawn.tooltips[0]).toEqual({ Day: 'Jan 1, 2025', 'New customers': '0' });
  const month = days(30);
  const short = await draw(spec(perDay, month), month);
  // One band a day: each day is a label the axis may show (the overlap check hides some).
  expect(short.texts('axis-label').filter((l) => /2025/.test(l)).length).toBeGreaterThan(5);
  expect((spec(perDay, month)!.mark as { type: string }).type).toBe('bar');
  expect((spec(perDay, year)!.encoding as { x: { type: string } }).x.type).toBe('temporal');
  expect((spec(perDay, month)!.encoding as { x: { type: string } }).x.type).toBe('ordinal');
});
