/**
 * Vega-Lite specs from a module's `view` line, or guessed for a free SQL result. Data is
 * attached by name ('rows') so a chart can be updated without being embedded again. Titles are
 * the columns' labels and every value reads through the columns' formats (chartFormat.ts).
 */
import type { Row } from './db';
import { chartFormatType, type ChartFormat } from './chartFormat';
import { t } from './i18n';
import type { ColumnFormat, ModuleView, QueryModule, ResultType } from './queryModule';

export type VegaLiteSpec = Record<string, unknown>;

/** A result column as a chart reads it (a module's column, or one guessed from a SQL result's type). */
export interface ChartColumn {
  name: string;
  type: ResultType;
  label: string;
  format: ColumnFormat;
}

export interface ChartContext {
  /** The currency money is shown in (the cell headline's); none means plain numbers. */
  currency?: string;
  /** The cell's title: the chart's accessible name. */
  title?: string;
  /** The rows drawn: decide a one-point series and which columns the tooltip lists. */
  rows?: Row[];
}

type Enc = Record<string, unknown>;

const palette = ['#2563eb', '#f97316', '#10b981', '#a855f7', '#ef4444', '#0ea5e9', '#eab308', '#64748b'];

/** Sentiment by convention, whatever the palette: negative red, neutral grey, positive green. */
export const sentimentColours = { domain: ['negative', 'neutral', 'positive'], range: ['#dc2626', '#9ca3af', '#16a34a'] };
const sentimentColumn = /^(tone|sentiment)$/;

/** A month's length in ms, to space monthly ticks (an estimate is enough: it only picks a step). */
const monthMs = 2_629_746_000;

const base = (context: ChartContext): VegaLiteSpec => ({
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  ...(context.title ? { description: context.title } : {}),
  width: 'container',
  height: 220,
  data: { name: 'rows' },
  config: {
    font: 'system-ui, sans-serif',
    customFormatTypes: true,
    axis: { labelColor: '#4b5563', titleColor: '#374151', gridColor: '#eef0f3', domainColor: '#cbd5e1', titleFontWeight: 600 },
    legend: { labelColor: '#4b5563', titleColor: '#374151', orient: 'bottom', titleFontWeight: 600 },
    view: { stroke: null },
    range: { category: palette },
  },
});

export function moduleChartSpec(module: QueryModule, context: ChartContext = {}): VegaLiteSpec | undefined {
  return viewSpec(module.view, module.columns, context);
}

const field = (name: string) => `datum[${JSON.stringify(name)}]`;

/** Dated bars up to this many get a band and a label each; more stand on a time scale. */
const bandDates = 40;

