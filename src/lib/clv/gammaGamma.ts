/**
 * The Gamma-Gamma spend model (Fader & Hardie 2013): a customer's transactions are worth
 * z ~ Gamma(p, nu), with nu ~ Gamma(q, gamma) across customers; fitted on customers with at
 * least one repeat purchase, from their number x and mean value m of repeat transactions.
 */
import { lnGamma } from './special';
import { minimise } from './optimize';
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
  const negLL = ([lp, lq, lg]: number[]) => {
    const params = { p: Math.exp(lp), q: Math.exp(lq), gamma: Math.exp(lg) };
    let sum = 0;
    for (const c of usable) sum += gammaGammaLogLikelihood(params, c);
    return -sum;
  };
  const mean = usable.reduce((s, c) => s + c.m, 0) / Math.max(1, usable.length);
  const m = minimise(negLL, [Math.log(2), Math.log(3), Math.log(Math.max(1, mean))]);
  const [p, q, gamma] = m.x.map(Math.exp);
  return { params: { p, q, gamma }, logLikelihood: -m.value, iterations: m.iterations, converged: m.converged };
}

/** E[mean transaction value | x, m]: a weighted mean of the population mean and the customer's own. */
export function expectedSpend({ p, q, gamma }: GammaGammaParams, { x, m }: Spend): number {
  return (p * (gamma + x * m)) / (p * x + q - 1);
}
