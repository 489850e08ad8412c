/** The date range every cell answers for, and the comparison period before it. */
import { defaultPreset, presetRange, type Preset } from '../lib/datePresets';
import { previousPeriod, type Scope } from '../lib/scope';

export { presets, type Preset } from '../lib/datePresets';

export class ScopeState {
  preset = $state<Preset>(defaultPreset);
  start = $state('');
  end = $state('');
  /** First and last day with data: presets count back from the last day of the data, not from today. */
  dataStart = $state('');
  dataEnd = $state('');

  /** With several currencies in the orders, the one kept (src/lib/currency.ts); otherwise undefined. */
  currency = $state<string | undefined>();

  compare = $derived(this.start && this.end ? previousPeriod(this.start, this.end) : undefined);

  setDataRange(first: string, last: string) {
    this.dataStart = first;
    this.dataEnd = last;
    if (this.preset !== 'custom') this.choose(this.preset);
  }

  choose(preset: Preset) {
    this.preset = preset;
    if (preset === 'custom' || !this.dataEnd) return;
    ({ start: this.start, end: this.end } = presetRange(preset, this.dataStart, this.dataEnd));
  }

  setCustom(start: string, end: string) {
    this.preset = 'custom';
    [this.start, this.end] = start <= end ? [start, end] : [end, start];
  }

  toScope(): Scope {
    return { start: this.start, end: this.end, ...(this.currency ? { currency: this.currency } : {}) };
  }
}