export function viewSpec(view: ModuleView, columns: ChartColumn[], context: ChartContext = {}): VegaLiteSpec | undefined {
  const column = (name: string): ChartColumn => columns.find((c) => c.name === name) ?? { name, type: 'varchar', label: humanise(name), format: 'text' };
  const format = (c: ChartColumn, axis = false): { formatType: string; format: ChartFormat } => ({
    formatType: chartFormatType,
    format: { format: c.format, ...(c.format === 'currency' && context.currency ? { currency: context.currency } : {}), ...(axis ? { axis: true } : {}) },
  });
  const [xName, yName, zName] = view.fields;
  if (!xName || !yName) return undefined;
  const x = column(xName);
  const y = column(yName);
  const z = zName ? column(zName) : undefined;
  // The headline's total row has no x: it is not a point of the series.
  const drawn = (context.rows ?? []).filter((r) => r[x.name] !== null && r[x.name] !== undefined);
  const valid = { filter: `isValid(${field(x.name)})` };

  if (view.kind === 'heatmap') return z ? heatmapSpec(x, y, z, columns, context, format, drawn) : undefined;
  if (!['line', 'area', 'point', 'bar', 'hbar'].includes(view.kind)) return undefined;

  // One month of a monthly series (any of them over "Last 30 days"): a line has nothing to join, an area nothing to fill.
  const xValues = new Set(drawn.map((r) => r[x.name])).size;
  const single = context.rows !== undefined && xValues <= 1;
  const kind = single && view.kind === 'line' ? 'point' : single && view.kind === 'area' ? 'bar' : view.kind;
  const temporal = x.type === 'date' || x.type === 'timestamp';
  // Bars over more dates than a band axis can name (a year of days) stand on a time scale: one
  // label a band held the page for a second laying out and hiding 365 of them.
  const timeBars = kind === 'bar' && temporal && xValues > bandDates;
  const category = (kind === 'bar' && !timeBars) || kind === 'hbar' || (single && kind === 'point') || !(temporal || x.type === 'integer' || x.type === 'double');

  const transform: Enc[] = [valid];
  let xEnc: Enc;
  if (category) {
    // Bands, one per value: dates (ISO text) and numbers in their order, names as the query sorted them.
    xEnc = { field: x.name, type: temporal || x.type !== 'varchar' ? 'ordinal' : 'nominal', title: x.label, sort: temporal || x.type !== 'varchar' ? 'ascending' : null, axis: { ...format(x, true), labelOverlap: true, labelAngle: 0 } };
  } else if (temporal) {
    // Vega-Lite leaves a field with a custom format unparsed: parse it here (ISO dates read as UTC).
    transform.push({ calculate: `toDate(${field(x.name)})`, as: x.name });
    const monthly = x.format === 'month';
    xEnc = {
      field: x.name,
      type: 'temporal',
      timeUnit: monthly ? 'utcyearmonth' : 'utcyearmonthdate',
      title: x.label,
      // No tick outside the data, and for months one tick a month (every few months when they do not fit).
      scale: { nice: false },
      axis: {
        ...format(x, true),
        labelOverlap: true,
        // The last date's label inside the chart, not cut at its edge.
        labelFlush: true,
        ...(monthly ? { tickCount: { expr: `{interval: 'month', step: max(1, ceil((span(domain('x')) / ${monthMs} + 1) / max(2, floor(width / 72))))}` } } : {}),
      },
    };
  } else {
    xEnc = { field: x.name, type: 'quantitative', title: x.label, axis: { ...format(x, true) } };
  }
  const yEnc: Enc = { field: y.name, type: 'quantitative', title: y.label, axis: { ...format(y, true), ...(y.format === 'integer' ? { tickMinStep: 1 } : {}) } };
  const colour: Enc = z ? { color: colourEncoding(z, format(z)) } : {};
  const tooltip = tooltipFields([x, ...(z ? [z] : []), y], columns, drawn, format, temporal && !category ? x : undefined);
  const encoding: Enc =
    kind === 'hbar'
      ? { y: { ...xEnc, sort: '-x', axis: { ...format(x, true) } }, x: { ...yEnc, axis: { ...format(y, true), ...(y.format === 'integer' ? { tickMinStep: 1 } : {}) } }, ...colour, tooltip }
      : { x: xEnc, y: yEnc, ...colour, tooltip };
  if (kind === 'line' || kind === 'area') {
    // A line or an area is one shape: hovering it would show its first point whatever the month.
    // The tooltips sit on a point per row instead (dots on a line, unseen on a stacked area).
    const shape = { ...encoding };
    delete shape.tooltip;
    const line = kind === 'line';
    const dots = { mark: { type: 'point', tooltip: true, filled: true, size: line ? 30 : 80, opacity: line ? 1 : 0 }, encoding: line ? {} : { y: { ...yEnc, stack: 'zero' } } };
    return {
      ...base(context),
      transform,
      encoding: shape,
      layer: [{ mark: line ? { type: 'line', strokeWidth: 2 } : { type: 'area', opacity: 0.85 } }, { ...dots, encoding: { ...dots.encoding, tooltip } }],
    };
  }
  const mark: Enc =
    kind === 'point'
      ? { type: 'point', tooltip: true, filled: true, size: single ? 90 : 40 }
      : timeBars
        ? // A day a pixel or so: no gap and no rounding, or the gap is all there is to see.
          { type: 'bar', tooltip: true, binSpacing: 0 }
        : { type: 'bar', tooltip: true, cornerRadiusEnd: 2 };
  if (single && kind === 'bar' && view.kind === 'area') mark.width = { band: 0.5 };
  return { ...base(context), transform, mark, encoding };
}

