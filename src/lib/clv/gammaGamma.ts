/**
 * The Gamma-Gamma spend model (Fader & Hardie 2013): a customer's transactions are worth
 * z ~ Gamma(p, nu), with nu ~ Gamma(q, gamma) across customers; fitted on customers with at
 * least one repeat purchase, from their number x and mean value m of repeat transactions.
 */
import { lnGamma } from './special';
import { gammaGammaObjective } from './gammaGammaObjective';
import { minimiseSmooth } from './optimize';
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
  const objective = gammaGammaObjective(usable);
  const mean = usable.reduce((s, c) => s + c.m, 0) / Math.max(1, usable.length);
  const m = minimiseSmooth(objective, [Math.log(2), Math.log(3), Math.log(Math.max(1, mean))]);
  const [p, q, gamma] = m.x.map(Math.exp);
  const se = standardErrors(objective, m.x);
  return {
    params: { p, q, gamma },
    standardErrors: { p: se[0], q: se[1], gamma: se[2] },
    logLikelihood: -m.value,
    iterations: m.iterations,
    converged: m.converged,
    method: m.method,
  };
}

/** E[mean transaction value | x, m]: a weighted mean of the population mean and the customer's own. */
export function expectedSpend({ p, q, gamma }: GammaGammaParams, { x, m }: Spend): number {
  return (p * (gamma + x * m)) / (p * x + q - 1);
}
