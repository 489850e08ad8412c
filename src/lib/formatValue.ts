/** The cell headline and table values, formatted for the reader's locale. */
import { isCurrencyCode } from './currency';
import { getLocale, hasMessage, t } from './i18n';
import type { ColumnFormat, HeadlineFormat } from './queryModule';
import type { SqlValue } from './db';
import { dateTimeFormat, numberFormat } from './intlFormats';

/**
 * `currency` is an ISO code; without one (the data has no currency and the user chose none)
 * money is a plain number with the same digits, never someone else's symbol.
 */
export function formatHeadline(value: SqlValue, format: HeadlineFormat, currency?: string): string {
  if (value === null || value === undefined) return '–';
  if (typeof value !== 'number') return String(value);
  const nf = (o: Intl.NumberFormatOptions) => numberFormat(getLocale(), o).format(value);
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
    case 'interval':
      return formatInterval(value);
    default:
      return nf({ maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 2 });
  }
}

/**
 * A time given in minutes, in the unit a reader takes in at a glance: minutes under an hour,
 * hours under two days, days beyond ("3.2 hours", not "192 min"). The unit is chosen on the
 * rounded figure, so 59.8 minutes reads "1 hour", never "60 minutes".
 */
function formatInterval(minutes: number): string {
  const long = (amount: number, unit: string, digits: number) =>
    numberFormat(getLocale(), { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: digits }).format(amount);
  const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
  const minuteDigits = Math.abs(minutes) < 10 ? 1 : 0;
  if (Math.abs(round(minutes, minuteDigits)) < 60) return long(minutes, 'minute', minuteDigits);
  if (Math.abs(round(minutes / 60, 1)) < 48) return long(minutes / 60, 'hour', 1);
  return long(minutes / 1440, 'day', 1);
}

export function formatCell(value: SqlValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return numberFormat(getLocale(), { maximumFractionDigits: 4 }).format(value);
  return String(value);
}

/**
 * One value of a result column, as tables, chart axes and tooltips show it (see `show:` in
 * queries/README.md). Money keeps two decimals, and shares, scores, numbers and durations a fixed
 * number too, so a column's figures line up; shares read as percents; dates arrive as ISO text (`2025-01-01`) and read as the column's grain.
 */
export function formatColumnValue(value: SqlValue, format: ColumnFormat, currency?: string): string {
  if (value === null || value === undefined) return '–';
  switch (format) {
    case 'currency': {
      if (typeof value !== 'number') return String(value);
      const o: Intl.NumberFormatOptions = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
      if (currency && isCurrencyCode(currency)) Object.assign(o, { style: 'currency', currency });
      return numberFormat(getLocale(), o).format(value);
    }
    case 'month':
    case 'week':
    case 'date': {
      // A month may come as `2025-01` (a cohort's label) as well as its first day.
      const day = typeof value === 'string' ? /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(value) : null;
      if (!day || (!day[3] && format !== 'month')) return String(value);
      const at = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3] ?? 1)));
      const o: Intl.DateTimeFormatOptions = format === 'month' ? { month: 'short', year: 'numeric' } : { day: 'numeric', month: 'short', year: 'numeric' };
      const text = dateTimeFormat(getLocale(), { ...o, timeZone: 'UTC' }).format(at);
      return format === 'week' ? t('format.weekOf', { day: text }) : text;
    }
    case 'percent':
    case 'number':
    case 'score':
    case 'hours':
    case 'days': {
      if (typeof value !== 'number') return String(value);
      // A fixed number of decimals, so a column's figures line up (98.0%, not 98% above 98.1%).
      const digits = format === 'number' ? 2 : 1;
      const unit = format === 'hours' ? 'hour' : format === 'days' ? 'day' : undefined;
      const style = format === 'percent' ? 'percent' : unit ? 'unit' : 'decimal';
      return numberFormat(getLocale(), { style, unit, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
    }
    case 'quantity':
      // Units bought are mostly whole: 12 reads "12", and a weighed 1.5 kg keeps its fraction.
      return typeof value === 'number' ? numberFormat(getLocale(), { maximumFractionDigits: 3 }).format(value) : String(value);
    case 'category':
      return typeof value === 'string' ? categoryWords(value) : String(value);
    case 'text':
      return typeof value === 'number' ? formatCell(value) : String(value);
    default:
      return formatHeadline(value, format, currency);
  }
}

/** Whether a free SQL column's Arrow type (`Int64`, `Float64`, `Decimal[18e3]`) holds numbers. */
export function isNumericType(type: string): boolean {
  return /^(u?int|float|decimal)/i.test(type);
}

/**
 * One value of a free SQL result, which has no `show:` lines, by its Arrow type: numbers grouped
 * with at most two decimals, dates as dates, a timestamp as its date and time, text as it is.
 */
export function formatSqlValue(value: SqlValue, type: string): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'number') return numberFormat(getLocale(), { maximumFractionDigits: 2 }).format(value);
  if (typeof value !== 'string') return String(value);
  if (/^date/i.test(type)) return formatColumnValue(value, 'date');
  const at = /^timestamp/i.test(type) ? /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/.exec(value) : null;
  if (!at) return value;
  const [y, mo, d, h, mi, sec] = at.slice(1).map((n) => Number(n ?? 0));
  return dateTimeFormat(getLocale(), { dateStyle: 'medium', timeStyle: sec ? 'medium' : 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(y, mo - 1, d, h, mi, sec)));
}

/**
 * A category as the reader's language says it: the codes modules produce (`one-time`, `positive`,
 * `unknown`), the RFM segment names (`At risk`) and the usual channel codes have words in the catalog
 * (`value.<code>`, any run of other characters read as `_`); any other
 * code from the data is only made readable (`humaniseCode`), since it is the shop's own word.
 */
export function categoryWords(code: string): string {
  const key = `value.${code.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_')}`;
  return hasMessage(key) ? t(key) : humaniseCode(code);
}

/** A code from an export (`paid_search`, `EMAIL`, `word-of-mouth`) as words: "Paid search". */
export function humaniseCode(code: string): string {
  // Words of letters joined by _ or -, or one word all in one case; ids and names stay as they are.
  if (!/^[A-Za-z]+([_-][A-Za-z]+)*$/.test(code) || (!/[_-]/.test(code) && !/^([a-z]+|[A-Z]+)$/.test(code))) return code;
  const words = code.replace(/[_\-]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
