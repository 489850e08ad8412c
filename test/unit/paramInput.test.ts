// Pins how the page offers a module's parameters: the control each `input:` line asks for, a
// label in the user's words from every current module's description, a share typed as a percent
// (20 is 0.2, shown back as 20, never 20.000000000000004), and what typed text is refused for —
// the same paramIssue rule the runner's --param applies.
import { expect, test } from 'vitest';
import { readCatalog } from '../../src/cli/readModules';
import { numberBounds, paramControl, readParam, shownParam } from '../../src/lib/paramInput';

const catalog = readCatalog().current;
const param = (module: string, name: string) => catalog.find((m) => m.id === module)!.params.find((p) => p.name === name)!;

test('the control follows the input line and the type', () => {
  expect(paramControl(param('new_customers', 'grain'))).toBe('select');
  expect(paramControl(param('csat', 'scale'))).toBe('select');
  expect(paramControl(param('top_customer_share', 'top_share'))).toBe('number');
  expect(paramControl(param('clv_summary', 'holdout_check'))).toBe('checkbox');
  expect(paramControl(param('clv_summary', 'calibration_end'))).toBe('date');
  expect(numberBounds(param('top_customer_share', 'top_share'))).toEqual({ min: 1, max: 99, step: 1 });
  expect(numberBounds(param('clv_top_customers', 'top'))).toEqual({ min: 1, max: 1000, step: 1 });
  expect(numberBounds(param('clv_summary', 'time_unit_days'))).toEqual({ min: 1, max: 30, step: 'any' });
});

test('a share is typed as a percent and shown back as one', () => {
  const share = param('top_customer_share', 'top_share');
  expect(readParam(share, '20')).toEqual({ ok: true, value: 0.2 });
  expect(readParam(share, '57')).toEqual({ ok: true, value: 0.57 });
  expect(shownParam(share, 0.57)).toBe('57');
  expect(shownParam(share, 0.2)).toBe('20');
  expect(readParam(share, '150')).toEqual({ ok: false, issue: { kind: 'range', min: 0.01, max: 0.99, unit: 'percent' } });
  expect(readParam(share, '0.2')).toEqual({ ok: false, issue: { kind: 'range', min: 0.01, max: 0.99, unit: 'percent' } });
});

test('typed text is refused out of range, of the wrong type, or empty where the module needs a value', () => {
  const top = param('clv_top_customers', 'top');
  expect(readParam(top, ' 10 ')).toEqual({ ok: true, value: 10 });
  expect(readParam(top, '-3')).toEqual({ ok: false, issue: { kind: 'range', min: 1, max: 1000, unit: 'customers' } });
  expect(readParam(top, '2.5')).toEqual({ ok: false, issue: { kind: 'integer' } });
  expect(readParam(top, 'ten')).toEqual({ ok: false, issue: { kind: 'number' } });
  expect(readParam(top, '')).toEqual({ ok: false, issue: { kind: 'required' } });
  // A parameter whose default is null: empty is "automatic".
  expect(readParam(param('historical_ltv', 'within_days'), '')).toEqual({ ok: true, value: null });
  expect(readParam(param('new_customers', 'grain'), 'Monthly')).toEqual({ ok: false, issue: { kind: 'choice', options: ['day', 'week', 'month'] } });
  expect(readParam(param('clv_summary', 'calibration_end'), '2025-13-01')).toEqual({ ok: false, issue: { kind: 'date' } });
});