function colourEncoding(z: ChartColumn, format: Enc): Enc {
  const legend = { title: z.label, ...format };
  if (sentimentColumn.test(z.name)) return { field: z.name, type: 'nominal', scale: sentimentColours, sort: sentimentColours.domain, legend };
  return { field: z.name, type: 'nominal', legend };
}

/**
 * The tooltip lists the chart's own fields, then the other columns that have a value in some
 * drawn row (a headline-only column, empty outside the total row, is left out).
 */
function tooltipFields(
  shown: ChartColumn[],
  columns: ChartColumn[],
  rows: Row[],
  format: (c: ChartColumn) => Enc,
  timeAxis?: ChartColumn,
): Enc[] {
  const others = columns.filter((c) => !shown.some((s) => s.name === c.name) && rows.some((r) => r[c.name] !== null && r[c.name] !== undefined));
  return [...shown, ...others].map((c) => ({
    field: c.name,
    type: c === timeAxis ? 'temporal' : c.type === 'integer' || c.type === 'double' ? 'quantitative' : 'nominal',
    ...(c === timeAxis ? { timeUnit: c.format === 'month' ? 'utcyearmonth' : 'utcyearmonthdate' } : {}),
    title: c.label,
    ...format(c),
  }));
}

/**
 * A cohort triangle (an integer offset across, a share as colour): offset 0 is the cohort itself,
 * 100% by construction, so it is drawn neutral with the cohort's size written in it and the colour
 * scale spans the later offsets only. Other heatmaps colour every cell.
 */
function heatmapSpec(
  x: ChartColumn,
  y: ChartColumn,
  z: ChartColumn,
  columns: ChartColumn[],
  context: ChartContext,
  format: (c: ChartColumn, axis?: boolean) => { formatType: string; format: ChartFormat },
  rows: Row[],
): VegaLiteSpec {
  const cohort = x.type === 'integer' && z.format === 'percent';
  const count = cohort ? columns.find((c) => c.format === 'integer' && c.name !== x.name) : undefined;
  const sizeLabel = t('chart.cohortSize');
  const size: ChartColumn | undefined = count ? { name: '__cohort_size', type: 'integer', label: sizeLabel, format: 'integer' } : undefined;
  const later = `${field(x.name)} > 0`;
  const tooltip = [...tooltipFields([y, x, z], columns, rows, format), ...(size ? tooltipFields([size], [], [], format) : [])];
  // The size column is named where its band has room for the words (a phone shows it in the tooltip).
  const xAxisLabels = (cohort && count ? `datum.value === 0 ? (bandwidth('x') < 64 ? '' : ${JSON.stringify(sizeLabel)}) : ` : '') + `${chartFormatType}(datum.value, ${JSON.stringify(format(x, true).format)})`;
  const transform: Enc[] = [{ filter: `isValid(${field(x.name)}) && isValid(${field(y.name)})` }];
  if (size && count) transform.push({ joinaggregate: [{ op: 'max', field: count.name, as: size.name }], groupby: [y.name] });
  if (cohort) transform.push({ calculate: `${later} ? ${field(z.name)} : null`, as: '__scaled' }, { joinaggregate: [{ op: 'max', field: '__scaled', as: '__scaled_max' }] });
  const scaled = { field: z.name, type: 'quantitative', title: z.label, scale: { scheme: 'blues' }, legend: { ...format(z, true) } };
  const textColour = { condition: { test: cohort ? `${later} && ${field(z.name)} > datum.__scaled_max * 0.6` : 'false', value: 'white' }, value: '#1f2937' };
  // Values are written in cells wide enough to hold them (a phone shows them in the tooltip).
  const text = (c: ChartColumn) => ({ mark: { type: 'text', fontSize: 10, opacity: { expr: "bandwidth('x') < 30 ? 0 : 1" } }, encoding: { text: { field: c.name, type: c.type === 'varchar' ? 'nominal' : 'quantitative', ...format(c) }, color: textColour, tooltip } });
  const layer: Enc[] = cohort
    ? [
        { transform: [{ filter: later }], mark: { type: 'rect', tooltip: true }, encoding: { color: scaled, tooltip } },
        { transform: [{ filter: `!(${later})` }], mark: { type: 'rect', tooltip: true, color: '#f3f4f6' }, encoding: { tooltip } },
        { transform: [{ filter: later }], ...text(z) },
        { transform: [{ filter: `!(${later})` }], ...text(count ?? z) },
      ]
    : [{ mark: { type: 'rect', tooltip: true }, encoding: { color: scaled, tooltip } }, text(z)];
  return {
    ...base(context),
    autosize: { type: 'fit-x', contains: 'padding' },
    height: { step: 22 },
    transform,
    encoding: {
      x: { field: x.name, type: 'ordinal', title: x.label, sort: 'ascending', axis: { labelExpr: xAxisLabels, labelAngle: 0 } },
      y: { field: y.name, type: 'ordinal', title: y.label, sort: 'ascending', axis: { ...format(y, true) } },
    },
    layer,
  };
}

