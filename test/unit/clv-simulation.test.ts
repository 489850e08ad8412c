// Recovery: customers simulated from known BG/NBD and Gamma-Gamma parameters (the sample
// store's own generator model, src/sample/prng.ts) are fitted back within a tolerance. With
// 8,000 customers the standard errors of these parameters are a few percent (r, alpha) to
// about 15% (a, b, which only dropouts inform), so 25% catches a wrong likelihood, not noise.
import { expect, test } from 'vitest';
import { bgnbdLogLikelihood, fitBgNbd, type Rfm } from '../../src/lib/clv/bgnbd';
import { fitGammaGamma } from '../../src/lib/clv/gammaGamma';
import { hyp2f1, lnGamma } from '../../src/lib/clv/special';
import { Random } from '../../src/sample/prng';

const truth = { r: 0.6, alpha: 9, a: 0.85, b: 5 };
const spendTruth = { p: 6, q: 4, gamma: 50 };

function simulate(customers: number, seed: number) {
  const random = new Random(seed);
  const rfm: Rfm[] = [];
  const spend: { x: number; m: number }[] = [];
  for (let i = 0; i < customers; i++) {
    const T = 20 + random.next() * 80; // weeks observed since the first purchase
    const lambda = random.gamma(truth.r, truth.alpha);
    const p = random.beta(truth.a, truth.b);
    const nu = random.gamma(spendTruth.q, spendTruth.gamma);
    let t = 0;
    let x = 0;
    let tx = 0;
    let total = 0;
    // The first purchase is at 0; after every repeat purchase the customer may drop out
    // (in BG/NBD's likelihood a customer with no repeat purchase is still alive).
    for (;;) {
      t += random.exponential(lambda);
      if (t > T) break;
      x++;
      tx = t;
      total += random.gamma(spendTruth.p, nu);
      if (random.chance(p)) break;
    }
    rfm.push({ x, tx, T });
    spend.push({ x, m: x > 0 ? total / x : 0 });
  }
  return { rfm, spend };
}

const within = (value: number, expected: number, share: number) => Math.abs(value - expected) <= share * expected;

test('BG/NBD recovers the parameters customers were simulated from', () => {
  const { rfm } = simulate(8000, 7);
  const { params, converged } = fitBgNbd(rfm);
  expect(converged).toBe(true);
  for (const key of ['r', 'alpha', 'a', 'b'] as const) expect(within(params[key], truth[key], 0.25), `${key} = ${params[key]}`).toBe(true);
});

test('Gamma-Gamma recovers the spend parameters', () => {
  const { spend } = simulate(8000, 11);
  const { params } = fitGammaGamma(spend.filter((s) => s.x > 0));
  // The mean spend p * gamma / (q - 1) is what the model pins down best: 6 * 50 / 3 = 100.
  expect(within((params.p * params.gamma) / (params.q - 1), 100, 0.05)).toBe(true);
  expect(within(params.p, spendTruth.p, 0.25), `p = ${params.p}`).toBe(true);
});

test('special functions match known values', () => {
  expect(lnGamma(1)).toBeCloseTo(0, 12);
  expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  expect(lnGamma(10)).toBeCloseTo(Math.log(362880), 10);
  // 2F1(1, 1; 2; z) = -ln(1 - z) / z
  expect(hyp2f1(1, 1, 2, 0.5)).toBeCloseTo(-Math.log(0.5) / 0.5, 12);
  // 2F1(a, b; b; z) = (1 - z)^-a
  expect(hyp2f1(2.5, 3, 3, 0.3)).toBeCloseTo(Math.pow(0.7, -2.5), 12);
});

test('the fitted log-likelihood is the sum of the per-customer formula', () => {
  const { rfm } = simulate(500, 5);
  const fit = fitBgNbd(rfm);
  const sum = rfm.reduce((s, c) => s + bgnbdLogLikelihood(fit.params, c), 0);
  expect(fit.logLikelihood).toBeCloseTo(sum, 6);
});
