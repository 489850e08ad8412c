/**
 * BG/NBD (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way"): while alive a
 * customer buys at rate lambda ~ Gamma(r, alpha); after each purchase they drop out with
 * probability p ~ Beta(a, b). Per customer: x repeat purchases, the last at t_x, observed
 * for T time units since their first purchase.
 */
import { lnGamma, logSumExp, scaledHyp2f1 } from './special';
import { minimise } from './optimize';
import { standardErrors } from './standardErrors';

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface Rfm {
  x: number;
  tx: number;
  T: number;
}

/** Log-likelihood of one customer (equation 6 of the paper, in log space). */
export function bgnbdLogLikelihood({ r, alpha, a, b }: BgNbdParams, { x, tx, T }: Rfm): number {
  const a1 = lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha);
  const a2 = lnGamma(a + b) + lnGamma(b + x) - lnGamma(b) - lnGamma(a + b + x);
  const a3 = -(r + x) * Math.log(alpha + T);
  const a4 = x > 0 ? Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx) : -Infinity;
  return a1 + a2 + logSumExp(a3, a4);
}

export interface Fit<P> {
  params: P;
  /** From the observed information (standardErrors.ts); NaN when the optimum is flat. */
  standardErrors: P;
  logLikelihood: number;
  iterations: number;
  converged: boolean;
}

/** Maximum likelihood over log-parameters (all four must stay positive). */
export function fitBgNbd(customers: Rfm[]): Fit<BgNbdParams> {
  // The log-gamma terms depend on x alone, and x takes few values: compute them once per
  // distinct x per evaluation, leaving two logarithms per customer (same sum as
  // bgnbdLogLikelihood, which the tests compare it with).
  const n = customers.length;
  const xs = Int32Array.from(customers, (c) => c.x);
  const txs = Float64Array.from(customers, (c) => c.tx);
  const Ts = Float64Array.from(customers, (c) => c.T);
  const maxX = xs.reduce((m, x) => Math.max(m, x), 0);
  const head = new Float64Array(maxX + 1);
  const tail = new Float64Array(maxX + 1);
  const negLL = ([lr, la, lA, lb]: number[]) => {
    const [r, alpha, a, b] = [Math.exp(lr), Math.exp(la), Math.exp(lA), Math.exp(lb)];
    const common = -lnGamma(r) + r * Math.log(alpha) + lnGamma(a + b) - lnGamma(b);
    for (let x = 0; x <= maxX; x++) {
      head[x] = common + lnGamma(r + x) + lnGamma(b + x) - lnGamma(a + b + x);
      tail[x] = x > 0 ? Math.log(a) - Math.log(b + x - 1) : -Infinity;
    }
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const x = xs[i];
      const a3 = -(r + x) * Math.log(alpha + Ts[i]);
      sum += head[x] + (x > 0 ? logSumExp(a3, tail[x] - (r + x) * Math.log(alpha + txs[i])) : a3);
    }
    return -sum;
  };
  const meanT = customers.reduce((s, c) => s + c.T, 0) / Math.max(1, customers.length);
  const m = minimise(negLL, [Math.log(0.5), Math.log(Math.max(1, meanT / 4)), Math.log(1), Math.log(2)]);
  const [r, alpha, a, b] = m.x.map(Math.exp);
  const se = standardErrors(negLL, m.x);
  return { params: { r, alpha, a, b }, standardErrors: { r: se[0], alpha: se[1], a: se[2], b: se[3] }, logLikelihood: -m.value, iterations: m.iterations, converged: m.converged };
}

/** P(still alive | x, tx, T). */
export function pAlive({ r, alpha, a, b }: BgNbdParams, { x, tx, T }: Rfm): number {
  if (x === 0) return 1;
  return 1 / (1 + (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x));
}

/** Expected purchases in (T, T + t] given the customer's history (equation 10). */
export function expectedPurchases({ r, alpha, a, b }: BgNbdParams, { x, tx, T }: Rfm, t: number): number {
  if (t <= 0) return 0;
  const z = t / (alpha + T + t);
  const head = (a + b + x - 1) / (a - 1);
  const bracket = 1 - scaledHyp2f1((r + x) * Math.log1p(-z), r + x, b + x, a + b + x - 1, z);
  const alive = x > 0 ? 1 + (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x) : 1;
  return (head * bracket) / alive;
}
