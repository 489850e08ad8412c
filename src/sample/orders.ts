/** An order's lines: its Gamma-Gamma spend split over 1-3 products of the catalogue. */
import { products } from './model';
import type { Random } from './prng';

export type Line = [product: string, revenue: number, quantity: number, cost: number];

const lineCounts = [[1, 55], [2, 30], [3, 15]] as const;
const productWeights = products.map((p) => [p, p[0] === 'Gift card' ? 1 : 8] as const);

/** Splits an order's spend over its products in proportion to their prices; cost from each product's margin. */
export function orderLines(random: Random, total: number): Line[] {
  const count = random.weighted(lineCounts);
  const chosen = Array.from({ length: count }, () => random.weighted(productWeights));
  const weight = chosen.reduce((s, p) => s + p[2], 0);
  return chosen.map(([name, , price, costShare]) => {
    const revenue = Math.max(1, Math.round((total * price * 100) / weight) / 100);
    const quantity = Math.max(1, Math.round(revenue / price));
    const cost = Math.round(revenue * costShare * (0.95 + 0.1 * random.next()) * 100) / 100;
    return [name, revenue, quantity, cost];
  });
}
