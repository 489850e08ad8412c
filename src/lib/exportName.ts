/**
 * What an export of the customer list is called: what was chosen (facets, segment), then the
 * period, so two exports of different scopes never overwrite each other in Downloads.
 * `customers_country-FR_rfm_segment-At-risk_2025-01-01_2025-12-31.csv`.
 */
import type { FacetChoices } from './customerSets';

export interface ExportScope {
  start: string;
  end: string;
  facets?: FacetChoices;
  segment?: string;
}

/** Letters and digits of any script kept; everything else becomes one dash. */
const slug = (text: string) => text.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');

export function customerCsvName(scope: ExportScope, what = 'customers'): string {
  const parts = [what];
  if (scope.segment) parts.push(slug(scope.segment));
  for (const [facet, values] of Object.entries(scope.facets ?? {})) {
    if (!values.length) continue;
    const shown = values.length > 3 ? [...values.slice(0, 3), `${values.length - 3}-more`] : values;
    parts.push(`${facet}-${shown.map(slug).join('+')}`);
  }
  parts.push(scope.start, scope.end);
  const name = parts.filter(Boolean).join('_');
  // File systems take about 255 bytes: keep well below.
  return `${name.length > 150 ? name.slice(0, 150) : name}.csv`;
}
