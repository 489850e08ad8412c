/**
 * Gamma-Gamma's negative log-likelihood over the repeat customers and its gradient, in the
 * log-parameters (ln p, ln q, ln gamma). Terms in x alone are computed once per distinct x per
 * evaluation (x takes few values). The value is the sum of gammaGammaLogLikelihood.
 */
import type { ValueAndGradient } from './bfgs';
import type { Spend } from './gammaGamma';
import { digamma, lnGamma } from './special';

export function gammaGammaObjective(repeaters: Spend[]): (logParams: number[]) => ValueAndGradient {
  const xs = Int32Array.from(repeaters, (c) => c.x);
  const logM = Float64Array.from(repeaters, (c) => Math.log(c.m));
  const xm = Float64Array.from(repeaters, (c) => c.x * c.m);
  const maxX = xs.reduce((m, x) => Math.max(m, x), 0);
  const byX = new Float64Array(maxX + 1);
  const dpByX = new Float64Array(maxX + 1);
  const dqByX = new Float64Array(maxX + 1);
  return ([lp, lq, lg]) => {
    const [p, q, gamma] = [Math.exp(lp), Math.exp(lq), Math.exp(lg)];
    const common = -lnGamma(q) + q * Math.log(gamma);
    const psiQ = digamma(q);
    for (let x = 1; x <= maxX; x++) {
      const psiPXQ = digamma(p * x + q);
      byX[x] = common + lnGamma(p * x + q) - lnGamma(p * x) + p * x * Math.log(x);
      dpByX[x] = x * (psiPXQ - digamma(p * x) + Math.log(x));
      dqByX[x] = psiPXQ - psiQ + Math.log(gamma);
    }
    let sum = 0;
    let [dp, dq, dg] = [0, 0, 0];
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i];
      const px = p * x;
      const logXmG = Math.log(xm[i] + gamma);
      sum += byX[x] + (px - 1) * logM[i] - (px + q) * logXmG;
      dp += dpByX[x] + x * (logM[i] - logXmG);
      dq += dqByX[x] - logXmG;
      dg += q / gamma - (px + q) / (xm[i] + gamma);
    }
    return { value: -sum, gradient: [-p * dp, -q * dq, -gamma * dg] };
  };
}
