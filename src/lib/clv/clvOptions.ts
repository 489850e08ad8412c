/**
 * The lifetime-value options a person sets: how many months ahead the value is predicted, and
 * the monthly discount rate, entered as a percent. One rule refuses a bad value for the page's
 * fields and the runner's --horizon and --discount alike.
 */
import { t } from '../i18n';

export const horizonMonths = { min: 1, max: 120, default: 12 };
/** A monthly rate (a share); the person enters it as a percent. */
export const monthlyDiscount = { min: 0, max: 0.1, default: 0.01 };

export type Parsed = { ok: true; value: number } | { ok: false; problem: string };

/** A whole number of months from 1 to 120. */
export function parseHorizon(raw: string): Parsed {
  const text = raw.trim();
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < horizonMonths.min || value > horizonMonths.max) {
    return { ok: false, problem: t('clv.horizonProblem', { min: horizonMonths.min, max: horizonMonths.max }) };
  }
  return { ok: true, value };
}

/** A percent from 0 to 10, as the monthly rate (a share, 0.01 for 1%). */
export function parseDiscountPercent(raw: string): Parsed {
  const text = raw.trim().replace(/%$/, '').trim();
  const percent = Number(text);
  const share = percent / 100;
  if (text === '' || !Number.isFinite(percent) || share < monthlyDiscount.min || share > monthlyDiscount.max) {
    return { ok: false, problem: t('clv.discountProblem', { min: monthlyDiscount.min * 100, max: monthlyDiscount.max * 100 }) };
  }
  return { ok: true, value: share };
}

/** The rate as the percent a person reads and types (0.01 -> "1"). */
export const discountPercentText = (share: number): string => String(+(share * 100).toFixed(4));
