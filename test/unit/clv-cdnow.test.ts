// Reproduces the published CDNOW results from the raw purchases (test/fixtures/cdnow, a copy of ../shared/data/cdnow): the
// holdout check's fit (clv_summary with a 39-week calibration period), then BG/NBD (Fader, Hardie & Lee
// 2005: r 0.243, alpha 4.414, a 0.793, b 2.426, LL -9582.4) and Gamma-Gamma on the 946
// repeaters (Fader & Hardie 2013: p 6.25, q 3.74, gamma 15.44), to the printed precision. The
// predictions themselves come from the other fit, on all 78 weeks as of the range's end.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readCatalog } from '../../src/cli/readModules';
import { fitClv, type ClvFit, type HoldoutCheck } from '../../src/lib/clv/fitClv';
import { runModule } from '../../src/lib/runModule';
import { createTableSql } from '../../src/lib/canonical';
import { applyScope, ensureBaseSchema, setPeriod } from '../../src/lib/scope';
import { openWasmDb, type WasmDb } from '../support/wasmDb';

const cdnow = fileURLToPath(new URL('../fixtures/cdnow/CDNOW_sample.txt', import.meta.url));

/** The raw file into base.orders (order_id = line number, order_date from YYYYMMDD, revenue = dollars), then scoped. */
async function loadCdnow(db: WasmDb) {
  const lines = readFileSync(cdnow, 'utf8').trim().split(/\r?\n/).map((line) => line.trim().split(/\s+/));
  await ensureBaseSchema(db);
  await db.exec('drop table if exists base.orders cascade');
  await db.exec(createTableSql('orders', 'base.orders'));
  await db.insertColumns('cdnow_raw', {
    line: Float64Array.from(lines, (_, i) => i + 1),
    customer_id: lines.map((f) => f[1]),
    ymd: lines.map((f) => f[2]),
    dollars: Float64Array.from(lines, (f) => Number(f[4])),
  });
  await db.exec(
    "insert into base.orders (order_id, customer_id, order_date, revenue) select cast(line as bigint)::varchar, customer_id, strptime(ymd, '%Y%m%d'), dollars from cdnow_raw",
  );
  await applyScope(db, { start: '1997-01-01', end: '1998-06-30' }, ['orders']);
}

let db: WasmDb;
let both: ClvFit;
let fit: HoldoutCheck;
beforeAll(async () => {
  db = await openWasmDb();
  await loadCdnow(db);
  const summary = readCatalog().current.find((m) => m.id === 'clv_summary')!;
  both = await fitClv(db, summary, { calibrationEnd: '1997-09-30' });
  if ('error' in both.check) throw new Error(both.check.error);
  fit = both.check;
}, 120_000);
afterAll(() => db.close());

const round = (v: number, digits: number) => Number(v.toFixed(digits));

test('the summary counts purchase days, in weeks since each customer’s first purchase', async () => {
  const summary = readCatalog().current.find((m) => m.id === 'clv_summary')!;
  const rows = await runModule(db, summary, { holdout_check: true, calibration_end: '1997-09-30', time_unit_days: 7 });
  const pick = (id: string) => rows.find((r) => r.customer_id === id)!;
  // 0001: 01-01, 01-18, 08-02 (213 days in), then 12-12 after the calibration end.
  expect(pick('0001')).toMatchObject({ frequency: 2, holdout_purchases: 1 });
  expect(pick('0001').monetary_value).toBeCloseTo((29.73 + 14.96) / 2, 10);
  expect(pick('0001').recency).toBeCloseTo(213 / 7, 12);
  expect(pick('0001').age).toBeCloseTo(272 / 7, 12);
  // 0026: first on 01-02, then two orders on 01-13 make one purchase worth 166.89 + 60.25.
  expect(pick('0026')).toMatchObject({ frequency: 1, holdout_purchases: 0 });
  expect(pick('0026').monetary_value).toBeCloseTo(227.14, 10);
  expect(pick('0026').recency).toBeCloseTo(11 / 7, 12);
  expect(pick('0026').age).toBeCloseTo(271 / 7, 12);
  // 0046: 13 purchase days up to 09-01 (two orders on 08-28), 10 days after 09-30.
  expect(pick('0046')).toMatchObject({ frequency: 12, holdout_purchases: 10 });
  expect(pick('0046').monetary_value).toBeCloseTo(354.48 / 12, 10);
  expect(pick('0046').recency).toBeCloseTo(241 / 7, 12);
  // Without a calibration end the last 40% of the data's days are held out: its first and last
  // purchase days are 1997-01-01 and 1998-06-30, 545 days apart, so 1997-01-01 + 327 days,
  // also when the period runs on past the data.
  const byDefault = await runModule(db, summary, { holdout_check: true, calibration_end: null, time_unit_days: 7 });
  expect([byDefault[0].calibration_end, byDefault[0].holdout_end]).toEqual(['1997-11-24', '1998-06-30']);
  await setPeriod(db, '1997-01-01', '1998-12-31');
  const longerPeriod = await runModule(db, summary, { holdout_check: true, calibration_end: null, time_unit_days: 7 });
  await setPeriod(db, '1997-01-01', '1998-06-30');
  expect([longerPeriod[0].calibration_end, longerPeriod[0].holdout_end]).toEqual(['1997-11-24', '1998-06-30']);
});

