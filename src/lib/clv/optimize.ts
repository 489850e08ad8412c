import { bfgs, type ValueAndGradient } from './bfgs';

/**
 * Nelder-Mead minimisation, restarted from its own best point until a restart no longer
 * improves (restarts guard against the simplex collapsing early, a known weakness).
 */
export interface Minimum {
  x: number[];
  value: number;
  iterations: number;
  converged: boolean;
}

export function nelderMead(f: (x: number[]) => number, start: number[], { tolerance = 1e-10, maxIterations = 5_000, step = 0.5 } = {}): Minimum {
  const n = start.length;
  let simplex = [start, ...start.map((_, i) => start.map((v, j) => (i === j ? v + step : v)))];
  let values = simplex.map(f);
  let iterations = 0;
  const safe = (v: number) => (Number.isFinite(v) ? v : Infinity);
  for (; iterations < maxIterations; iterations++) {
    const order = values.map((v, i) => i).sort((a, b) => values[a] - values[b]);
    simplex = order.map((i) => simplex[i]);
    values = order.map((i) => values[i]);
    if (Math.abs(values[n] - values[0]) <= tolerance * (Math.abs(values[0]) + tolerance)) {
      const spread = Math.max(...simplex.slice(1).map((p) => Math.max(...p.map((v, j) => Math.abs(v - simplex[0][j])))));
      if (spread < 1e-7) break;
    }
    const centroid = Array.from({ length: n }, (_, j) => simplex.slice(0, n).reduce((s, p) => s + p[j], 0) / n);
    const along = (t: number) => centroid.map((c, j) => c + t * (simplex[n][j] - c));
    const reflected = along(-1);
    const fr = safe(f(reflected));
    if (fr < values[0]) {
      const expanded = along(-2);
      const fe = safe(f(expanded));
      [simplex[n], values[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
    } else if (fr < values[n - 1]) {
      [simplex[n], values[n]] = [reflected, fr];
    } else {
      const contracted = fr < values[n] ? along(-0.5) : along(0.5);
      const fc = safe(f(contracted));
      if (fc < Math.min(fr, values[n])) {
        [simplex[n], values[n]] = [contracted, fc];
      } else {
        for (let i = 1; i <= n; i++) {
          simplex[i] = simplex[i].map((v, j) => simplex[0][j] + 0.5 * (v - simplex[0][j]));
          values[i] = safe(f(simplex[i]));
        }
      }
    }
  }
  const best = values.indexOf(Math.min(...values));
  return { x: simplex[best], value: values[best], iterations, converged: iterations < maxIterations };
}

/** Nelder-Mead, restarted from the best point until the value stops improving. */
export function minimise(f: (x: number[]) => number, start: number[]): Minimum {
  let best = nelderMead(f, start);
  let iterations = best.iterations;
  for (let restart = 0; restart < 5; restart++) {
    const next = nelderMead(f, best.x, { step: 0.1 });
    iterations += next.iterations;
    const improved = best.value - next.value > 1e-9 * Math.abs(best.value);
    if (next.value < best.value) best = next;
    if (!improved) break;
  }
  return { ...best, iterations };
}

/**
 * BFGS from `start`; if it does not converge (a flat or awkward likelihood), Nelder-Mead with
 * restarts from the best point BFGS reached.
 */
export function minimiseSmooth(f: (x: number[]) => ValueAndGradient, start: number[]): Minimum & { method: 'bfgs' | 'nelder-mead' } {
  const quasiNewton = bfgs(f, start);
  if (quasiNewton.converged) return { ...quasiNewton, method: 'bfgs' };
  const from = Number.isFinite(quasiNewton.value) ? quasiNewton.x : start;
  const simplex = minimise((x) => f(x).value, from);
  return { ...simplex, iterations: simplex.iterations + quasiNewton.iterations, method: 'nelder-mead' };
}
