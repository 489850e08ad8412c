/** The sample store's calendar: its date range and when things happen within it. */
import { trueParams } from './model';
import type { Random } from './prng';

export const DAY = 86_400_000;
export const WEEK = 7 * DAY;
export const start = Date.parse(`${trueParams.start}T00:00:00Z`);
export const end = Date.parse(`${trueParams.end}T23:59:59Z`);
const span = end - start;

/** Relative arrival intensity: growth over the years, a November-December peak, busier weekends. */
function intensity(ms: number): number {
  const d = new Date(ms);
  const dayOfYear = (ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY;
  const growth = 1 + 0.8 * ((ms - start) / span);
  const season =
    1 +
    0.9 * Math.exp(-(((dayOfYear - 332) / 18) ** 2)) +
    0.5 * Math.exp(-(((dayOfYear - 355) / 8) ** 2)) -
    0.15 * Math.exp(-(((dayOfYear - 215) / 25) ** 2));
  const weekday = [1.15, 1.05, 0.95, 0.95, 1.0, 0.9, 1.1][d.getUTCDay()];
  return growth * season * weekday;
}
const maxIntensity = 1.8 * 2.4 * 1.15;

/** A time in the range drawn with the arrival intensity (rejection sampling), at a plausible hour. */
export function arrivalTime(random: Random, from = start, to = end): number {
  for (;;) {
    const t = from + random.next() * (to - from);
    if (random.next() * maxIntensity < intensity(t)) return withHour(random, t);
  }
}

const hours = [[7, 2], [9, 4], [11, 5], [13, 6], [15, 5], [18, 7], [20, 9], [22, 5], [0, 1]] as const;

function withHour(random: Random, t: number): number {
  const midnight = Math.floor(t / DAY) * DAY;
  return midnight + (random.weighted(hours) + random.next() * 2) * 3_600_000;
}

export const dayIndex = (ms: number) => Math.floor((ms - start) / DAY);
export const days = Math.ceil(span / DAY);
