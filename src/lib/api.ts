/**
 * The worker API: the only way the page talks to DuckDB (through comlink). Every method
 * returns plain data; failures are outcomes with a stable code and a sentence for the user,
 * because an Error loses its fields when it crosses threads.
 */
import type { Row } from './db';
import type { ParamValues } from './runModule';
import type { CompareSide, Scope } from './scope';
import type { ClvFit, ClvOptions } from './clv/fitClv';
import type { ColumnMapping, Proposal } from './mapping/types';
import type { ExplorerApi } from './explorerApi';
// Type-only: what ingestion reports is declared beside it (src/worker/ingest/types.ts).
import type { Dialect, Notice, ReadChoices, SetAsideCount, SetAsideRow, SourceInfo } from '../worker/ingest';

export type { ColumnMapping, Proposal, Notice, ReadChoices, SetAsideCount, SetAsideRow, SourceInfo };

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: WorkerError };

export interface WorkerError {
  /**
   * Stable code, e.g. 'sql', 'cancelled', 'file-empty'. 'data-changed': a change of data (a file
   * loaded or removed, the scope applied) stopped the run; run it again to read the new data.
   */
  code: string;
  /** One sentence for the user: what happened and what to do. */
  message: string;
  /** The file, row or column concerned, when there is one. */
  where?: string;
}

export interface ColumnInfo {
  name: string;
  type: string;
}

export interface TableInfo {
  name: string;
  rows: number;
  columns: ColumnInfo[];
  /** Of a canonical table: optional columns without a value, which modules must not count on (src/lib/loadedColumns.ts). */
  empty?: string[];
  /** Where it came from: a file name, 'sample', or a URL. */
  source: string;
}

/** The most rows a query answer or a page carries: the first page is what a cell's chart draws. */
export const firstPageRows = 5000;

export interface QueryResult {
  /** The first rows (up to `firstPageRows`), as an Arrow IPC stream (transferred, not copied). */
  ipc: Uint8Array;
  /** Rows in `ipc`. */
  rows: number;
  /** Rows in the whole result. When more than `rows`, the worker holds the rest for `queryPage`. */
  total: number;
  columns: ColumnInfo[];
  elapsedMs: number;
}

export interface QueryPage {
  /** Arrow IPC stream (transferred, not copied). */
  ipc: Uint8Array;
  rows: number;
}

export interface ModuleResult {
  rows: Row[];
  elapsedMs: number;
  /**
   * While a facet, segment filter or compared segment is on: the tables the module reads that
   * hold no customer and so are read whole (marketing_spend, social_mentions). The page says so
   * on the cell (`scope.unfiltered` in src/lib/i18n.ts).
   */
  unfiltered?: string[];
}

export type LoadPhase = 'compressing' | 'sniffing' | 'reading' | 'decoding' | 'mapping' | 'inserting' | 'counting' | 'preparing' | 'done';

export interface LoadProgress {
  phase: LoadPhase;
  /** Bytes read so far and in all, when known. */
  bytes?: number;
  totalBytes?: number;
  /** Rows in the table so far, once known. */
  rows?: number;
}

/**
 * How to load a file: the mapping the user chose, corrections remembered, or no mapping at all;
 * and how to read it (header row, delimiter, date order) when the user chose that.
 */
export interface LoadOptions extends ReadChoices {
  /** The mapping from the mapping step: load with it, without asking. */
  mapping?: ColumnMapping;
  /** Mappings the user confirmed before, by header signature; a match loads without asking. */
  remembered?: Record<string, ColumnMapping>;
  /** Load the file as a table of its own, named after it, with DuckDB's own type detection. */
  asPlainTable?: boolean;
  /** Always open the mapping step, even for a file no table fits (the user maps it by hand). */
  askMapping?: boolean;
}

/** What loading a file did. */
export type LoadOutcome =
  | { status: 'loaded'; table: TableInfo; report: LoadReport }
  | { status: 'plain'; table: TableInfo }
  | { status: 'needs-mapping'; request: MappingRequest };

/** A file that fed a canonical table: how many rows, what was set aside, what to know. */
export interface LoadReport {
  file: string;
  sourceId: string;
  table: string;
  mapping: ColumnMapping;
  signature: string;
  rowsLoaded: number;
  tableRows: number;
  /** Distinct orders with no customer id, and with a refund or cancelled (orders, not lines). */
  guestOrders?: number;
  refundOrders?: number;
  setAside: SetAsideCount[];
  warnings: Notice[];
  /** The built-in sample store was put away because this file brought the user's own data. */
  replacedSample: boolean;
}

/** The mapping step: the best guesses, the file's headers and its first rows as they would be read. */
export interface MappingRequest {
  file: string;
  /** A file fetched from a URL comes back for the later steps (preview, load with a mapping). */
  fetched?: File;
  headers: string[];
  proposal: Proposal;
  preview: Row[];
  dialect: Dialect;
  warnings: Notice[];
}

/**
 * A removal that can be undone: its rows wait aside in the worker until `undoRemoval`,
 * `forgetRemoval`, or the next load or removal.
 */
