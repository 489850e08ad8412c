/**
 * Customers drawn from the BG/NBD and Gamma-Gamma models themselves, with a seeded generator,
 * for recovery tests and fit timings.
 */
import type { BgNbdParams, Rfm } from '../../src/lib/clv/bgnbd';
import type { GammaGammaParams, Spend } from '../../src/lib/clv/gammaGamma';
import { Random } from '../../src/sample/prng';

export interface SimulatedCustomers {
  rfm: Rfm[];
  spend: Spend[];
}

/**
 * Each customer: purchase rate lambda ~ Gamma(r, alpha), drop-out probability p ~ Beta(a, b),
 * transaction values Gamma(p_spend, nu) with nu ~ Gamma(q, gamma), observed for T time units
 * (uniform on `observed`) after a first purchase at 0. As in BG/NBD's likelihood, a customer
 * can drop out only right after a repeat purchase.
 */
export function simulateCustomers(count: number, seed: number, purchases: BgNbdParams, spend: GammaGammaParams, observed: [number, number] = [20, 100]): SimulatedCustomers {
  const random = new Random(seed);
  const rfm: Rfm[] = [];
  const spends: Spend[] = [];
  for (let i = 0; i < count; i++) {
    const T = observed[0] + random.next() * (observed[1] - observed[0]);
    const lambda = random.gamma(purchases.r, purchases.alpha);
    const dropout = random.beta(purchases.a, purchases.b);
    const nu = random.gamma(spend.q, spend.gamma);
    let t = 0;
    let x = 0;
    let tx = 0;
    let total = 0;
    for (;;) {
      t += random.exponential(lambda);
      if (t > T) break;
      x++;
      tx = t;
      total += random.gamma(spend.p, nu);
      if (random.chance(dropout)) break;
    }
    rfm.push({ x, tx, T });
    spends.push({ x, m: x > 0 ? total / x : 0 });
  }
  return { rfm, spend: spends };
}
