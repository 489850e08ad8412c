// Reproduces the published CDNOW results from the raw purchases (../shared/data/cdnow): the
// clv_summary module with a 39-week calibration period, then BG/NBD (Fader, Hardie & Lee
// 2005: r 0.243, alpha 4.414, a 0.793, b 2.426, LL -9582.4) and Gamma-Gamma on the 946
// repeaters (Fader & Hardie 2013: p 6.25, q 3.74, gamma 15.44), to the printed precision.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readCatalog } from '../../src/cli/readModules';
import { fitClv, type ClvFit } from '../../src/lib/clv/fitClv';
import { loadTables, type FixtureRow } from '../support/loadTables';
import { openWasmDb, type WasmDb } from '../support/wasmDb';

const cdnow = fileURLToPath(new URL('../../../shared/data/cdnow/CDNOW_sample.txt', import.meta.url));

let db: WasmDb;
let fit: ClvFit;
beforeAll(async () => {
  db = await openWasmDb();
  const orders: FixtureRow[] = readFileSync(cdnow, 'utf8')
    .trim()
    .split('\n')
    .map((line, i) => {
      const [, id, ymd, , dollars] = line.trim().split(/\s+/);
      const date = `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)} 00:00:00`;
      return { order_id: String(i + 1), customer_id: id, order_date: date, revenue: Number(dollars) };
    });
  await loadTables(db, { orders }, { start: '1997-01-01', end: '1998-06-30' });
  const summary = readCatalog().current.find((m) => m.id === 'clv_summary')!;
  fit = await fitClv(db, summary, { calibrationEnd: '1997-09-30' });
}, 120_000);
afterAll(() => db.close());

const round = (v: number, digits: number) => Number(v.toFixed(digits));

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

test('Gamma-Gamma reproduces the published parameters', () => {
  const { p, q, gamma } = fit.gammaGamma.params;
  expect([round(p, 2), round(q, 2), round(gamma, 2)]).toEqual([6.25, 3.74, 15.44]);
});

test('predictions are written for every customer and the holdout check is sane', async () => {
  const [row] = await db.rows('select count(*)::integer as n, min(p_alive) >= 0 and max(p_alive) <= 1 as bounded, sum(predicted_clv) > 0 as positive from clv_predictions');
  expect(row).toEqual({ n: 2357, bounded: true, positive: true });
  // 39 weeks held out; customers with no repeat purchases are predicted to buy little.
  expect(fit.holdoutUnits).toBeCloseTo(273 / 7, 6);
  const zero = fit.calibration.find((c) => c.frequency === 0)!;
  expect(Math.abs(zero.predicted - zero.actual)).toBeLessThan(0.15);
});
