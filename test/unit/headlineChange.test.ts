// Pins how a headline's change reads and whether it is good news: shares change in percentage
// points, scores in points, everything else in relative percent; the colour follows the module's
// `better:`, and a change that rounds to nothing is grey.
import { beforeAll, expect, test } from 'vitest';
import { headlineChange } from '../../src/lib/headlineChange';
import { setLocale } from '../../src/lib/i18n';

beforeAll(() => setLocale('en-US'));

test('NPS 20 → 25 is five points up, good news', () => {
  expect(headlineChange(25, 20, 'score', 'higher')).toEqual({ text: '+5 pts', tone: 'better' });
});

test('a score moving one point says "pt", and a fall of a higher-is-better score is bad news', () => {
  expect(headlineChange(19, 20, 'score', 'higher')).toEqual({ text: '-1 pt', tone: 'worse' });
});

test('CES, where lower is less effort, falling from 4.5 to 4.2 is good news in points', () => {
  expect(headlineChange(4.2, 4.5, 'score', 'lower')).toEqual({ text: '-0.3 pts', tone: 'better' });
});

test('churn 10% → 12% is two percentage points up, bad news', () => {
  expect(headlineChange(0.12, 0.1, 'percent', 'lower')).toEqual({ text: '+2.0 pp', tone: 'worse' });
});

test('a share changes in points even from zero, where a relative change has no meaning', () => {
  expect(headlineChange(0.05, 0, 'percent', 'higher')).toEqual({ text: '+5.0 pp', tone: 'better' });
  expect(headlineChange(10, 0, 'score', 'higher')).toEqual({ text: '+10 pts', tone: 'better' });
});

test('CAC up is bad news, in relative percent', () => {
  expect(headlineChange(55, 50, 'currency', 'lower')).toEqual({ text: '+10%', tone: 'worse' });
});

test('"a new customer every N minutes" getting shorter is good news', () => {
  expect(headlineChange(30, 40, 'minutes', 'lower')).toEqual({ text: '-25%', tone: 'better' });
});

test('revenue per customer down is bad news', () => {
  expect(headlineChange(90, 100, 'currency', 'higher')).toEqual({ text: '-10%', tone: 'worse' });
});

test('a neutral KPI is grey whichever way it moves', () => {
  expect(headlineChange(0.6, 0.5, 'percent', 'neutral')).toEqual({ text: '+10.0 pp', tone: 'neutral' });
  expect(headlineChange(0.4, 0.5, 'percent', 'neutral')).toEqual({ text: '-10.0 pp', tone: 'neutral' });
});

test('an unchanged headline, or one whose change rounds to nothing, is grey and unsigned', () => {
  expect(headlineChange(0.1, 0.1, 'percent', 'lower')).toEqual({ text: '0.0 pp', tone: 'neutral' });
  expect(headlineChange(0.10001, 0.1, 'percent', 'lower')).toEqual({ text: '0.0 pp', tone: 'neutral' });
  expect(headlineChange(20.04, 20, 'score', 'higher')).toEqual({ text: '0 pts', tone: 'neutral' });
  expect(headlineChange(100.0001, 100, 'currency', 'higher')).toEqual({ text: '0%', tone: 'neutral' });
});

test('no comparison without two numbers, or for a relative change from zero', () => {
  expect(headlineChange(5, null, 'integer', 'higher')).toBeUndefined();
  expect(headlineChange(null, 5, 'integer', 'higher')).toBeUndefined();
  expect(headlineChange(5, 0, 'integer', 'higher')).toBeUndefined();
});

test('never NaN: a value that is not a finite number (0/0 over an empty period) means no comparison', () => {
  for (const format of ['percent', 'score', 'currency', 'integer'] as const) {
    expect(headlineChange(NaN, 0.5, format, 'higher')).toBeUndefined();
    expect(headlineChange(0.5, NaN, format, 'higher')).toBeUndefined();
    expect(headlineChange(0.5, Infinity, format, 'higher')).toBeUndefined();
    expect(headlineChange(-Infinity, 0.5, format, 'higher')).toBeUndefined();
  }
});

test('a module that does not say which way is better shows its change in grey', () => {
  expect(headlineChange(12, 10, 'integer')).toEqual({ text: '+20%', tone: 'neutral' });
});
