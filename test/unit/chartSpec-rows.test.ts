// A chart guessed for a SQL result (src/lib/chartSpec.ts) draws at most guessedBarLimit bars, and
// every row of a line or point chart; module charts are not affected (they do not go through it).
import { expect, test } from 'vitest';
import { guessChartSpec, guessedBarLimit, guessedChartRows } from '../../src/lib/chartSpec';

const rows = Array.from({ length: 5000 }, (_, i) => ({ order_id: `O${i}`, day: `2024-01-${String((i % 28) + 1).padStart(2, '0')}`, i, revenue: i / 2 }));

test('a bar per row is cut to the first guessedBarLimit rows', () => {
  const spec = guessChartSpec([{ name: 'order_id', type: 'Utf8' }, { name: 'revenue', type: 'Float64' }], rows);
  expect((spec?.mark as { type: string }).type).toBe('bar');
  const drawn = guessedChartRows(spec, rows);
  expect(drawn).toHaveLength(guessedBarLimit);
  expect(drawn[guessedBarLimit - 1]).toBe(rows[guessedBarLimit - 1]);
  expect(guessedChartRows(spec, rows.slice(0, 12))).toHaveLength(12);
});

test('lines and points draw every row they have', () => {
  const line = guessChartSpec([{ name: 'day', type: 'Date32<DAY>' }, { name: 'revenue', type: 'Float64' }], rows);
  const points = guessChartSpec([{ name: 'i', type: 'Int32' }, { name: 'revenue', type: 'Float64' }], rows);
  expect(guessedChartRows(line, rows)).toHaveLength(5000);
  expect(guessedChartRows(points, rows)).toHaveLength(5000);
});
