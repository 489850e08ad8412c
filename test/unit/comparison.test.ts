// Pins which period a headline is compared with (the period before, or the same calendar dates a
// year earlier) and how much of it the data covers: a change is only fair against a period the
// data covers in full, so "All time" or a first year holding one month never shows one.
import { expect, test } from 'vitest';
import { comparisonPeriod, coverage, shownShare, yearEarlier } from '../../src/lib/comparison';

const data = { start: '2023-01-01', end: '2025-12-31' };

test('the period before is the same number of days, ending the day before', () => {
  expect(comparisonPeriod('2025-01-01', '2025-12-31', 'previous')).toEqual({ start: '2024-01-02', end: '2024-12-31' });
});

test('the same period last year is calendar-aligned: year to date against last year to the same day', () => {
  expect(comparisonPeriod('2025-01-01', '2025-11-29', 'lastYear')).toEqual({ start: '2024-01-01', end: '2024-11-29' });
  // The last 90 days to 15 March 2025 against the same dates in 2024 (a leap year: 91 days).
  expect(comparisonPeriod('2024-12-16', '2025-03-15', 'lastYear')).toEqual({ start: '2023-12-16', end: '2024-03-15' });
});

test('29 February a year earlier is 28 February', () => {
  expect(yearEarlier('2024-02-29')).toBe('2023-02-28');
  expect(yearEarlier('2025-03-01')).toBe('2024-03-01');
});

test('a comparison period inside the data is covered in full, to the first and last day inclusive', () => {
  expect(coverage({ start: '2023-01-01', end: '2023-12-31' }, data)).toEqual({ kind: 'full' });
  expect(coverage({ start: '2025-12-31', end: '2025-12-31' }, data)).toEqual({ kind: 'full' });
});

test('"All time" is compared with a period wholly before the first order: no coverage', () => {
  const compare = comparisonPeriod(data.start, data.end, 'previous');
  expect(compare.end).toBe('2022-12-31');
  expect(coverage(compare, data)).toEqual({ kind: 'none' });
});

test('a previous year holding one month of data is 31 of 365 days covered', () => {
  const shop = { start: '2024-12-01', end: '2025-12-31' };
  const cov = coverage(comparisonPeriod('2025-01-01', '2025-12-31', 'lastYear'), shop);
  expect(cov).toEqual({ kind: 'partial', fraction: 31 / 366 });
  expect(shownShare(31 / 366)).toBe(0.08);
});

test('the shown share rounds down and never says 0 % or 100 % of a partly covered period', () => {
  expect(shownShare(0.996)).toBe(0.99);
  expect(shownShare(1 / 365)).toBe(0.01);
  expect(shownShare(0.5)).toBe(0.5);
});

test('an unreadable date counts as no coverage, never as NaN', () => {
  expect(coverage({ start: '2025-01-01', end: '2025-12-31' }, { start: '', end: '2025-12-31' })).toEqual({ kind: 'none' });
});
