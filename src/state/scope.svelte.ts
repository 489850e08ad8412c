/** The date range every cell answers for, and the comparison period before it. */
import { previousPeriod, type Scope } from '../lib/scope';

export type Preset = 'last30' | 'last90' | 'last365' | 'ytd' | 'all' | 'custom';
export const presets: Preset[] = ['last30', 'last90', 'last365', 'ytd', 'all', 'custom'];

const day = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);

export class ScopeState {
  preset = $state<Preset>('last365');
  start = $state('');
  end = $state('');
  /** First and last day with data: presets count back from the last day of the data, not from today. */
  dataStart = $state('');
  dataEnd = $state('');

  compare = $derived(this.start && this.end ? previousPeriod(this.start, this.end) : undefined);

  setDataRange(first: string, last: string) {
    this.dataStart = first;
    this.dataEnd = last;
    if (this.preset !== 'custom') this.choose(this.preset);
  }

  choose(preset: Preset) {
    this.preset = preset;
    if (preset === 'custom' || !this.dataEnd) return;
    const end = ms(this.dataEnd);
    const back = { last30: 29, last90: 89, last365: 364 } as const;
    this.end = this.dataEnd;
    if (preset === 'all') this.start = this.dataStart;
    else if (preset === 'ytd') this.start = `${this.dataEnd.slice(0, 4)}-01-01`;
    else this.start = iso(end - back[preset] * day);
  }

  setCustom(start: string, end: string) {
    this.preset = 'custom';
    [this.start, this.end] = start <= end ? [start, end] : [end, start];
  }

  toScope(): Scope {
    return { start: this.start, end: this.end };
  }
}
