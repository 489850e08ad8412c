/** The cell headline and table values, formatted for the reader's locale. */
import { isCurrencyCode } from './currency';
import { getLocale } from './i18n';
import type { HeadlineFormat } from './queryModule';
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
