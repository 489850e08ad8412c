/**
 * Vega's own number and date formats (d3-format / d3-time-format locale definitions) for the
 * reader's locale, passed to vega-embed as `formatLocale` and `timeFormatLocale`. Module charts
 * write their labels through `columnValue` (chartFormat.ts), which already follows the locale;
 * these cover what Vega formats itself (a hand-edited spec's `format: ",.0f"`, a time axis with
 * no column format). Built from Intl rather than tables, so every locale Intl knows gets its own
 * separators, month and day names.
 */
import { getLocale } from './i18n';

export interface NumberLocale {
  decimal: string;
  thousands: string;
  grouping: number[];
  currency: [string, string];
}

export interface TimeLocale {
  dateTime: string;
  date: string;
  time: string;
  periods: [string, string];
  days: string[];
  shortDays: string[];
  months: string[];
  shortMonths: string[];
}

function part(parts: Intl.NumberFormatPart[], type: string, fallback: string): string {
  return parts.find((p) => p.type === type)?.value ?? fallback;
}

/** The d3-format locale for `locale` (`fr-FR`: decimal ",", thousands a narrow no-break space). */
export function numberLocale(locale = getLocale()): NumberLocale {
  const parts = new Intl.NumberFormat(locale, { useGrouping: 'always' } as unknown as Intl.NumberFormatOptions).formatToParts(1234567.5);
  // The money sign's place: before ("€1") or after ("1 €"); d3 takes the text on each side.
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).formatToParts(1);
  const numeric = (p: Intl.NumberFormatPart) => p.type === 'integer' || p.type === 'decimal' || p.type === 'fraction' || p.type === 'group';
  const first = money.findIndex(numeric);
  const last = money.length - 1 - [...money].reverse().findIndex(numeric);
  const text = (ps: Intl.NumberFormatPart[]) => ps.filter((p) => p.type === 'currency' || p.type === 'literal').map((p) => p.value).join('');
  return {
    decimal: part(parts, 'decimal', '.'),
    thousands: part(parts, 'group', ','),
    grouping: [3],
    currency: [text(money.slice(0, first)), text(money.slice(last + 1))],
  };
}

const utc = (month: number, day: number) => new Date(Date.UTC(2024, month, day));

/** The d3-time-format locale for `locale`: its month and day names and its date and time order. */
export function timeLocale(locale = getLocale()): TimeLocale {
  const name = (o: Intl.DateTimeFormatOptions) => (d: Date) => new Intl.DateTimeFormat(locale, { ...o, timeZone: 'UTC' }).format(d);
  // 7 January 2024 was a Sunday, d3's first day.
  const days = Array.from({ length: 7 }, (_, i) => utc(0, 7 + i));
  const months = Array.from({ length: 12 }, (_, i) => utc(i, 1));
  const hour12 = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hour12 ?? false;
  const order = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' })
    .formatToParts(utc(11, 31))
    .map((p) => (p.type === 'day' ? '%d' : p.type === 'month' ? '%m' : p.type === 'year' ? '%Y' : p.value))
    .join('');
  const time = hour12 ? '%I:%M:%S %p' : '%H:%M:%S';
  return {
    dateTime: `${order} ${time}`,
    date: order,
    time,
    periods: ['AM', 'PM'],
    days: days.map(name({ weekday: 'long' })),
    shortDays: days.map(name({ weekday: 'short' })),
    months: months.map(name({ month: 'long' })),
    shortMonths: months.map(name({ month: 'short' })),
  };
}
