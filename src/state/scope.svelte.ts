/** The date range every cell answers for, the period it is compared with, and how well the data covers that. */
import { comparisonPeriod, coverage, type CompareMode, type Coverage, type DateRange } from '../lib/comparison';
import { defaultPreset, presetRange, type Preset } from '../lib/datePresets';
import type { Scope } from '../lib/scope';
import type { FacetChoices, SegmentDef } from '../lib/customerSets';

export { presets, type Preset } from '../lib/datePresets';
export { compareModes, type CompareMode } from '../lib/comparison';

export class ScopeState {
  preset = $state<Preset>(defaultPreset);
  start = $state('');
  end = $state('');
  /** First and last day with data: presets count back from the last day of the data, not from today. */
  dataStart = $state('');
  dataEnd = $state('');
  compareMode = $state<CompareMode>('previous');

  /** With several currencies in the orders, the one kept (src/lib/currency.ts); otherwise undefined. */
  currency = $state<string | undefined>();

  /** Facets that select customers (src/lib/customerSets.ts): every KPI cell and the explorer read those customers. */
  facets = $state<FacetChoices>({});
  /** Name of the kept segment applied as a filter, and of the one shown beside everyone else. */
  segment = $state<string | undefined>();
  compareSegment = $state<string | undefined>();

  compare = $derived<DateRange | undefined>(this.start && this.end ? comparisonPeriod(this.start, this.end, this.compareMode) : undefined);

  /** Unknown until the data's first and last day are: then the comparison is taken as it comes. */
  compareCoverage = $derived<Coverage | undefined>(this.compare && this.dataStart && this.dataEnd ? coverage(this.compare, { start: this.dataStart, end: this.dataEnd }) : undefined);

  /** The comparison period, only when the data covers all of it: cells run their comparison for this. */
  comparable = $derived(this.compareCoverage?.kind === 'partial' || this.compareCoverage?.kind === 'none' ? undefined : this.compare);

  /**
   * A preset counts back from the data's new last day. A custom range stays while the data still
   * covers it; one that reaches dates the data no longer has (a file with them was removed) goes
   * back to the default preset, which the page then says. Returns whether it did.
   */
  setDataRange(first: string, last: string): boolean {
    this.dataStart = first;
    this.dataEnd = last;
    const gone = this.preset === 'custom' && (this.start < first || this.end > last);
    if (gone) this.preset = defaultPreset;
    if (this.preset !== 'custom') this.choose(this.preset);
    return gone;
  }

  choose(preset: Preset) {
    this.preset = preset;
    if (preset === 'custom' || !this.dataEnd) return;
    ({ start: this.start, end: this.end } = presetRange(preset, this.dataStart, this.dataEnd));
  }

  /** A range the user typed or picked, already checked (src/lib/customRange.ts); false when it is the range in use. */
  setCustom(start: string, end: string): boolean {
    if (start === this.start && end === this.end) return false;
    this.preset = 'custom';
    [this.start, this.end] = [start, end];
    return true;
  }

  /** Facets with no value chosen are left out; a segment's name is resolved among `segments`. */
  toScope(segments: SegmentDef[] = []): Scope {
    const facets = Object.fromEntries(Object.entries($state.snapshot(this.facets)).filter(([, values]) => values.length > 0));
    const find = (name: string | undefined) => (name ? segments.find((s) => s.name === name) : undefined);
    const segment = find(this.segment);
    const compareSegment = find(this.compareSegment);
    return {
      start: this.start,
      end: this.end,
      ...(this.currency ? { currency: this.currency } : {}),
      ...(Object.keys(facets).length ? { facets } : {}),
      ...(segment ? { segment } : {}),
      ...(compareSegment ? { compareSegment } : {}),
    };
  }
}
