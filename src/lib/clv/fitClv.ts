/**
 * Predicted lifetime value on any Db: reads the per-customer summary module, fits BG/NBD and
 * Gamma-Gamma, writes per-customer predictions to table `clv_predictions` (for other modules
 * and the customer explorer to join) and returns the fit with its checks.
 * The CLV formula is in predict.ts.
 */
import type { Db } from '../db';
import type { QueryModule } from '../queryModule';
import { runModule } from '../runModule';
import { expectedPurchases, fitBgNbd, type BgNbdParams, type Fit, type Rfm } from './bgnbd';
import { fitGammaGamma, type GammaGammaParams } from './gammaGamma';
import { predictCustomer } from './predict';

export interface ClvOptions {
  /** 'YYYY-MM-DD'; absent: the last 40% of the days from the first to the last purchase in the period are held out. */
  calibrationEnd?: string | null;
  timeUnitDays?: number;
  horizonMonths?: number;
  monthlyDiscount?: number;
}

export interface CalibrationRow {
  /** Repeat purchases in the calibration period; 7 means 7 or more. */
  frequency: number;
  customers: number;
  actual: number;
  predicted: number;
}

export interface ClvFit {
  calibrationEnd: string;
  timeUnitDays: number;
  holdoutUnits: number;
  horizonMonths: number;
  monthlyDiscount: number;
  customers: number;
  repeaters: number;
  bgnbd: Fit<BgNbdParams>;
  gammaGamma: Fit<GammaGammaParams>;
  calibration: CalibrationRow[];
  totals: { predictedRevenue: number; expectedPurchases: number; meanPAlive: number };
  fitMs: number;
}

export async function fitClv(db: Db, summaryModule: QueryModule, options: ClvOptions = {}): Promise<ClvFit> {
  const t0 = performance.now();
  const timeUnitDays = options.timeUnitDays ?? 7;
  const horizonMonths = options.horizonMonths ?? 12;
  const monthlyDiscount = options.monthlyDiscount ?? 0.01;
  const rows = await runModule(db, summaryModule, { calibration_end: options.calibrationEnd ?? null, time_unit_days: timeUnitDays });
  if (rows.length < 10) throw new Error(`Lifetime value needs the purchase history of at least 10 customers before the calibration end; there are ${rows.length}.`);
  const calibrationEnd = String(rows[0].calibration_end);
  const holdoutDays = (Date.parse(`${rows[0].holdout_end}T00:00:00Z`) - Date.parse(`${calibrationEnd}T00:00:00Z`)) / 86_400_000;
  const holdoutUnits = Math.max(0, holdoutDays) / timeUnitDays;

  const rfm: Rfm[] = rows.map((r) => ({ x: Number(r.frequency), tx: Number(r.recency), T: Number(r.age) }));
  const spend = rows.map((r, i) => ({ x: rfm[i].x, m: Number(r.monetary_value) }));
  const bgnbd = fitBgNbd(rfm);
  const gammaGamma = fitGammaGamma(spend.filter((s) => s.x > 0));

  const horizon = { months: horizonMonths, monthlyDiscount, timeUnitDays };
  const n = rows.length;
  const columns = {
    customer_id: rows.map((r) => String(r.customer_id)),
    frequency: new Float64Array(n),
    recency: new Float64Array(n),
    T: new Float64Array(n),
    monetary_value: new Float64Array(n),
    p_alive: new Float64Array(n),
    expected_purchases: new Float64Array(n),
    expected_spend: new Float64Array(n),
    predicted_clv: new Float64Array(n),
  };
  const calibration = new Map<number, CalibrationRow>();
  for (let i = 0; i < n; i++) {
    const c = rfm[i];
    const prediction = predictCustomer(bgnbd.params, gammaGamma.params, c, spend[i].m, horizon);
    columns.frequency[i] = c.x;
    columns.recency[i] = c.tx;
    columns.T[i] = c.T;
    columns.monetary_value[i] = spend[i].m;
    columns.p_alive[i] = prediction.pAlive;
    columns.expected_purchases[i] = prediction.expectedPurchases;
    columns.expected_spend[i] = prediction.expectedSpend;
    columns.predicted_clv[i] = prediction.predictedClv;
    const bucket = Math.min(c.x, 7);
    const row = calibration.get(bucket) ?? { frequency: bucket, customers: 0, actual: 0, predicted: 0 };
    row.customers++;
    row.actual += Number(rows[i].holdout_purchases);
    row.predicted += expectedPurchases(bgnbd.params, c, holdoutUnits);
    calibration.set(bucket, row);
  }
  await db.insertColumns('clv_predictions', columns);
  const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);
  return {
    calibrationEnd,
    timeUnitDays,
    holdoutUnits,
    horizonMonths,
    monthlyDiscount,
    customers: n,
    repeaters: spend.filter((s) => s.x > 0).length,
    bgnbd,
    gammaGamma,
    calibration: [...calibration.values()]
      .sort((a, b) => a.frequency - b.frequency)
      .map((r) => ({ ...r, actual: r.actual / r.customers, predicted: r.predicted / r.customers })),
    totals: { predictedRevenue: sum(columns.predicted_clv), expectedPurchases: sum(columns.expected_purchases), meanPAlive: sum(columns.p_alive) / n },
    fitMs: performance.now() - t0,
  };
}