test('as of the end of the range, the summary reads every purchase up to it, whatever the calibration end', async () => {
  const summary = readCatalog().current.find((m) => m.id === 'clv_summary')!;
  const rows = await runModule(db, summary, { holdout_check: false, calibration_end: '1997-09-30', time_unit_days: 7 });
  const pick = (id: string) => rows.find((r) => r.customer_id === id)!;
  // 0001: 01-01, 01-18, 08-02 and 12-12: three repeat purchases, the last 345 days in; age to 1998-06-30.
  expect(pick('0001')).toMatchObject({ frequency: 3, holdout_purchases: 0, calibration_end: '1998-06-30' });
  expect(pick('0001').recency).toBeCloseTo(345 / 7, 12);
  expect(pick('0001').age).toBeCloseTo(545 / 7, 12);
  expect(rows.length).toBe(2357);
  // A range ending earlier predicts from that day: 0001 then has two repeats and age to 1997-09-30.
  await setPeriod(db, '1997-01-01', '1997-09-30');
  const earlier = await runModule(db, summary, { holdout_check: false, calibration_end: null, time_unit_days: 7 });
  await setPeriod(db, '1997-01-01', '1998-06-30');
  expect(earlier.find((r) => r.customer_id === '0001')).toMatchObject({ frequency: 2, calibration_end: '1997-09-30' });
});

test('predictions come from the fit as of the range end, not from the holdout check', () => {
  expect(both.prediction.asOf).toBe('1998-06-30');
  expect(both.prediction.customers).toBe(2357);
  // 78 weeks of history give other parameters than the 39-week calibration.
  expect(both.prediction.bgnbd.params.r).not.toBeCloseTo(fit.bgnbd.params.r, 3);
  expect(both.prediction.repeaters).toBeGreaterThan(fit.repeaters);
});

test('the summary covers the 2,357 customers, 946 of them repeaters', () => {
  expect(fit.customers).toBe(2357);
  expect(fit.repeaters).toBe(946);
});

test('BG/NBD reproduces the published parameters and log-likelihood', () => {
  const { r, alpha, a, b } = fit.bgnbd.params;
  expect([round(r, 3), round(alpha, 3), round(a, 3), round(b, 3)]).toEqual([0.243, 4.414, 0.793, 2.426]);
  expect(round(fit.bgnbd.logLikelihood, 1)).toBe(-9582.4);
  expect(fit.bgnbd.converged).toBe(true);
});

test('BG/NBD standard errors agree with the lifetimes package’s on the same data', () => {
  // lifetimes' quickstart, BetaGeoFitter on CDNOW: se 0.012557, 0.378221, 0.185719, 0.705345
  // (its Hessian is numerical too, so three significant figures are what both pin down).
  const { r, alpha, a, b } = fit.bgnbd.standardErrors;
  expect([r, alpha, a, b].map((v) => Number(v.toPrecision(3)))).toEqual([0.0126, 0.378, 0.186, 0.705]);
});

test('Gamma-Gamma reproduces the published parameters', () => {
  const { p, q, gamma } = fit.gammaGamma.params;
  expect([round(p, 2), round(q, 2), round(gamma, 2)]).toEqual([6.25, 3.74, 15.44]);
});

test('the summary read a few hundred customers at a time gives the same fits and predictions', async () => {
  // The runner reads it in chunks so that 17M customers fit Node's heap: 2,357 in chunks of 500.
  const whole = await db.rows('select * from clv_predictions order by customer_id');
  const summary = readCatalog().current.find((m) => m.id === 'clv_summary')!;
  const chunked = await fitClv(db, summary, { calibrationEnd: '1997-09-30' }, undefined, 500);
  expect({ ...chunked, fitMs: 0 }).toEqual({ ...both, fitMs: 0 });
  expect(await db.rows('select * from clv_predictions order by customer_id')).toEqual(whole);
  expect(whole).toHaveLength(2357);
});

test('predictions are written for every customer and the holdout check is sane', async () => {
  const [row] = await db.rows('select count(*)::integer as n, min(p_alive) >= 0 and max(p_alive) <= 1 as bounded, sum(predicted_clv) > 0 as positive from clv_predictions');
  expect(row).toEqual({ n: 2357, bounded: true, positive: true });
  // 39 weeks held out; customers with no repeat purchases are predicted to buy little.
  expect(fit.holdoutUnits).toBeCloseTo(273 / 7, 6);
  const zero = fit.rows.find((c) => c.frequency === 0)!;
  expect(Math.abs(zero.predicted - zero.actual)).toBeLessThan(0.15);
});
