/** The cell headline and table values, formatted for the reader's locale. */
import { isCurrencyCode } from './currency';
import { getLocale, t } from './i18n';
import type { ColumnFormat, HeadlineFormat } from './queryModule';
import type { SqlValue } from './db';

/**
 * `currency` is an ISO code; without one (the data has no currency and the user chose none)
 * money is a plain number with the same digits, never someone else's symbol.
 */
export function formatHeadline(value: SqlValue, format: HeadlineFormat, currency?: string): string {
  if (value === null || value === undefined) return '–';
  if (typeof value !== 'number') return String(value);
  const nf = (o: Intl.NumberFormatOptions) => new Intl.NumberFormat(getLocale(), o).format(value);
  switch (format) {
    case 'integer':
      return nf({ maximumFractionDigits: 0 });
    case 'percent':
      return nf({ style: 'percent', maximumFractionDigits: 1 });
    case 'score':
      return nf({ maximumFractionDigits: 1 });
    case 'currency': {
      const digits = Math.abs(value) >= 1000 ? 0 : 2;
      if (currency && isCurrencyCode(currency)) return nf({ style: 'currency', currency, maximumFractionDigits: digits });
      return nf({ minimumFractionDigits: digits, maximumFractionDigits: digits });
    }
    case 'hours':
      return nf({ style: 'unit', unit: 'hour', maximumFractionDigits: 1 });
    case 'days':
      return nf({ style: 'unit', unit: 'day', maximumFractionDigits: 1 });
    case 'minutes':
      return nf({ style: 'unit', unit: 'minute', maximumFractionDigits: 0 });
    default:
      return nf({ maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 2 });
  }
}

export function formatCell(value: SqlValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return new Intl.NumberFormat(getLocale(), { maximumFractionDigits: 4 }).format(value);
  return String(value);
}

/**
 * One value of a result column, as tables, chart axes and tooltips show it (see `show:` in
 * queries/README.md). Money keeps two decimals so a column's figures line up; shares read as
 * percents; dates arrive as ISO text (`2025-01-01`) and read as the column's grain.
 */
export function formatColumnValue(value: SqlValue, format: ColumnFormat, currency?: string): string {
  if (value === null || value === undefined) return '–';
  switch (format) {
    case 'currency': {
      if (typeof value !== 'number') return String(value);
      const o: Intl.NumberFormatOptions = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
      if (currency && isCurrencyCode(currency)) Object.assign(o, { style: 'currency', currency });
      return new Intl.NumberFormat(getLocale(), o).format(value);
    }
    case 'month':
    case 'week':
    case 'date': {
      // A month may also come as `2025-01` (a cohort's name).
      const day = typeof value === 'string' ? /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(value) : null;
      if (!day) return String(value);
      const at = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3] ?? 1)));
      const o: Intl.DateTimeFormatOptions = format === 'month' ? { month: 'short', year: 'numeric' } : { day: 'numeric', month: 'short', year: 'numeric' };
      const text = new Intl.DateTimeFormat(getLocale(), { ...o, timeZone: 'UTC' }).format(at);
      return format === 'week' ? t('format.weekOf', { day: text }) : text;
    }
    case 'category':
      return typeof value === 'string' ? humaniseCode(value) : String(value);
    case 'text':
      return typeof value === 'number' ? formatCell(value) : String(value);
    default:
      return formatHeadline(value, format, currency);
  }
}

/** A code from an export (`paid_search`, `EMAIL`, `word-of-mouth`) as words: "Paid search". */
export function humaniseCode(code: string): string {
  // Words of letters joined by _ or -, or one word all in one case; ids and names stay as they are.
  if (!/^[A-Za-z]+([_-][A-Za-z]+)*$/.test(code) || (!/[_-]/.test(code) && !/^([a-z]+|[A-Z]+)$/.test(code))) return code;
  const words = code.replace(/[_\-]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
