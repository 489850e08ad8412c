/**
 * BFGS minimisation with an analytic gradient and a backtracking (Armijo) line search. On the
 * smooth, four-parameter likelihoods here it converges in a few dozen evaluations where
 * Nelder-Mead needs hundreds; callers fall back to Nelder-Mead when it does not converge.
 * Converged: a step moved no coordinate by more than `stepTolerance` (convergence is
 * superlinear, so the error is smaller still) while the gradient is small, or no step can
 * decrease the value any more because the sums' rounding is all that is left.
 * A step never moves a coordinate by more than `maxStep` (the coordinates are log-parameters:
 * far from the optimum the likelihood's log-gamma differences lose all precision and can
 * look better than the optimum), and the first inverse-Hessian guess is scaled from the first
 * step (Nocedal & Wright, eq. 6.20).
 */
import type { Minimum } from './optimize';

export interface ValueAndGradient {
  value: number;
  gradient: number[];
}

export function bfgs(f: (x: number[]) => ValueAndGradient, start: number[], { maxIterations = 200, stepTolerance = 1e-9, maxStep = 1 } = {}): Minimum {
  const n = start.length;
  let x = start;
  let current = f(x);
  if (!Number.isFinite(current.value)) return { x, value: current.value, iterations: 0, converged: false };
  const flat = (g: number[]) => Math.max(...g.map(Math.abs)) <= 1e-6 * Math.max(1, Math.abs(current.value));
  let inverse = identity(n);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const g = current.gradient;
    if (g.every((v) => v === 0)) return { x, value: current.value, iterations: iteration - 1, converged: true };
    let direction = inverse.map((row) => -dot(row, g));
    if (dot(direction, g) >= 0) {
      inverse = identity(n);
      direction = g.map((v) => -v);
    }
    const longest = Math.max(...direction.map(Math.abs));
    if (longest > maxStep) direction = direction.map((v) => (v * maxStep) / longest);
    const slope = dot(direction, g);
    let next: ValueAndGradient | null = null;
    let candidate = x;
    for (let step = 1; step * Math.min(longest, maxStep) > 1e-3 * stepTolerance; step /= 2) {
      candidate = x.map((v, i) => v + step * direction[i]);
      const tried = f(candidate);
      if (Number.isFinite(tried.value) && tried.value <= current.value + 1e-4 * step * slope) {
        next = tried;
        break;
      }
    }
    // No decrease along a descent direction: the sums' rounding, not the optimiser, is the limit.
    if (!next) return { x, value: current.value, iterations: iteration, converged: flat(g) };
    const s = candidate.map((v, i) => v - x[i]);
    const y = next.gradient.map((v, i) => v - g[i]);
    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (iteration === 1) inverse = identity(n).map((row) => row.map((v) => (v * sy) / dot(y, y)));
      inverse = updateInverse(inverse, s, y, sy);
    }
    x = candidate;
    current = next;
    if (Math.max(...s.map(Math.abs)) <= stepTolerance && flat(current.gradient)) return { x, value: current.value, iterations: iteration, converged: true };
  }
  return { x, value: current.value, iterations: maxIterations, converged: false };
}

const dot = (a: number[], b: number[]) => a.reduce((sum, v, i) => sum + v * b[i], 0);
const identity = (n: number): number[][] => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));

/** H' = (I - ρ s yᵀ) H (I - ρ y sᵀ) + ρ s sᵀ with ρ = 1 / (yᵀ s). */
function updateInverse(h: number[][], s: number[], y: number[], sy: number): number[][] {
  const rho = 1 / sy;
  const hy = h.map((row) => dot(row, y));
  const yhy = dot(y, hy);
  return h.map((row, i) => row.map((v, j) => v - rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j]));
}