export interface Removal {
  id: number;
  /** The table it was in, as listed ('base.orders', 'price_list'). */
  table: string;
  /** The file removed, when one file's rows went (its table goes with its last file). */
  file?: string;
  rows: number;
  /** Nothing of the user's was left, so the sample store was loaded again; undo puts it away. */
  sampleBack: boolean;
}

export interface EngineInfo {
  duckdbVersion: string;
  bundle: string;
  startMs: number;
}

/** With the customer explorer's methods (src/lib/explorerApi.ts). */
export interface ClienteleApi extends ExplorerApi {
  /** Starts DuckDB. `assetBase` is the absolute URL the page's static files are served from. */
  init(assetBase: string): Promise<Outcome<EngineInfo>>;
  /** The page's locale (`fr-FR`): the worker writes its messages in that language from now on. */
  setLanguage(locale: string): Promise<void>;
  /** Loads the built-in sample store into the canonical tables. */
  loadSample(onProgress?: (p: LoadProgress) => void): Promise<Outcome<TableInfo[]>>;
  /**
   * Loads a dropped or picked file (CSV, Parquet, JSON): into its canonical table when its
   * columns are recognised (or mapped by the user), asking when unsure; otherwise as a table
   * named after it.
   */
  loadFile(file: File, onProgress?: (p: LoadProgress) => void, options?: LoadOptions): Promise<Outcome<LoadOutcome>>;
  /**
   * Loads a CSV, Parquet or JSON file from an http(s) URL, with byte progress, then as
   * `loadFile` does. The server must allow this page to read it (CORS).
   */
  loadUrl(url: string, onProgress?: (p: LoadProgress) => void, options?: LoadOptions): Promise<Outcome<LoadOutcome>>;
  /** The first rows of `file` as `mapping` (and the reading choices) would read them, for the mapping step. */
  previewMapping(file: File, mapping: ColumnMapping, choices?: ReadChoices): Promise<Outcome<Row[]>>;
  /** The files that fed the canonical tables. */
  listSources(): Promise<SourceInfo[]>;
  /** Removes one file's rows from its canonical table (the table goes when its last file does). */
  removeSource(sourceId: string): Promise<Outcome<Removal>>;
  /** The rows a file had set aside, in file order. */
  listSetAside(sourceId: string): Promise<SetAsideRow[]>;
  /** Removes a loaded table. */
  dropTable(name: string): Promise<Outcome<Removal>>;
  /** Puts a removal back as it was; 'expired' once forgotten or after another load or removal. */
  undoRemoval(id: number): Promise<Outcome<null>>;
  /** Drops what a removal kept aside (its undo expired); false if it was not held. */
  forgetRemoval(id: number): Promise<boolean>;
  /** Every table and view the user can query, with row counts and columns. */
  listTables(): Promise<TableInfo[]>;
  /**
   * Sets the date range, facets, segment filter and compared segment every later query sees
   * (src/lib/scope.ts). 'scope': an unknown facet or a bad segment condition, with the sentence
   * saying which and what to write instead.
   */
  setScope(scope: Scope): Promise<Outcome<null>>;
  /**
   * Runs SQL for a cell; `ticket` identifies the run so it can be cancelled. Answers with the
   * first rows and the total; a larger result is held under `ticket` for `queryPage` until
   * `releaseResult`, a change of data, or too many others held.
   */
  query(sql: string, ticket: string, params?: ParamValues): Promise<Outcome<QueryResult>>;
  /**
   * Rows `offset` to `offset + limit` (at most `firstPageRows`) of the result held under
   * `ticket`. 'expired': it is no longer held; 'data-changed': the data changed since. Either
   * way, run the query again.
   */
  queryPage(ticket: string, offset: number, limit: number): Promise<Outcome<QueryPage>>;
  /** Lets go of the result held under `ticket` (its cell ran again or went); false if none was. */
  releaseResult(ticket: string): Promise<boolean>;
  /**
   * Runs a query module (by `id@version`), or an edit of its SQL, with parameters, for the scope
   * applied or, given `period`, for another date range (the headline's comparison).
   *
   * `side`, while the scope has a `compareSegment`: 'segment' answers for the segment's
   * customers only, 'rest' for everyone else in scope (guest orders included, so that the two
   * add up to the whole for a count or a sum); without `side` the answer is the whole scope's.
   * A cell showing the segment beside everyone else runs the module twice, once per side (with
   * its own tickets), and may still run it without a side for the total. Each side reads views
   * kept to its customers (schemas seg_in / seg_rest, chosen by the run's own connection), so
   * runs for the two sides and the whole interleave freely. 'no-segment': no segment is compared.
   */
  runModule(ref: string, ticket: string, params?: ParamValues, sql?: string, period?: { start: string; end: string }, side?: CompareSide): Promise<Outcome<ModuleResult>>;

  /**
   * Fits BG/NBD + Gamma-Gamma on the orders in scope and writes table clv_predictions
   * (per customer: P(alive), expected purchases and spend, predicted CLV). `ticket` lets a
   * newer fit cancel this one.
   */
  fitClv(options: ClvOptions, ticket?: string): Promise<Outcome<ClvFit>>;
  /** Cancels the run with this ticket, if it is still going. */
  cancel(ticket: string): Promise<boolean>;
}
