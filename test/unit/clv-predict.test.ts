// Per-customer predictions against an independent derivation: P(alive) and BG/NBD's
// conditional expected purchases integrated numerically over the drop-out probability (the
// purchase rate integrated out by hand), not through 2F1; Gamma-Gamma's expected spend and the
// discounted CLV sum against hand-worked numbers.
import { describe, expect, test } from 'vitest';
import { expectedPurchases, pAlive, type BgNbdParams, type Rfm } from '../../src/lib/clv/bgnbd';
import { expectedSpend } from '../../src/lib/clv/gammaGamma';
import { predictCustomer } from '../../src/lib/clv/predict';

const cdnow: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const spend = { p: 6.25, q: 3.74, gamma: 15.44 };

/**
 * Given lambda and p, a customer with history (x, tx, T) is alive with likelihood
 * lambda^x e^(-lambda T) (1 - p)^x, dead after the last purchase with lambda^x e^(-lambda tx)
 * p (1 - p)^(x - 1), and, alive, buys (1 - e^(-lambda p t)) / p times in the next t. Over
 * lambda ~ Gamma(r, alpha) each is a gamma integral; dividing all by Γ(r + x) (alpha + T)^-(r + x)
 * leaves one integral over p ~ Beta(a, b), taken by the midpoint rule after u = p^a (which
 * absorbs p^(a - 1)).
 */
function byQuadrature({ r, alpha, a, b }: BgNbdParams, { x, tx, T }: Rfm, t: number) {
  const steps = 400_000;
  const deadWeight = Math.exp((r + x) * Math.log((alpha + T) / (alpha + tx)));
  let alive = 0;
  let all = 0;
  let purchases = 0;
  for (let i = 0; i < steps; i++) {
    const p = Math.pow((i + 0.5) / steps, 1 / a);
    const aliveTerm = Math.pow(1 - p, b - 1 + x);
    alive += aliveTerm;
    all += aliveTerm + (x > 0 ? p * Math.pow(1 - p, b + x - 2) * deadWeight : 0);
    purchases += (aliveTerm * -Math.expm1(-(r + x) * Math.log1p((p * t) / (alpha + T)))) / p;
  }
  return { pAlive: alive / all, expected: purchases / all };
}

const relative = (value: number, expected: number) => Math.abs(value - expected) / Math.abs(expected);

describe('BG/NBD conditional predictions', () => {
  const cases: [string, Rfm, number][] = [
    ['no repeat purchase', { x: 0, tx: 0, T: 38.86 }, 39],
    ['two repeats, the last lately (the paper’s example customer)', { x: 2, tx: 30.43, T: 38.86 }, 39],
    ['ten repeats, then silence', { x: 10, tx: 12, T: 60 }, 52],
    ['a daily buyer over a long horizon, where 2F1 alone overflows', { x: 1000, tx: 1000, T: 1001 }, 1500],
  ];
  test.each(cases)('%s', (_, customer, t) => {
    const params = customer.x === 1000 ? { ...cdnow, alpha: 30 } : cdnow;
    const expected = byQuadrature(params, customer, t);
    expect(relative(pAlive(params, customer), expected.pAlive)).toBeLessThan(1e-6);
    expect(relative(expectedPurchases(params, customer, t), expected.expected)).toBeLessThan(1e-6);
  });

  test('a customer without repeat purchases is alive for sure; nothing is expected in no time', () => {
    expect(pAlive(cdnow, { x: 0, tx: 0, T: 10 })).toBe(1);
    expect(expectedPurchases(cdnow, { x: 3, tx: 5, T: 10 }, 0)).toBe(0);
  });
});

describe('Gamma-Gamma expected spend', () => {
  test('shrinks a customer’s mean towards the population mean', () => {
    // p (gamma + x m) / (p x + q - 1) = 6.25 · (15.44 + 2 · 30) / (12.5 + 2.74) = 471.5 / 15.24
    expect(expectedSpend(spend, { x: 2, m: 30 })).toBeCloseTo(30.938320209974, 9);
    // Without repeats: the population mean p gamma / (q - 1) = 96.5 / 2.74
    expect(expectedSpend(spend, { x: 0, m: 0 })).toBeCloseTo(35.218978102190, 9);
  });
});

describe('predicted CLV', () => {
  const customer = { x: 2, tx: 30.43, T: 38.86 };
  const months = 12;

  test('undiscounted, it is the purchases over the horizon times the value of one', () => {
    const prediction = predictCustomer(cdnow, spend, customer, 30, { months, monthlyDiscount: 0, timeUnitDays: 7 });
    // 12 months of weeks: 365.25 / 7 weeks.
    expect(prediction.expectedPurchases).toBeCloseTo(expectedPurchases(cdnow, customer, 365.25 / 7), 12);
    expect(prediction.expectedSpend).toBeCloseTo(30.938320209974, 9);
    expect(prediction.predictedClv).toBeCloseTo(prediction.expectedPurchases * 30.938320209974, 9);
  });

  test('discounted, each month’s purchases are divided by (1 + d)^month', () => {
    const d = 0.01;
    const prediction = predictCustomer(cdnow, spend, customer, 30, { months, monthlyDiscount: d, timeUnitDays: 7 });
    const unitsPerMonth = 365.25 / 12 / 7;
    let byHand = 0;
    for (let k = 1; k <= months; k++) {
      const inMonth = expectedPurchases(cdnow, customer, k * unitsPerMonth) - expectedPurchases(cdnow, customer, (k - 1) * unitsPerMonth);
      byHand += (inMonth * 30.938320209974) / (1 + d) ** k;
    }
    expect(prediction.predictedClv).toBeCloseTo(byHand, 9);
    expect(prediction.pAlive).toBeCloseTo(pAlive(cdnow, customer), 15);
  });

  test('the time unit does not change the prediction when the parameters are rescaled with it', () => {
    // alpha is a rate's scale: in days it is 7 times the weekly alpha, and t, tx, T too.
    const weeks = predictCustomer(cdnow, spend, customer, 30, { months, monthlyDiscount: 0.01, timeUnitDays: 7 });
    const inDays = { ...cdnow, alpha: cdnow.alpha * 7 };
    const days = predictCustomer(inDays, spend, { x: 2, tx: 30.43 * 7, T: 38.86 * 7 }, 30, { months, monthlyDiscount: 0.01, timeUnitDays: 1 });
    expect(days.predictedClv).toBeCloseTo(weeks.predictedClv, 9);
    expect(days.pAlive).toBeCloseTo(weeks.pAlive, 12);
  });
});
