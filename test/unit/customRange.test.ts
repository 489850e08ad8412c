// Pins the check a typed date range passes before it is applied: a partly typed day is not a day,
// a day outside the data lands on its first or last day (and says which), and From after To is
// refused, never swapped.
import { expect, test } from 'vitest';
import { checkRange } from '../../src/lib/customRange';

const data = { start: '2023-01-01', end: '2025-12-31' };

test('a range within the data is taken as typed', () => {
  expect(checkRange('2025-02-01', '2025-02-28', data)).toEqual({ ok: true, start: '2025-02-01', end: '2025-02-28', moved: {} });
  expect(checkRange('2025-02-01', '2025-02-01', data)).toEqual({ ok: true, start: '2025-02-01', end: '2025-02-01', moved: {} });
});

test('a day outside the data moves to its first or last day', () => {
  expect(checkRange('0024-12-31', '3152-01-01', data)).toEqual({ ok: true, start: '2023-01-01', end: '2025-12-31', moved: { start: 'first', end: 'last' } });
  expect(checkRange('2025-06-01', '2026-01-31', data)).toEqual({ ok: true, start: '2025-06-01', end: '2025-12-31', moved: { end: 'last' } });
  // Data not known yet: nothing to keep it within.
  expect(checkRange('0024-12-31', '2025-01-01', {})).toEqual({ ok: true, start: '0024-12-31', end: '2025-01-01', moved: {} });
});

test('From after To, or a day not fully typed, is refused', () => {
  expect(checkRange('2025-03-01', '2025-02-01', data)).toEqual({ ok: false, problem: 'order' });
  // After moving into the data: From 3152 becomes the last day, after To.
  expect(checkRange('3152-01-01', '2025-06-30', data)).toEqual({ ok: false, problem: 'order' });
  expect(checkRange('', '2025-02-01', data)).toEqual({ ok: false, problem: 'incomplete' });
});
