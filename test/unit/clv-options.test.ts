// The lifetime-value options a person sets are refused outside their bounds by one rule, for
// the page's fields and the runner's --horizon and --discount: a horizon of 1 to 120 whole
// months, a monthly discount of 0 to 10 entered as a percent (10 is 10 %, not 1000 %).
import { describe, expect, test } from 'vitest';
import { parseKpiArgs } from '../../src/cli/kpiArgs';
import { discountPercentText, parseDiscountPercent, parseHorizon } from '../../src/lib/clv/clvOptions';

describe('horizon', () => {
  test.each(['1', '12', '120', ' 36 '])('%s months is taken', (raw) => {
    expect(parseHorizon(raw)).toEqual({ ok: true, value: Number(raw) });
  });
  test.each(['-3', '0', '121', '1.5', '', 'twelve', '1e2'])('%s is refused with the bounds', (raw) => {
    expect(parseHorizon(raw)).toEqual({ ok: false, problem: 'The horizon is a whole number of months from 1 to 120.' });
  });
});

describe('monthly discount, as a percent', () => {
  test('the percent becomes the monthly rate', () => {
    expect(parseDiscountPercent('1')).toEqual({ ok: true, value: 0.01 });
    expect(parseDiscountPercent('0')).toEqual({ ok: true, value: 0 });
    expect(parseDiscountPercent('10')).toEqual({ ok: true, value: 0.1 });
    expect(parseDiscountPercent('2.5 %')).toEqual({ ok: true, value: 0.025 });
  });
  test.each(['10.5', '-1', '50', '', 'abc'])('%s is refused with the bounds', (raw) => {
    expect(parseDiscountPercent(raw)).toEqual({ ok: false, problem: 'The monthly discount is a percent from 0 to 10.' });
  });
  test('the rate shows as the percent typed', () => {
    expect(discountPercentText(0.01)).toBe('1');
    expect(discountPercentText(0.025)).toBe('2.5');
  });
});

describe('the runner applies the same bounds', () => {
  test('good values reach the fit options', () => {
    expect(parseKpiArgs(['orders.csv', '--horizon', '24', '--discount', '1.5'])).toMatchObject({ horizonMonths: 24, monthlyDiscount: 0.015 });
    expect(parseKpiArgs(['orders.csv'])).toMatchObject({ horizonMonths: undefined, monthlyDiscount: undefined });
  });
  test('a bad value stops it with the page’s sentence', () => {
    expect(() => parseKpiArgs(['orders.csv', '--horizon=-3'])).toThrow('--horizon -3: The horizon is a whole number of months from 1 to 120.');
    expect(() => parseKpiArgs(['orders.csv', '--discount', '10.5'])).toThrow('--discount 10.5: The monthly discount is a percent from 0 to 10.');
  });
});
