/**
 * How a facet's values read on the page: codes such as `paid_search` as words, the rest as the
 * data has them (a country code stays `FR`, a city stays its name). 'unknown' is a value of its
 * own (customers without a country or city are listed under it, never dropped).
 */
import { categoryWords, humaniseCode } from './formatValue';
import { hasMessage, t } from './i18n';

const coded = new Set(['channel', 'revenue_contribution']);

export function facetValueLabel(facet: string, value: string): string {
  if (value === 'unknown') return t('explorer.unknown');
  // The revenue shares are the module's codes (top_20, next_30, bottom_50), said in the language.
  const share = `facet.value.${value}`;
  if (facet === 'revenue_contribution' && hasMessage(share)) return t(share);
  if (facet === 'facet') return humaniseCode(value);
  // RFM segment names are the module's own words (Champions, At risk): they read in the language.
  if (facet === 'rfm_segment') return categoryWords(value);
  return coded.has(facet) ? humaniseCode(value) : value;
}

/** A customer's country or city in the list and the report, said as the facets say it ('unknown' in words). */
export function placeLabel(column: string, value: unknown): string | undefined {
  return typeof value === 'string' && (column === 'country' || column === 'city') ? facetValueLabel(column, value) : undefined;
}
