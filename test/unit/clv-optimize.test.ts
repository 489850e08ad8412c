// The optimisers and the analytic gradients they follow: BFGS and Nelder-Mead find the known
// minimum of Rosenbrock's valley, the likelihood gradients match central differences, and the
// standard errors of a normal mean from the observed information equal sigma / sqrt(n).
import { expect, test } from 'vitest';
import { bfgs } from '../../src/lib/clv/bfgs';
import { bgnbdObjective } from '../../src/lib/clv/bgnbdObjective';
import { gammaGammaObjective } from '../../src/lib/clv/gammaGammaObjective';
import { minimise, minimiseSmooth } from '../../src/lib/clv/optimize';
import { standardErrors } from '../../src/lib/clv/standardErrors';
import { simulateCustomers } from '../support/simulateClv';

// f(x, y) = (1 - x)^2 + 100 (y - x^2)^2, minimum 0 at (1, 1).
const rosenbrock = ([x, y]: number[]) => ({
  value: (1 - x) ** 2 + 100 * (y - x * x) ** 2,
  gradient: [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
});

test('BFGS and Nelder-Mead find the bottom of Rosenbrock’s valley', () => {
  const quasiNewton = bfgs(rosenbrock, [-1.2, 1]);
  expect(quasiNewton.converged).toBe(true);
  expect(quasiNewton.x[0]).toBeCloseTo(1, 6);
  expect(quasiNewton.x[1]).toBeCloseTo(1, 6);
  const simplex = minimise((x) => rosenbrock(x).value, [-1.2, 1]);
  expect(simplex.x[0]).toBeCloseTo(1, 5);
  expect(simplex.x[1]).toBeCloseTo(1, 5);
});

test('when BFGS cannot descend, Nelder-Mead takes over', () => {
  // The reported gradient points the wrong way, so no step along "descent" decreases f.
  const misleading = (x: number[]) => ({ value: (x[0] - 3) ** 2, gradient: [2 * (3 - x[0])] });
  const result = minimiseSmooth(misleading, [0]);
  expect(result.method).toBe('nelder-mead');
  expect(result.x[0]).toBeCloseTo(3, 5);
});

const centralDifference = (f: (x: number[]) => number, x: number[]) =>
  x.map((_, i) => {
    const h = 1e-6;
    const up = x.map((v, j) => (j === i ? v + h : v));
    const down = x.map((v, j) => (j === i ? v - h : v));
    return (f(up) - f(down)) / (2 * h);
  });

test('the likelihood gradients match central differences', () => {
  const { rfm, spend } = simulateCustomers(400, 3, { r: 0.6, alpha: 9, a: 0.85, b: 5 }, { p: 6, q: 4, gamma: 50 });
  const bgnbd = bgnbdObjective(rfm);
  const at = [Math.log(0.4), Math.log(7), Math.log(1.2), Math.log(3)];
  const numeric = centralDifference((x) => bgnbd(x).value, at);
  bgnbd(at).gradient.forEach((g, i) => expect(Math.abs(g - numeric[i])).toBeLessThan(1e-5 * Math.max(1, Math.abs(g))));
  const gammaGamma = gammaGammaObjective(spend.filter((s) => s.x > 0));
  const spendAt = [Math.log(3), Math.log(5), Math.log(30)];
  const spendNumeric = centralDifference((x) => gammaGamma(x).value, spendAt);
  gammaGamma(spendAt).gradient.forEach((g, i) => expect(Math.abs(g - spendNumeric[i])).toBeLessThan(1e-5 * Math.max(1, Math.abs(g))));
});

test('standard errors from the observed information: a normal mean’s is sigma / sqrt(n)', () => {
  // -ln L of n = 400 observations with mean 5 and known sigma = 2, in ln(mu): the estimate is 5
  // with standard error 2 / 20 = 0.1.
  const negLogLikelihood = ([logMu]: number[]) => {
    const mu = Math.exp(logMu);
    return { value: (400 * (mu - 5) ** 2) / (2 * 4), gradient: [(400 * (mu - 5) * mu) / 4] };
  };
  const [se] = standardErrors(negLogLikelihood, [Math.log(5)]);
  expect(se).toBeCloseTo(0.1, 6);
});
