import { afterEach, expect, test } from 'vitest';
import { formatColumnValue, formatHeadline, formatSqlValue, humaniseCode, isNumericType } from '../../src/lib/formatValue';
import { setLocale } from '../../src/lib/i18n';

afterEach(() => setLocale('en-US'));

test('money keeps two decimals in a column, with the currency when there is one', () => {
  setLocale('en-US');
  expect(formatColumnValue(84610.7, 'currency', 'EUR')).toBe('€84,610.70');
  expect(formatColumnValue(46019.72, 'currency', 'EUR')).toBe('€46,019.72');
  expect(formatColumnValue(12.5, 'currency')).toBe('12.50');
});

test('shares read as percents, dates as their grain, codes as words', () => {
  setLocale('en-US');
  expect(formatColumnValue(0.2993, 'percent')).toBe('29.9%');
  expect(formatColumnValue('2025-01-01', 'month')).toBe('Jan 2025');
  expect(formatColumnValue('2025-01-06', 'week')).toBe('week of Jan 6, 2025');
  expect(formatColumnValue('2025-01-06', 'date')).toBe('Jan 6, 2025');
  expect(formatColumnValue('paid_search', 'category')).toBe('Paid search');
  expect([12, 1.5, 1234].map((v) => formatColumnValue(v, 'quantity'))).toEqual(['12', '1.5', '1,234']);
  expect(formatColumnValue(null, 'currency')).toBe('–');
});

test("shares, scores, numbers and durations keep a fixed number of decimals, so a column's figures line up", () => {
  setLocale('en-US');
  expect([0.98, 0.981, 0].map((v) => formatColumnValue(v, 'percent'))).toEqual(['98.0%', '98.1%', '0.0%']);
  expect([3.1, 12].map((v) => formatColumnValue(v, 'number'))).toEqual(['3.10', '12.00']);
  expect(formatColumnValue(11.24, 'score')).toBe('11.2');
  expect(formatColumnValue(3, 'hours')).toBe('3.0 hr');
  expect(formatColumnValue(12, 'days')).toBe('12.0 days');
  expect(formatColumnValue(1234, 'integer')).toBe('1,234');
});

test('a French reader gets French digits and months', () => {
  setLocale('fr-FR');
  expect(formatColumnValue(1234.5, 'currency', 'EUR')).toBe('1\u202f234,50\u00a0€');
  expect(formatColumnValue('2025-02-01', 'month')).toBe('févr. 2025');
});

test('codes become words; names and sentences stay as they are', () => {
  expect(humaniseCode('paid_search')).toBe('Paid search');
  expect(humaniseCode('EMAIL')).toBe('Email');
  expect(humaniseCode('word-of-mouth')).toBe('Word of mouth');
  expect(humaniseCode('organic')).toBe('Organic');
  expect(humaniseCode('Jane Doe')).toBe('Jane Doe');
  expect(humaniseCode('C-1042')).toBe('C-1042');
});

test('a cohort given as its month (2025-01) reads as that month; a date needs its day', () => {
  setLocale('en-US');
  expect(formatColumnValue('2025-01', 'month')).toBe('Jan 2025');
  expect(formatColumnValue('2025-01', 'date')).toBe('2025-01');
  expect(formatColumnValue('2025-03-04 10:30:00', 'date')).toBe('Mar 4, 2025');
});

test('an interval in minutes reads in the unit that fits it: minutes, hours under two days, days', () => {
  setLocale('en-US');
  expect(formatHeadline(45, 'interval')).toBe('45 minutes');
  expect(formatHeadline(2.54, 'interval')).toBe('2.5 minutes');
  expect(formatHeadline(192, 'interval')).toBe('3.2 hours');
  expect(formatHeadline(59.8, 'interval')).toBe('1 hour');
  expect(formatHeadline(47.9 * 60, 'interval')).toBe('47.9 hours');
  expect(formatHeadline(47.97 * 60, 'interval')).toBe('2 days');
  expect(formatHeadline(4.5 * 1440, 'interval')).toBe('4.5 days');
  expect(formatColumnValue(192, 'interval')).toBe('3.2 hours');
  expect(formatHeadline(null, 'interval')).toBe('–');
  setLocale('fr-FR');
  expect(formatHeadline(192, 'interval')).toBe('3,2\u00a0heures');
});

test('free SQL values read by their Arrow type: grouped numbers with at most two decimals, dates as dates', () => {
  setLocale('en-US');
  expect(formatSqlValue(84610.7123, 'Float64')).toBe('84,610.71');
  expect(formatSqlValue(0.172905525847, 'Float64')).toBe('0.17');
  expect(formatSqlValue(1200, 'Int64')).toBe('1,200');
  expect(formatSqlValue('2025-01-01', 'Date32<DAY>')).toBe('Jan 1, 2025');
  expect(formatSqlValue('2025-01-01 14:05:00', 'Timestamp<MICROSECOND>')).toBe('Jan 1, 2025, 2:05 PM');
  expect(formatSqlValue('paid_search', 'Utf8')).toBe('paid_search');
  expect(formatSqlValue(true, 'Bool')).toBe('true');
  expect(formatSqlValue(null, 'Float64')).toBe('–');
  expect(isNumericType('Decimal[18e3]')).toBe(true);
  expect(isNumericType('Uint8')).toBe(true);
  expect(isNumericType('Utf8')).toBe(false);
});
