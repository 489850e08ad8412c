/**
 * One customer's predictions from the fitted models.
 *
 * Predicted CLV over H months with monthly discount rate d:
 *   CLV = sum over k = 1..H of (E[Y(k u)] - E[Y((k - 1) u)]) * E[M] / (1 + d)^k
 * where E[Y(t)] is BG/NBD's expected number of purchases in the next t time units given the
 * customer's history, u the time units in a month (365.25 / 12 days over the unit's length)
 * and E[M] Gamma-Gamma's expected value of one purchase. A month's purchases are discounted
 * as if paid at the month's end; the spend model is independent of the purchase process, as
 * Fader & Hardie assume.
 */
import { expectedPurchases, pAlive, type BgNbdParams, type Rfm } from './bgnbd';
import { expectedSpend, type GammaGammaParams } from './gammaGamma';

export interface Horizon {
  months: number;
  monthlyDiscount: number;
  /** Length of the models' time unit, in days (7 = weeks). */
  timeUnitDays: number;
}

export interface CustomerPrediction {
  pAlive: number;
  /** Purchases expected over the horizon (undiscounted). */
  expectedPurchases: number;
  /** Expected value of one future purchase. */
  expectedSpend: number;
  predictedClv: number;
}

export const DAYS_PER_MONTH = 365.25 / 12;

export function predictCustomer(bgnbd: BgNbdParams, gammaGamma: GammaGammaParams, customer: Rfm, meanSpend: number, horizon: Horizon): CustomerPrediction {
  const unitsPerMonth = DAYS_PER_MONTH / horizon.timeUnitDays;
  const value = expectedSpend(gammaGamma, { x: customer.x, m: meanSpend });
  let clv = 0;
  let previous = 0;
  for (let month = 1; month <= horizon.months; month++) {
    const cumulative = expectedPurchases(bgnbd, customer, month * unitsPerMonth);
    clv += ((cumulative - previous) * value) / Math.pow(1 + horizon.monthlyDiscount, month);
    previous = cumulative;
  }
  return { pAlive: pAlive(bgnbd, customer), expectedPurchases: previous, expectedSpend: value, predictedClv: clv };
}
