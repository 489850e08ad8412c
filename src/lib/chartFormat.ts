/**
 * Chart axes, legends, tooltips and cell labels read values through `formatColumnValue`, the rule
 * tables and headlines use: Chart.svelte registers `chartValue` with Vega as the custom format
 * type `columnValue` (vega-embed `expressionFunctions`, Vega-Lite `config.customFormatTypes`), and
 * the specs (chartSpec.ts) name it with the column's format as its argument.
 */
import { isoDate } from './arrowRows';
import { getLocale } from './i18n';
import { isCurrencyCode } from './currency';
import { formatColumnValue } from './formatValue';
import type { ColumnFormat } from './queryModule';
import { numberFormat } from './intlFormats';

export const chartFormatType = 'columnValue';

/** The argument a spec passes to `columnValue` beside the value. */
export interface ChartFormat {
  format: ColumnFormat;
  currency?: string;
  /** An axis tick: whole amounts of money drop their cents ("€5,000", not "€5,000.00"). */
  axis?: boolean;
}

const dated = new Set<ColumnFormat>(['month', 'week', 'date']);

/** One chart value as its column shows it. Vega hands dates over as Date objects or epoch milliseconds. */
export function chartValue(value: unknown, f: ChartFormat): string {
  if (value instanceof Date || (typeof value === 'number' && dated.has(f.format))) {
    const ms = +(value as Date | number);
    return Number.isFinite(ms) ? formatColumnValue(isoDate(ms), f.format) : '';
  }
  if (f.axis && f.format === 'currency' && typeof value === 'number' && Number.isInteger(value)) {
    const o: Intl.NumberFormatOptions = { maximumFractionDigits: 0 };
    if (f.currency && isCurrencyCode(f.currency)) Object.assign(o, { style: 'currency', currency: f.currency });
    return numberFormat(getLocale(), o).format(value);
  }
  // Figures in a chart need not line up as a table's do: a share reads "25%", not "25.0%".
  if (f.format === 'percent' && typeof value === 'number') return numberFormat(getLocale(), { style: 'percent', maximumFractionDigits: 1 }).format(value);
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean' && value !== null && value !== undefined) return String(value);
  return formatColumnValue(value ?? null, f.format, f.currency);
}

/** The `expressionFunctions` option of vega-embed. */
export const chartExpressionFunctions = { [chartFormatType]: chartValue };
