/**
 * Vega-Lite specs from a module's `view` line, or guessed for a free SQL result. Data is
 * attached by name ('rows') so a chart can be updated without being embedded again.
 */
import type { Row } from './db';
import type { ModuleView, QueryModule, ResultType } from './queryModule';

export type VegaLiteSpec = Record<string, unknown>;

type FieldType = 'temporal' | 'quantitative' | 'nominal' | 'ordinal';

const fieldType = (type: ResultType | undefined): FieldType =>
  type === 'date' || type === 'timestamp' ? 'temporal' : type === 'integer' || type === 'double' ? 'quantitative' : 'nominal';

const base = (): VegaLiteSpec => ({
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  width: 'container',
  height: 220,
  data: { name: 'rows' },
  config: {
    font: 'system-ui, sans-serif',
    axis: { labelColor: '#4b5563', titleColor: '#374151', gridColor: '#eef0f3', domainColor: '#cbd5e1' },
    legend: { labelColor: '#4b5563', titleColor: '#374151' },
    view: { stroke: null },
    range: { category: ['#2563eb', '#f97316', '#10b981', '#a855f7', '#ef4444', '#0ea5e9', '#eab308', '#64748b'] },
  },
});

export function moduleChartSpec(module: QueryModule): VegaLiteSpec | undefined {
  const types = new Map(module.columns.map((c) => [c.name, c.type]));
  return viewSpec(module.view, (name) => types.get(name));
}

export function viewSpec(view: ModuleView, typeOf: (name: string) => ResultType | undefined): VegaLiteSpec | undefined {
  const [x, y, z] = view.fields;
  // Module series are monthly; bars need the month as their time unit to get a month's width.
  const timeUnit = view.kind === 'bar' ? 'utcyearmonth' : 'utcyearmonthdate';
  const enc = (name: string, fallback: FieldType = 'nominal') => {
    const type = typeOf(name) ? fieldType(typeOf(name)) : fallback;
    const e: Record<string, unknown> = { field: name, type, title: humanise(name) };
    if (type === 'temporal') e.timeUnit = timeUnit;
    return e;
  };
  const color = z ? { color: enc(z) } : {};
  const tooltip = view.fields.map((f) => enc(f));
  switch (view.kind) {
    case 'line':
    case 'area':
    case 'point':
      return { ...base(), mark: { type: view.kind, tooltip: true, ...(view.kind === 'line' ? { point: false, strokeWidth: 2 } : {}) }, encoding: { x: enc(x), y: enc(y, 'quantitative'), ...color, tooltip } };
    case 'bar':
      return { ...base(), mark: { type: 'bar', tooltip: true, cornerRadiusEnd: 2 }, encoding: { x: { ...enc(x), ...(typeOf(x) === 'date' ? {} : { sort: null }) }, y: enc(y, 'quantitative'), ...color, tooltip } };
    case 'hbar':
      return { ...base(), mark: { type: 'bar', tooltip: true, cornerRadiusEnd: 2 }, encoding: { y: { ...enc(x), sort: '-x' }, x: enc(y, 'quantitative'), ...color, tooltip } };
    case 'heatmap':
      return {
        ...base(),
        mark: { type: 'rect', tooltip: true },
        encoding: {
          x: { field: x, type: 'ordinal', title: humanise(x) },
          y: { field: y, type: 'ordinal', title: humanise(y), sort: 'descending' },
          color: { field: z, type: 'quantitative', title: humanise(z), scale: { scheme: 'blues' } },
          tooltip,
        },
      };
    default:
      return undefined;
  }
}

/** A chart for a free SQL result: time or category first, a number second. */
export function guessChartSpec(columns: { name: string; type: string }[], rows: Row[]): VegaLiteSpec | undefined {
  if (columns.length < 2 || rows.length < 2) return undefined;
  const kind = (t: string): ResultType | undefined =>
    /date/i.test(t) ? 'date' : /timestamp/i.test(t) ? 'timestamp' : /int|float|double|decimal|number/i.test(t) ? 'double' : /utf8|string|varchar/i.test(t) ? 'varchar' : undefined;
  const x = columns[0];
  const y = columns.slice(1).find((c) => kind(c.type) === 'double');
  if (!y) return undefined;
  const xKind = kind(x.type);
  const view: ModuleView = { kind: xKind === 'date' || xKind === 'timestamp' ? 'line' : xKind === 'double' ? 'point' : 'bar', fields: [x.name, y.name] };
  return viewSpec(view, (name) => kind(columns.find((c) => c.name === name)?.type ?? ''));
}

/**
 * A guessed bar chart draws at most this many bars: a bar per row stops saying anything long
 * before that, and 5,000 bars with their labels (a `select *` of orders) held the page for seconds.
 */
export const guessedBarLimit = 200;

/** The rows a chart guessed for a SQL result draws. */
export function guessedChartRows(spec: VegaLiteSpec | undefined, rows: Row[]): Row[] {
  const bar = (spec?.mark as { type?: string } | undefined)?.type === 'bar';
  return bar && rows.length > guessedBarLimit ? rows.slice(0, guessedBarLimit) : rows;
}

export function humanise(name: string): string {
  const text = name.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
