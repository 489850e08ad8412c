// Recovery: 20,000 customers simulated from known BG/NBD and Gamma-Gamma parameters
// (test/support/simulateClv.ts) are fitted back to within three standard errors, taken on the
// log scale the fits work in. The standard errors come from the observed information; across
// 30 simulated samples of 4,000 customers their average matched the spread of the estimates
// to within 3% for every BG/NBD parameter, and for Gamma-Gamma's p over 40 samples. Three of
// them is a band a correct fit leaves about once in 400 draws per parameter, while the second
// assertion keeps the band narrow (a few percent to about 10% at this size), so a wrong
// likelihood or a stalled optimiser fails.
import { expect, test } from 'vitest';
import { bgnbdLogLikelihood, fitBgNbd, type Fit } from '../../src/lib/clv/bgnbd';
import { fitGammaGamma } from '../../src/lib/clv/gammaGamma';
import { simulateCustomers } from '../support/simulateClv';

const truth = { r: 0.6, alpha: 9, a: 0.85, b: 5 };
const spendTruth = { p: 6, q: 4, gamma: 50 };
const { rfm, spend } = simulateCustomers(20_000, 2026, truth, spendTruth);

function expectRecovered<P extends Record<string, number>>(fit: Fit<P>, expected: P, widest: P) {
  for (const key of Object.keys(expected)) {
    const estimate = fit.params[key];
    const relativeError = fit.standardErrors[key] / estimate;
    const z = Math.abs(Math.log(estimate) - Math.log(expected[key])) / relativeError;
    expect(z, `${key} = ${estimate} ± ${fit.standardErrors[key]}, truth ${expected[key]}`).toBeLessThan(3);
    expect(relativeError, `${key}'s standard error`).toBeLessThan(widest[key]);
  }
}

test('BG/NBD recovers the purchase and drop-out parameters', () => {
  const fit = fitBgNbd(rfm);
  expect([fit.converged, fit.method]).toEqual([true, 'bfgs']);
  // Relative standard errors at 20,000 customers, from the 4,000-customer spread scaled by
  // sqrt(4,000 / 20,000): about 1.4% (r), 2% (alpha), 7% (a), 9% (b); bounds leave room.
  expectRecovered(fit, truth, { r: 0.03, alpha: 0.04, a: 0.12, b: 0.15 });
});

test('Gamma-Gamma recovers the spend parameters from the repeat customers', () => {
  const repeaters = spend.filter((s) => s.x > 0);
  const fit = fitGammaGamma(repeaters);
  expect([fit.converged, fit.method]).toEqual([true, 'bfgs']);
  expectRecovered(fit, spendTruth, { p: 0.1, q: 0.05, gamma: 0.15 });
  // The population's mean transaction value p gamma / (q - 1) = 6 · 50 / 3 = 100 is what the
  // model pins down best: customers' mean values spread with sd 100 / sqrt(q - 2) ≈ 71, so
  // over ~14,000 repeaters its standard error is about 0.6 and 3 is five of them.
  expect(Math.abs((fit.params.p * fit.params.gamma) / (fit.params.q - 1) - 100)).toBeLessThan(3);
});

test('the fitted log-likelihood is the sum of the per-customer formula', () => {
  const sample = rfm.slice(0, 500);
  const fit = fitBgNbd(sample);
  const sum = sample.reduce((s, c) => s + bgnbdLogLikelihood(fit.params, c), 0);
  expect(fit.logLikelihood).toBeCloseTo(sum, 6);
});
