/**
 * A date range typed by hand, checked before it is applied: both days whole, kept within the
 * data's days (a year typed as 0024 or 3152 lands on the first or last day with data, and the page
 * says so), and From not after To (refused, never swapped behind the user's back).
 */
import type { DateRange } from './comparison';

/** Which end of the data a day was moved to. */
export type Moved = 'first' | 'last';

export type RangeCheck =
  | { ok: true; start: string; end: string; moved: { start?: Moved; end?: Moved } }
  | { ok: false; problem: 'incomplete' | 'order' };

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

function clamp(day: string, data: Partial<DateRange>): { day: string; moved?: Moved } {
  if (data.start && day < data.start) return { day: data.start, moved: 'first' };
  if (data.end && day > data.end) return { day: data.end, moved: 'last' };
  return { day };
}

/** `start` and `end` as the date fields hold them ('YYYY-MM-DD', '' while incomplete); `data` the first and last day with data, when known. */
export function checkRange(start: string, end: string, data: Partial<DateRange>): RangeCheck {
  if (!isoDay.test(start) || !isoDay.test(end)) return { ok: false, problem: 'incomplete' };
  const from = clamp(start, data);
  const to = clamp(end, data);
  if (from.day > to.day) return { ok: false, problem: 'order' };
  const moved = { ...(from.moved ? { start: from.moved } : {}), ...(to.moved ? { end: to.moved } : {}) };
  return { ok: true, start: from.day, end: to.day, moved };
}
