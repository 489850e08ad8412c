/**
 * BG/NBD (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way"): while alive a
 * customer buys at rate lambda ~ Gamma(r, alpha); after each purchase they drop out with
 * probability p ~ Beta(a, b). Per customer: x repeat purchases, the last at t_x, observed
 * for T time units since their first purchase.
 */
import { bgnbdObjective } from './bgnbdObjective';
import { minimiseSmooth } from './optimize';
import { lnGamma, logSumExp, scaledHyp2f1 } from './special';
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

/** Many customers as columns: at 17M customers, one object each would not fit Node's heap. */
export interface RfmColumns {
  x: ArrayLike<number>;
  tx: ArrayLike<number>;
  T: ArrayLike<number>;
}

export function rfmColumns(customers: Rfm[] | RfmColumns): RfmColumns {
  if (!Array.isArray(customers)) return customers as RfmColumns;
  return { x: customers.map((c) => c.x), tx: customers.map((c) => c.tx), T: customers.map((c) => c.T) };
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
  /** 'bfgs', or 'nelder-mead' when BFGS did not converge and the simplex took over. */
  method: 'bfgs' | 'nelder-mead';
}

/** Maximum likelihood over log-parameters (all four must stay positive). */
export function fitBgNbd(customers: Rfm[] | RfmColumns): Fit<BgNbdParams> {
  const { T } = rfmColumns(customers);
  const objective = bgnbdObjective(customers);
  let sumT = 0;
  for (let i = 0; i < T.length; i++) sumT += T[i];
  const meanT = sumT / Math.max(1, T.length);
  const m = minimiseSmooth(objective, [Math.log(0.5), Math.log(Math.max(1, meanT / 4)), Math.log(1), Math.log(2)]);
  const [r, alpha, a, b] = m.x.map(Math.exp);
  const se = standardErrors(objective, m.x);
  return {
    params: { r, alpha, a, b },
    standardErrors: { r: se[0], alpha: se[1], a: se[2], b: se[3] },
    logLikelihood: -m.value,
    iterations: m.iterations,
    converged: m.converged,
    method: m.method,
  };
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
