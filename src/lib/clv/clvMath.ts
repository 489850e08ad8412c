/**
 * The lifetime-value fit's arithmetic, apart from the database: BG/NBD and Gamma-Gamma fitted on
 * purchase histories given as columns, every customer's predictions, and the purchases a holdout
 * expects. fitClv reaches it through a ClvMath: directly in the runner and the tests, and in a
 * worker of its own in the page (src/worker/clvMathThread.ts), because at 1M orders it is seconds
 * of work that would otherwise hold up the page's worker: a customer's report or a cancel would
 * wait for it.
 */
import { expectedPurchases, fitBgNbd, type BgNbdParams, type Fit, type Rfm } from './bgnbd';
import { fitGammaGamma, type GammaGammaParams } from './gammaGamma';
import { predictCustomer, type Horizon } from './predict';

/** One customer a row: repeat purchases x, the last at tx, observed for T time units; m their mean repeat spend. */
export interface Histories {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  m: Float64Array;
}

export interface FittedModels {
  repeaters: number;
  bgnbd: Fit<BgNbdParams>;
  gammaGamma: Fit<GammaGammaParams>;
}

export interface Predictions {
  p_alive: Float64Array;
  expected_purchases: Float64Array;
  expected_spend: Float64Array;
  predicted_clv: Float64Array;
}

export interface ClvMath {
  /** The models fitted on `histories`, and each customer's predictions over `horizon`. */
  fitAndPredict(histories: Histories, horizon: Horizon): Promise<{ fitted: FittedModels; predictions: Predictions }>;
  /** The models fitted on `histories`, and each customer's expected purchases over the next `units` time units. */
  fitAndExpect(histories: Histories, units: number): Promise<{ fitted: FittedModels; expected: Float64Array }>;
}

const customer = (h: Histories, i: number): Rfm => ({ x: h.x[i], tx: h.tx[i], T: h.T[i] });

export function fitModels(h: Histories): FittedModels {
  const repeat: { x: number; m: number }[] = [];
  for (let i = 0; i < h.x.length; i++) if (h.x[i] > 0) repeat.push({ x: h.x[i], m: h.m[i] });
  return { repeaters: repeat.length, bgnbd: fitBgNbd({ x: h.x, tx: h.tx, T: h.T }), gammaGamma: fitGammaGamma(repeat) };
}

export function predictAll({ bgnbd, gammaGamma }: FittedModels, h: Histories, horizon: Horizon): Predictions {
  const n = h.x.length;
  const out: Predictions = { p_alive: new Float64Array(n), expected_purchases: new Float64Array(n), expected_spend: new Float64Array(n), predicted_clv: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const p = predictCustomer(bgnbd.params, gammaGamma.params, customer(h, i), h.m[i], horizon);
    out.p_alive[i] = p.pAlive;
    out.expected_purchases[i] = p.expectedPurchases;
    out.expected_spend[i] = p.expectedSpend;
    out.predicted_clv[i] = p.predictedClv;
  }
  return out;
}

export function expectedAll({ bgnbd }: FittedModels, h: Histories, units: number): Float64Array {
  return Float64Array.from(h.x, (_, i) => expectedPurchases(bgnbd.params, customer(h, i), units));
}

/** The arithmetic on the calling thread. */
export const localMath: ClvMath = {
  async fitAndPredict(histories, horizon) {
    const fitted = fitModels(histories);
    return { fitted, predictions: predictAll(fitted, histories, horizon) };
  },
  async fitAndExpect(histories, units) {
    const fitted = fitModels(histories);
    return { fitted, expected: expectedAll(fitted, histories, units) };
  },
};
