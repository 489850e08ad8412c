/**
 * Predicted lifetime value on any Db. Two fits of BG/NBD and Gamma-Gamma, named for what they
 * serve:
 * - the prediction: the purchase history of every customer as of the end of the date range
 *   (clv_summary with holdout_check false); its per-customer predictions go to table
 *   `clv_predictions` for the lifetime-value cells and the customer explorer;
 * - the holdout check: the same models fitted on the history up to a calibration end, their
 *   predicted purchases after it set beside what customers actually bought, to judge the model.
 *   It is a check only: nothing shown as a prediction comes from it.
 * The CLV formula is in predict.ts; the arithmetic, apart from the database, in clvMath.ts.
 */
import type { Db } from '../db';
import { formatDate, t } from '../i18n';
import { Said } from '../said';
import type { QueryModule } from '../queryModule';
import { prepareModule, type ParamValues } from '../runModule';
import type { BgNbdParams, Fit } from './bgnbd';
import { localMath, type ClvMath, type Histories } from './clvMath';
import type { Horizon } from './predict';
import type { GammaGammaParams } from './gammaGamma';

export interface ClvOptions {
  /** Holdout check: 'YYYY-MM-DD'; absent: the last 40% of the days from the first to the last purchase day in the range are held out. */
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

/** BG/NBD and Gamma-Gamma fitted on one summary of purchase histories. */
export interface ModelFit {
  customers: number;
  repeaters: number;
  bgnbd: Fit<BgNbdParams>;
  gammaGamma: Fit<GammaGammaParams>;
}

/** The fit the predictions come from: as of the end of the date range. */
export interface PredictionFit extends ModelFit {
  asOf: string;
  totals: { predictedRevenue: number; expectedPurchases: number; meanPAlive: number };
}

/** The fit that checks the model: learns up to calibrationEnd, predicts purchases up to holdoutEnd. */
export interface HoldoutCheck extends ModelFit {
  calibrationEnd: string;
  holdoutEnd: string;
  holdoutUnits: number;
  /** Purchases per customer after the calibration end, predicted and actual, by repeat purchases before it. */
  rows: CalibrationRow[];
}

export interface ClvFit {
  timeUnitDays: number;
  horizonMonths: number;
  monthlyDiscount: number;
  prediction: PredictionFit;
  /** Without a check, why not, and the calibration end it would have used when that is known. */
  check: HoldoutCheck | { error: string; calibrationEnd?: string };
  fitMs: number;
}

const minCustomers = 10;
/** Purchase days after the calibration end below which the holdout says nothing about the model. */
const minHoldoutPurchases = 10;

/**
 * `math`: where the models are fitted (the page passes a worker of their own,
 * src/worker/clvMathThread.ts); `chunk`: summary rows read at a time (a test makes it small).
 */
export async function fitClv(db: Db, summaryModule: QueryModule, options: ClvOptions = {}, math: ClvMath = localMath, chunk = summaryChunk): Promise<ClvFit> {
  const t0 = performance.now();
  const timeUnitDays = options.timeUnitDays ?? 7;
  const horizonMonths = options.horizonMonths ?? 12;
  const monthlyDiscount = options.monthlyDiscount ?? 0.01;
  const summary = (holdoutCheck: boolean) =>
    readSummary(db, summaryModule, { holdout_check: holdoutCheck, calibration_end: holdoutCheck ? (options.calibrationEnd ?? null) : null, time_unit_days: timeUnitDays }, !holdoutCheck, chunk);

  // In a function of its own, so that its columns can go before the holdout's are read.
  const prediction = await predict(db, await summary(false), { months: horizonMonths, monthlyDiscount, timeUnitDays }, math);
  // A failure to read the holdout's summary (a change of data stopped it) is the fit's; the check's own problems are said in the check.
  const holdout = await summary(true);
  const check = await holdoutCheck(holdout, timeUnitDays, math).catch((e: Error) => ({ error: e.message }));
  return { timeUnitDays, horizonMonths, monthlyDiscount, prediction, check, fitMs: performance.now() - t0 };
}

async function predict(db: Db, read: Summary, horizon: Horizon, math: ClvMath): Promise<PredictionFit> {
  const n = read.ids.length;
  if (n < minCustomers) throw new Said(t('clv.fewCustomers', { min: minCustomers, count: n }));
  const { histories } = read;
  const { fitted, predictions } = await math.fitAndPredict(histories, horizon);
  const columns = {
    customer_id: read.ids,
    frequency: histories.x,
    recency: histories.tx,
    T: histories.T,
    monetary_value: histories.m,
    ...predictions,
  };
  await db.insertColumns('clv_predictions', columns);
  const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);
  return {
    asOf: read.calibrationEnd,
    customers: n,
    ...fitted,
    totals: { predictedRevenue: sum(predictions.predicted_clv), expectedPurchases: sum(predictions.expected_purchases), meanPAlive: sum(predictions.p_alive) / n },
  };
}

