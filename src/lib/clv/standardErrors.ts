/**
 * Standard errors of maximum-likelihood estimates from the observed information: the inverse
 * Hessian of the negative log-likelihood at the optimum, by central differences of its
 * analytic gradient in the log-parameters the fits work in (2n evaluations), mapped back by
 * the delta method (se(θ) = θ · se(ln θ)). NaN where the Hessian is not positive definite
 * (the optimum is flat or not a minimum).
 */
import type { ValueAndGradient } from './bfgs';

export function standardErrors(objective: (logParams: number[]) => ValueAndGradient, logParams: number[]): number[] {
  const n = logParams.length;
  const h = 1e-5;
  const gradientAt = (i: number, direction: number) => objective(logParams.map((v, j) => (j === i ? v + direction * h : v))).gradient;
  const rows = logParams.map((_, i) => {
    const up = gradientAt(i, 1);
    const down = gradientAt(i, -1);
    return up.map((g, j) => (g - down[j]) / (2 * h));
  });
  const hessian = rows.map((row, i) => row.map((v, j) => (v + rows[j][i]) / 2));
  const covariance = invertPositiveDefinite(hessian);
  return logParams.map((v, i) => (covariance ? Math.exp(v) * Math.sqrt(covariance[i][i]) : NaN));
}

/** Inverse through the Cholesky factor; null when the matrix is not positive definite. */
function invertPositiveDefinite(m: number[][]): number[][] | null {
  const n = m.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = m[i][j];
      for (let k = 0; k < j; k++) s -= l[i][k] * l[j][k];
      if (i === j) {
        if (!(s > 0)) return null;
        l[i][i] = Math.sqrt(s);
      } else {
        l[i][j] = s / l[j][j];
      }
    }
  }
  // Columns of L^-1, then (L^-1)^T L^-1.
  const inv = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let c = 0; c < n; c++) {
    for (let i = c; i < n; i++) {
      let s = i === c ? 1 : 0;
      for (let k = c; k < i; k++) s -= l[i][k] * inv[k][c];
      inv[i][c] = s / l[i][i];
    }
  }
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => inv.reduce((s, row) => s + row[i] * row[j], 0)));
}