/** A chart for a free SQL result: time or category first, a number second. */
export function guessChartSpec(columns: { name: string; type: string }[], rows: Row[], context: Omit<ChartContext, 'rows'> = {}): VegaLiteSpec | undefined {
  if (columns.length < 2 || rows.length < 2) return undefined;
  const chartColumns = guessedColumns(columns);
  const [x] = chartColumns;
  const y = chartColumns.slice(1).find((c) => c.type === 'double' || c.type === 'integer');
  if (!y) return undefined;
  const temporal = x.type === 'date' || x.type === 'timestamp';
  const view: ModuleView = { kind: temporal ? 'line' : x.type === 'double' || x.type === 'integer' ? 'point' : 'bar', fields: [x.name, y.name] };
  return viewSpec(view, [x, y], { ...context, rows });
}

/** A SQL result's columns as a chart reads them, typed from the Arrow types. */
export function guessedColumns(columns: { name: string; type: string }[]): ChartColumn[] {
  const kind = (t: string): ResultType | undefined =>
    /date/i.test(t) ? 'date' : /timestamp/i.test(t) ? 'timestamp' : /int/i.test(t) ? 'integer' : /float|double|decimal|number/i.test(t) ? 'double' : /utf8|string|varchar/i.test(t) ? 'varchar' : undefined;
  return columns.map((c) => {
    const type = kind(c.type) ?? 'varchar';
    const format: ColumnFormat = type === 'integer' ? 'integer' : type === 'double' ? 'number' : type === 'date' || type === 'timestamp' ? 'date' : 'text';
    return { name: c.name, type, label: humanise(c.name), format };
  });
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

/**
 * What a chart's export is called: the cell, its period and the data it was drawn from, as a
 * file name (`net-revenue-2025-01-01-to-2025-06-30-sample-store`); the extension is added on saving.
 */
export function chartFileName(title: string, period: { start: string; end: string } | undefined, data: string | undefined): string {
  const slug = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const dataName = data?.replace(/\.[a-z0-9]+(\.(gz|zst))?$/i, '');
  const parts = [slug(title) || 'chart', ...(period?.start && period.end ? [`${period.start}-to-${period.end}`] : []), ...(dataName ? [slug(dataName)] : [])];
  return parts.filter(Boolean).join('-');
}
