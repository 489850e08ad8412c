/**
 * The headline's change against the previous period, as the cell shows it: the text and
 * whether it is good news. A share (`percent`, 0..1) changes in percentage points and a
 * score (`score`: NPS, CES) in points, never in relative percent (NPS 20 → 25 is +5 pts, not
 * +25 %); every other format changes in relative percent. The tone follows the module's
 * `better:`, and a change that rounds to zero is no change.
 */
import { getLocale, t, tn } from './i18n';
import type { Better, HeadlineFormat } from './queryModule';
import type { SqlValue } from './db';
import { numberFormat } from './intlFormats';

export type ChangeTone = 'better' | 'worse' | 'neutral';

export interface HeadlineChange {
  text: string;
  tone: ChangeTone;
}

/** undefined when there is nothing to compare: a value is missing, or a relative change from 0. */
export function headlineChange(current: SqlValue, previous: SqlValue, format: HeadlineFormat, better: Better = 'neutral'): HeadlineChange | undefined {
  if (typeof current !== 'number' || typeof previous !== 'number' || !Number.isFinite(current) || !Number.isFinite(previous)) return undefined;
  const signed = (options: Intl.NumberFormatOptions) => numberFormat(getLocale(), { signDisplay: 'exceptZero', ...options });
  let value: number;
  let nf: Intl.NumberFormat;
  let text: string;
  if (format === 'percent') {
    value = (current - previous) * 100;
    nf = signed({ minimumFractionDigits: 1, maximumFractionDigits: 1 });
    text = t('change.pp', { value: nf.format(value) });
  } else if (format === 'score') {
    value = current - previous;
    nf = signed({ maximumFractionDigits: 1 });
    text = tn('change.points', Math.round(Math.abs(value) * 10) / 10, { value: nf.format(value) });
  } else {
    if (previous === 0) return undefined;
    value = (current - previous) / Math.abs(previous);
    nf = signed({ style: 'percent', maximumFractionDigits: 1 });
    text = nf.format(value);
  }
  // The sign Intl shows is the rounded change's: no sign shown, no change.
  const parts = nf.formatToParts(value);
  const rise = parts.some((p) => p.type === 'plusSign') ? 1 : parts.some((p) => p.type === 'minusSign') ? -1 : 0;
  const good = better === 'higher' ? rise : better === 'lower' ? -rise : 0;
  return { text, tone: good > 0 ? 'better' : good < 0 ? 'worse' : 'neutral' };
}
