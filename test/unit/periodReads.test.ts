// Which SQL reads the date range: a getvariable of period_start or period_end in any spelling,
// a getvariable whose name is computed (it may be the period), or the lifetime-value
// predictions (refitted for each range). Other variables and plain SQL do not.
import { expect, test } from 'vitest';
import { readsFit, readsPeriod, readsPeriodWith } from '../../src/lib/periodReads';

test.each([
  "select * from orders where order_date >= getvariable('period_start')",
  "select getvariable( 'PERIOD_END' )::date",
  "select getvariable('period_' || 'start')",
  'select getvariable(name) from vars',
  'select customer_id from clv_predictions',
  "-- getvariable('period_end')\nselect 1",
])('reads the period: %s', (sql) => {
  expect(readsPeriod(sql)).toBe(true);
});

test.each([
  'select count(*) from orders a, orders b',
  "select * from orders limit getvariable('top')",
  "select 'period_start' as label",
  'select * from clv_predictions_backup',
])('does not read the period: %s', (sql) => {
  expect(readsPeriod(sql)).toBe(false);
});

test('the fit’s predictions are read by name, not by a longer name that contains it', () => {
  expect(readsFit('select * from CLV_PREDICTIONS')).toBe(true);
  expect(readsFit('select * from my_clv_predictions')).toBe(false);
});

test('a module that reads the period only through a module it uses (uses:) reads it', async () => {
  const { readCatalog } = await import('../../src/cli/readModules');
  const rfm = readCatalog().current.find((m) => m.id === 'rfm_segments')!;
  expect(readsPeriod(rfm.sql)).toBe(false);
  expect(readsPeriodWith(rfm.sql, rfm.views)).toBe(true);
  expect(readsPeriodWith('select 1', [{ sql: 'select 2' }])).toBe(false);
});
