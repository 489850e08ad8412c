import { afterEach, expect, test } from 'vitest';
import { formatColumnValue, humaniseCode } from '../../src/lib/formatValue';
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
  expect(formatColumnValue(null, 'currency')).toBe('–');
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
