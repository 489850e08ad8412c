/**
 * What a headline is compared with, and whether that comparison is fair. Two choices: the
 * period of the same length just before ("previous"), or the same calendar dates a year
 * earlier ("lastYear": year to date against last year's year to date, which also compares like
 * seasons). A comparison is only worth showing when the data covers every day of the
 * comparison period: against a period before the first order (All time) or one the data only
 * starts in, a change is an artefact of the export, not of the business.
 */
import { previousPeriod } from './scope';

export type CompareMode = 'previous' | 'lastYear';
export const compareModes: CompareMode[] = ['previous', 'lastYear'];

export interface DateRange {
  /** 'YYYY-MM-DD', inclusive. */
  start: string;
  /** 'YYYY-MM-DD', inclusive. */
  end: string;
}

/** How much of a comparison period the data covers: all of it, part of it (0 < fraction < 1), or none. */
export type Coverage = { kind: 'full' } | { kind: 'partial'; fraction: number } | { kind: 'none' };

const day = 86_400_000;
const ms = (d: string) => Date.parse(`${d.slice(0, 10)}T00:00:00Z`);

/** The same calendar day a year earlier; 29 February becomes 28 February. */
export function yearEarlier(date: string): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return `${String(y - 1).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The period the range `start`..`end` is compared with. */
export function comparisonPeriod(start: string, end: string, mode: CompareMode): DateRange {
  return mode === 'lastYear' ? { start: yearEarlier(start), end: yearEarlier(end) } : previousPeriod(start, end);
}

/**
 * The share of `range`'s days on which the data (its first to last order day) could have
 * orders. Counted in whole days, both ends inclusive.
 */
export function coverage(range: DateRange, data: DateRange): Coverage {
  const length = (ms(range.end) - ms(range.start)) / day + 1;
  const overlap = Math.max(0, (Math.min(ms(range.end), ms(data.end)) - Math.max(ms(range.start), ms(data.start))) / day + 1);
  // Written so that an unreadable date (NaN) also means no coverage.
  if (!(length > 0) || !(overlap > 0)) return { kind: 'none' };
  if (overlap >= length) return { kind: 'full' };
  return { kind: 'partial', fraction: overlap / length };
}

/**
 * The covered share as it is shown, in whole percent rounded down: a period 99.6 % covered is
 * not "100 % covered", and one covered for a day of a year is not "0 % covered".
 */
export function shownShare(fraction: number): number {
  return Math.min(0.99, Math.max(0.01, Math.floor(fraction * 100) / 100));
}
