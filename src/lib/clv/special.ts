/** Special functions for the buy-till-you-die models, in log space where it matters. */
import { t } from '../i18n';
import { Said } from '../said';

const lanczos = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7; about 15 significant digits). */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  const z = x - 1;
  let sum = lanczos[0];
  for (let i = 1; i < 9; i++) sum += lanczos[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln B(a, b). */
export function lnBeta(a: number, b: number): number {
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

/** ln(e^a + e^b) without overflow. */
export function logSumExp(a: number, b: number): number {
  const m = Math.max(a, b);
  if (m === -Infinity) return -Infinity;
  return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
}

/**
 * Gauss's hypergeometric 2F1(a, b; c; z) for 0 <= z < 1 by its power series, summed until the
 * terms shrink below 1e-15 of the sum.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  return scaledHyp2f1(0, a, b, c, z);
}

const rescaleAbove = 1e200;
const lnRescale = Math.log(rescaleAbove);

/**
 * e^lnFactor * 2F1(a, b; c; z). BG/NBD's conditional expectation multiplies 2F1 by a tiny
 * power of (1 - z); for frequent buyers over long horizons the series alone passes 1e308
 * (its largest term grows like e^(x z / (1 - z))) while the product stays below 1. The sum is
 * carried with a running power-of-1e200 scale so that neither overflows.
 */
export function scaledHyp2f1(lnFactor: number, a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1)) throw new RangeError(`hyp2f1 needs 0 <= z < 1, got ${z}`);
  let term = 1;
  let sum = 1;
  let shift = 0;
  for (let k = 0; k < 1_000_000; k++) {
    const ratio = ((a + k) * (b + k) * z) / ((c + k) * (k + 1));
    term *= ratio;
    sum += term;
    if (Math.abs(sum) > rescaleAbove) {
      sum /= rescaleAbove;
      term /= rescaleAbove;
      shift += lnRescale;
    }
    if (Math.abs(term) <= 1e-15 * Math.abs(sum) && Math.abs(ratio) < 1) return sum * Math.exp(shift + lnFactor);
  }
  throw new Said(t('clv.noConvergence', { detail: `hyp2f1(${a}, ${b}; ${c}; ${z})` }));
}

/** ψ(x) = d ln Γ(x) / dx for x > 0: recurrence up to 10, then the asymptotic series (error < 1e-13). */
export function digamma(x: number): number {
  let shift = 0;
  while (x < 10) {
    shift -= 1 / x;
    x += 1;
  }
  const inv2 = 1 / (x * x);
  const series = inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 / 132))));
  return shift + Math.log(x) - 0.5 / x - series;
}
