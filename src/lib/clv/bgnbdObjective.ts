/**
 * BG/NBD's negative log-likelihood over many customers and its gradient, both in the
 * log-parameters (ln r, ln alpha, ln a, ln b) the fit works in. The log-gamma and digamma
 * terms depend on x alone, and x takes few values: they are computed once per distinct x per
 * evaluation, leaving two logarithms and one exponential per customer. The value is the sum of
 * bgnbdLogLikelihood, which the tests compare it with.
 */
import { rfmColumns, type Rfm, type RfmColumns } from './bgnbd';
import type { ValueAndGradient } from './bfgs';
import { digamma, lnGamma, logSumExp } from './special';

export function bgnbdObjective(customers: Rfm[] | RfmColumns): (logParams: number[]) => ValueAndGradient {
  const columns = rfmColumns(customers);
  const n = columns.x.length;
  const xs = Int32Array.from(columns.x);
  const txs = Float64Array.from(columns.tx);
  const Ts = Float64Array.from(columns.T);
  const maxX = xs.reduce((m, x) => Math.max(m, x), 0);
  const head = new Float64Array(maxX + 1);
  const tail = new Float64Array(maxX + 1);
  const headDr = new Float64Array(maxX + 1);
  const headDa = new Float64Array(maxX + 1);
  const headDb = new Float64Array(maxX + 1);
  return ([lr, la, lA, lb]) => {
    const [r, alpha, a, b] = [Math.exp(lr), Math.exp(la), Math.exp(lA), Math.exp(lb)];
    const common = -lnGamma(r) + r * Math.log(alpha) + lnGamma(a + b) - lnGamma(b);
    const [psiR, psiAB, psiB] = [digamma(r), digamma(a + b), digamma(b)];
    for (let x = 0; x <= maxX; x++) {
      head[x] = common + lnGamma(r + x) + lnGamma(b + x) - lnGamma(a + b + x);
      tail[x] = x > 0 ? Math.log(a) - Math.log(b + x - 1) : -Infinity;
      const psiABX = digamma(a + b + x);
      headDr[x] = digamma(r + x) - psiR + Math.log(alpha);
      headDa[x] = psiAB - psiABX;
      headDb[x] = psiAB - psiB + digamma(b + x) - psiABX;
    }
    let sum = 0;
    let [dr, dalpha, da, db] = [0, 0, 0, 0];
    for (let i = 0; i < n; i++) {
      const x = xs[i];
      const logT = Math.log(alpha + Ts[i]);
      const a3 = -(r + x) * logT;
      dr += headDr[x];
      da += headDa[x];
      db += headDb[x];
      if (x === 0) {
        sum += head[x] + a3;
        dr -= logT;
        dalpha -= r / (alpha + Ts[i]);
        continue;
      }
      // Weight w of the "dropped out after the last purchase" term in the log-sum-exp.
      const logTx = Math.log(alpha + txs[i]);
      const a4 = tail[x] - (r + x) * logTx;
      const total = logSumExp(a3, a4);
      const w = Math.exp(a4 - total);
      sum += head[x] + total;
      dr -= (1 - w) * logT + w * logTx;
      dalpha -= (r + x) * ((1 - w) / (alpha + Ts[i]) + w / (alpha + txs[i]));
      da += w / a;
      db -= w / (b + x - 1);
    }
    dalpha += (n * r) / alpha;
    return { value: -sum, gradient: [-r * dr, -alpha * dalpha, -a * da, -b * db] };
  };
}