/** The summary as columns: one customer a row, their ids when `withIds`, and the period it was read for. */
interface Summary {
  ids: string[];
  histories: Histories;
  holdoutPurchases: Float64Array;
  customers: number;
  calibrationEnd: string;
  holdoutEnd: string;
}

/**
 * Rows read from the summary at a time. One row object per customer at once outgrew Node's 4 GB
 * heap in the runner at 100M order lines (about 17M customers); columns of numbers do not.
 */
const summaryChunk = 500_000;

async function readSummary(db: Db, module: QueryModule, params: ParamValues, withIds: boolean, chunk: number): Promise<Summary> {
  await prepareModule(db, module, params);
  await db.exec(`create or replace temp table clv_summary_read as\n${module.sql.replace(/;\s*$/, '')}`);
  try {
    const [{ n }] = await db.rows('select count(*)::double as n from clv_summary_read');
    const count = Number(n);
    const column = () => new Float64Array(count);
    const histories: Histories = { x: column(), tx: column(), T: column(), m: column() };
    const holdoutPurchases = column();
    const ids: string[] = withIds ? new Array<string>(count) : [];
    let calibrationEnd = '';
    let holdoutEnd = '';
    for (let from = 0; from < count; from += chunk) {
      // rowid follows the order the summary wrote its rows in.
      const rows = await db.rows(`select * from clv_summary_read where rowid >= ${from} and rowid < ${from + chunk} order by rowid`);
      if (from === 0 && rows.length) [calibrationEnd, holdoutEnd] = [String(rows[0].calibration_end), String(rows[0].holdout_end)];
      rows.forEach((r, k) => {
        const i = from + k;
        histories.x[i] = Number(r.frequency);
        histories.tx[i] = Number(r.recency);
        histories.T[i] = Number(r.age);
        histories.m[i] = Number(r.monetary_value);
        holdoutPurchases[i] = Number(r.holdout_purchases);
        if (withIds) ids[i] = String(r.customer_id);
      });
    }
    return { ids, histories, holdoutPurchases, customers: count, calibrationEnd, holdoutEnd };
  } finally {
    await db.exec('drop table if exists clv_summary_read');
  }
}

async function holdoutCheck(read: Summary, timeUnitDays: number, math: ClvMath): Promise<ClvFit['check']> {
  if (read.customers < minCustomers) throw new Said(t('clv.fewHoldoutCustomers', { min: minCustomers, count: read.customers }));
  const { calibrationEnd, holdoutEnd } = read;
  const holdoutDays = (Date.parse(`${holdoutEnd}T00:00:00Z`) - Date.parse(`${calibrationEnd}T00:00:00Z`)) / 86_400_000;
  const holdoutUnits = Math.max(0, holdoutDays) / timeUnitDays;
  // Too short a holdout, or one nobody bought in, would draw a flat "actual" line that says
  // nothing about the model: there is then no check, and the reason is given.
  const end = formatDate(calibrationEnd);
  if (holdoutDays < timeUnitDays) return { calibrationEnd, error: t('clv.noHoldoutDays', { end, days: Math.max(0, holdoutDays), min: timeUnitDays }) };
  const purchases = read.holdoutPurchases.reduce((n, v) => n + v, 0);
  if (purchases < minHoldoutPurchases) return { calibrationEnd, error: t('clv.noHoldoutPurchases', { end, purchases, min: minHoldoutPurchases }) };
  const { histories } = read;
  const { fitted, expected } = await math.fitAndExpect(histories, holdoutUnits);
  const buckets = new Map<number, CalibrationRow>();
  for (let i = 0; i < read.customers; i++) {
    const bucket = Math.min(histories.x[i], 7);
    const row = buckets.get(bucket) ?? { frequency: bucket, customers: 0, actual: 0, predicted: 0 };
    row.customers++;
    row.actual += read.holdoutPurchases[i];
    row.predicted += expected[i];
    buckets.set(bucket, row);
  }
  const checkRows = [...buckets.values()]
    .sort((a, b) => a.frequency - b.frequency)
    .map((r) => ({ ...r, actual: r.actual / r.customers, predicted: r.predicted / r.customers }));
  return { calibrationEnd, holdoutEnd, holdoutUnits, customers: read.customers, ...fitted, rows: checkRows };
}
