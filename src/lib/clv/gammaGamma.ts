/**
 * The Gamma-Gamma spend model (Fader & Hardie 2013): a customer's transactions are worth
 * z ~ Gamma(p, nu), with nu ~ Gamma(q, gamma) across customers; fitted on customers with at
 * least one repeat purchase, from their number x and mean value m of repeat transactions.
 */
import { lnGamma } from './special';
import { minimise } from './optimize';
import { standardErrors } from './standardErrors';
import type { Fit } from './bgnbd';

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export interface Spend {
  x: number;
  m: number;
}

export function gammaGammaLogLikelihood({ p, q, gamma }: GammaGammaParams, { x, m }: Spend): number {
  return (
    lnGamma(p * x + q) - lnGamma(p * x) - lnGamma(q) + q * Math.log(gamma) + (p * x - 1) * Math.log(m) + p * x * Math.log(x) - (p * x + q) * Math.log(x * m + gamma)
  );
}

export function fitGammaGamma(repeaters: Spend[]): Fit<GammaGammaParams> {
  const usable = repeaters.filter((c) => c.x > 0 && c.m > 0);
  // Terms in x alone are computed once per distinct x per evaluation (x takes few values).
  const xs = Int32Array.from(usable, (c) => c.x);
  const logM = Float64Array.from(usable, (c) => Math.log(c.m));
  const xm = Float64Array.from(usable, (c) => c.x * c.m);
  const maxX = xs.reduce((m, x) => Math.max(m, x), 0);
  const byX = new Float64Array(maxX + 1);
  const negLL = ([lp, lq, lg]: number[]) => {
    const [p, q, gamma] = [Math.exp(lp), Math.exp(lq), Math.exp(lg)];
    const common = -lnGamma(q) + q * Math.log(gamma);
    for (let x = 1; x <= maxX; x++) byX[x] = common + lnGamma(p * x + q) - lnGamma(p * x) + p * x * Math.log(x);
    let sum = 0;
    for (let i = 0; i < xs.length; i++) {
      const px = p * xs[i];
      sum += byX[xs[i]] + (px - 1) * logM[i] - (px + q) * Math.log(xm[i] + gamma);
    }
    return -sum;
  };
  const mean = usable.reduce((s, c) => s + c.m, 0) / Math.max(1, usable.length);
  const m = minimise(negLL, [Math.log(2), Math.log(3), Math.log(Math.max(1, mean))]);
  const [p, q, gamma] = m.x.map(Math.exp);
  const se = standardErrors(negLL, m.x);
  return { params: { p, q, gamma }, standardErrors: { p: se[0], q: se[1], gamma: se[2] }, logLikelihood: -m.value, iterations: m.iterations, converged: m.converged };
}

/** E[mean transaction value | x, m]: a weighted mean of the population mean and the customer's own. */
export function expectedSpend({ p, q, gamma }: GammaGammaParams, { x, m }: Spend): number {
  return (p * (gamma + x * m)) / (p * x + q - 1);
}
