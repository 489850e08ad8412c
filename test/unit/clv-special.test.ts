// The special functions under the lifetime-value models (ln Γ, ψ, ln B, log-sum-exp, 2F1),
// against values worked out another way: factorials, half-integer gammas, series expansions, Stirling, and closed forms of
// Gauss's 2F1; plus the overflow the scaled 2F1 exists to avoid.
import { describe, expect, test } from 'vitest';
import { digamma, hyp2f1, lnBeta, lnGamma, logSumExp, scaledHyp2f1 } from '../../src/lib/clv/special';

const factorial = (n: number) => Array.from({ length: n }, (_, i) => i + 1).reduce((p, v) => p * v, 1);
const relative = (value: number, expected: number) => Math.abs(value - expected) / Math.abs(expected);

describe('lnGamma', () => {
  test('at whole numbers it is ln((n - 1)!)', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 13);
    expect(lnGamma(2)).toBeCloseTo(0, 13);
    expect(lnGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(relative(lnGamma(21), Math.log(factorial(20)))).toBeLessThan(1e-14);
  });

  test('at half-integers it is ln(sqrt(pi) (2n)! / (4^n n!))', () => {
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    // Γ(5.5) = 4.5 · 3.5 · 2.5 · 1.5 · 0.5 · √π
    expect(lnGamma(5.5)).toBeCloseTo(Math.log(4.5 * 3.5 * 2.5 * 1.5 * 0.5 * Math.sqrt(Math.PI)), 12);
  });

  test('near zero it follows ln Γ(e) = -ln e - γe + ζ(2)e²/2 - ζ(3)e³/3', () => {
    const e = 1e-3;
    const euler = 0.5772156649015329;
    const expected = -Math.log(e) - euler * e + ((Math.PI ** 2 / 6) * e ** 2) / 2 - (1.2020569031595942 * e ** 3) / 3;
    expect(lnGamma(e)).toBeCloseTo(expected, 12);
  });

  test('for large arguments it agrees with Stirling’s series', () => {
    for (const x of [150.25, 1000, 1e6]) {
      const stirling = (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x ** 3);
      expect(relative(lnGamma(x), stirling)).toBeLessThan(1e-13);
    }
  });
});

test('digamma at known points and through its recurrence', () => {
  const euler = 0.5772156649015329;
  expect(digamma(1)).toBeCloseTo(-euler, 13);
  expect(digamma(0.5)).toBeCloseTo(-euler - 2 * Math.LN2, 13);
  // ψ(n) = -γ + 1 + 1/2 + ... + 1/(n - 1)
  expect(digamma(12)).toBeCloseTo(-euler + Array.from({ length: 11 }, (_, i) => 1 / (i + 1)).reduce((s, v) => s + v, 0), 13);
  expect(digamma(0.01) + 1 / 0.01).toBeCloseTo(digamma(1.01), 11);
  expect(digamma(1e6)).toBeCloseTo(Math.log(1e6) - 0.5e-6 - 1 / 12e12, 13);
});

test('lnBeta of small whole and half-integer arguments', () => {
  expect(lnBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 13);
  expect(lnBeta(0.5, 0.5)).toBeCloseTo(Math.log(Math.PI), 13);
  expect(lnBeta(1, 7)).toBeCloseTo(Math.log(1 / 7), 13);
});

test('logSumExp neither overflows nor loses the larger term', () => {
  expect(logSumExp(1000, 1000)).toBeCloseTo(1000 + Math.LN2, 12);
  expect(logSumExp(-1000, -1001)).toBeCloseTo(-1000 + Math.log1p(Math.exp(-1)), 12);
  expect(logSumExp(-Infinity, 3)).toBe(3);
  expect(logSumExp(-Infinity, -Infinity)).toBe(-Infinity);
});

describe('hyp2f1', () => {
  test('2F1(1, 1; 2; z) = -ln(1 - z) / z, also close to z = 1 where the series is slow', () => {
    for (const z of [0.1, 0.5, 0.99]) expect(relative(hyp2f1(1, 1, 2, z), -Math.log(1 - z) / z)).toBeLessThan(1e-12);
  });

  test('2F1(a, b; b; z) = (1 - z)^-a', () => {
    expect(relative(hyp2f1(2.5, 3, 3, 0.3), Math.pow(0.7, -2.5))).toBeLessThan(1e-13);
    expect(relative(hyp2f1(0.243, 4.2, 4.2, 0.8), Math.pow(0.2, -0.243))).toBeLessThan(1e-13);
  });

  test('2F1(1/2, 1/2; 3/2; z²) = asin(z) / z and 2F1(1/2, 1; 3/2; z²) = atanh(z) / z', () => {
    expect(relative(hyp2f1(0.5, 0.5, 1.5, 0.81), Math.asin(0.9) / 0.9)).toBeLessThan(1e-12);
    expect(relative(hyp2f1(0.5, 1, 1.5, 0.25), Math.atanh(0.5) / 0.5)).toBeLessThan(1e-13);
  });

  test('is 1 at z = 0 and refuses z outside [0, 1)', () => {
    expect(hyp2f1(3, 4, 5, 0)).toBe(1);
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, 2, -0.1)).toThrow(RangeError);
  });

  test('scaled, it sums a series that passes 1e308 on the way', () => {
    // (1 - z)^a · 2F1(a, b; b; z) = 1 although 2F1(1000, 3; 3; 0.9) = 10^1000.
    expect(scaledHyp2f1(1000 * Math.log(0.1), 1000, 3, 3, 0.9)).toBeCloseTo(1, 9);
    expect(scaledHyp2f1(2000 * Math.log(0.05), 2000, 7.5, 7.5, 0.95)).toBeCloseTo(1, 9);
  });
});
