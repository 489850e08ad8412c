/**
 * The date-range presets, counted back from the data's last day (not from today: an export
 * from last spring should not open on an empty year).
 */
export type Preset = 'last30' | 'last90' | 'last365' | 'ytd' | 'all' | 'custom';
export const presets: Preset[] = ['last30', 'last90', 'last365', 'ytd', 'all', 'custom'];

/** The preset the notebook opens on. */
export const defaultPreset: Preset = 'last365';

const day = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** The period a preset means for data from `dataStart` to `dataEnd` (both 'YYYY-MM-DD'); custom has none. */
export function presetRange(preset: Exclude<Preset, 'custom'>, dataStart: string, dataEnd: string): { start: string; end: string } {
  const back = { last30: 29, last90: 89, last365: 364 } as const;
  if (preset === 'all') return { start: dataStart, end: dataEnd };
  if (preset === 'ytd') return { start: `${dataEnd.slice(0, 4)}-01-01`, end: dataEnd };
  return { start: iso(ms(dataEnd) - back[preset] * day), end: dataEnd };
}
