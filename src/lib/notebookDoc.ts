/**
 * A notebook as it is kept and shared: plain data, no Svelte, no DuckDB. The same document is
 * autosaved (IndexedDB), written to a notebook file, carried in a link (compressed) and published
 * in `static/`. It holds the notebook, never the data: where the data came from is named so the
 * reader can drop the same files again or load the same addresses.
 *
 * Contract shared by the notebook state (src/state/notebook.svelte.ts: `toDoc()` / `applyDoc()`),
 * the link codec, the notebook files and the publishing build. Anything read from outside (a link,
 * a file) is untrusted until `parseNotebookDoc` (src/lib/notebookDocCheck.ts) has checked it.
 */
import type { CompareMode } from './comparison';
import type { Preset } from './datePresets';
import type { ParamValues } from './runModule';
import type { FacetChoices, SegmentDef } from './customerSets';

export const notebookFormat = 'clientele-notebook';
export const notebookDocVersion = 1;

export interface NotebookDoc {
  format: typeof notebookFormat;
  version: typeof notebookDocVersion;
  /** What the user called it ("Untitled notebook" until named). */
  name: string;
  cells: CellDoc[];
  scope: ScopeDoc;
  /** The page's currency for amounts (ISO code), when the user chose one. */
  currency?: string;
  /** Where the data came from, in load order. */
  sources: SourceRef[];
  /** Segments the user built, by name; the scope says which is on. */
  segments?: SegmentDef[];
  /** The author's language: only a default, the reader's own choice wins. */
  language?: string;
}

export type CellDoc = ModuleCellDoc | SqlCellDoc | MarkdownCellDoc;

export interface ModuleCellDoc {
  kind: 'module';
  /** Pinned module, `id@version`: the numbers stay those of that version after an upgrade. */
  ref: string;
  /** Parameters the user set (the others take their defaults). */
  params?: ParamValues;
  /** The SQL as the user edited it; absent when it is the module's own. */
  sql?: string;
  chart?: ChartDoc;
  /** Its SQL came from a link and waits for the reader's approval before it runs. */
  held?: true;
}

export interface SqlCellDoc {
  kind: 'sql';
  title?: string;
  sql: string;
  chart?: ChartDoc;
  /** Its SQL came from a link and waits for the reader's approval before it runs. */
  held?: true;
}

export interface MarkdownCellDoc {
  kind: 'markdown';
  /** Markdown source; rendered sanitised. */
  text: string;
}

/** How a cell draws its result: one of the chart types that suit it, or a Vega-Lite spec edited by hand. */
export type ChartDoc = { type: 'metric' | 'table' | 'line' | 'bar' | 'hbar' | 'area' | 'heatmap' | 'point' } | { spec: Record<string, unknown> };

export interface ScopeDoc {
  preset: Preset;
  /** 'YYYY-MM-DD', inclusive; only read when `preset` is 'custom'. */
  start?: string;
  end?: string;
  compare: CompareMode;
  /** Facets that select customers (src/lib/customerSets.ts). */
  facets?: FacetChoices;
  /** Name of the segment applied as a filter, from `segments`. */
  segment?: string;
  /** Name of the segment every KPI cell shows beside everyone else. */
  compareSegment?: string;
  /** With several currencies in the orders, the one kept. */
  keptCurrency?: string;
}

export type SourceRef =
  | { kind: 'sample' }
  /** A file the reader is asked to drop again, by name; `table` is where it went. */
  | { kind: 'file'; name: string; table?: string }
  /** An http(s) address the page loads (the server must allow it: CORS). */
  | { kind: 'url'; url: string; table?: string };

/**
 * `language`: a notebook being kept or shared records `languageForDoc()`; one opened from a link
 * or a file calls `applySharedLanguage(doc.language)`, which speaks it only when the reader has
 * not chosen a language in this browser.
 */
export { applySharedLanguage, languageForDoc } from './locale';
