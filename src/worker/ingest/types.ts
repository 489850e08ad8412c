/**
 * The public shapes of ingestion: what the worker passes in, what comes back. Everything is
 * plain data, so it crosses the comlink boundary intact.
 */
import type { Db, Row } from '../../lib/db';
import type { ColumnMapping, Proposal } from '../../lib/mapping/types';

/** What ingestion needs beyond `Db`: file registration, byte reads, Arrow and Parquet. */
export interface IngestHost extends Db {
  /**
   * Makes `data` readable by DuckDB's read_csv (a File is read lazily, not copied) and returns the
   * path to read it by: the engine decides where registered files live (the browser's only
   * readable directory, the runner's private folder). `dropFile` takes the same `name`.
   */
  registerFile(name: string, data: Uint8Array | Blob): Promise<string>;
  dropFile(name: string): Promise<void>;
  /** Creates table `name` from an Arrow IPC stream, or appends to it when `append`. */
  insertArrowIPC(name: string, ipc: Uint8Array, append?: boolean): Promise<void>;
  /**
   * An engine that reads Parquet itself (native DuckDB's read_parquet) creates table `name`
   * from the whole file and returns its rows; without it, Parquet is decoded by parquet-wasm
   * (openParquet) one row group at a time.
   */
  readParquetInto?(name: string, data: Uint8Array | Blob): Promise<number>;
  /** Parquet bytes to an Arrow IPC stream (parquet-wasm; its build differs in Node and browser). */
  decodeParquet(bytes: Uint8Array): Promise<Uint8Array>;
  /** Opens Parquet for reading one row group at a time; a File is read by slices, not whole. */
  openParquet(data: Uint8Array | Blob): Promise<ParquetGroups>;
}

/** A Parquet file opened by parquet-wasm: rows per row group from the footer, one group decoded at a time. */
export interface ParquetGroups {
  rows: number[];
  /** Row group `i` as an Arrow IPC stream. */
  read(i: number): Promise<Uint8Array>;
  close(): void;
}

/** A dropped or picked file: its name (as the user sees it) and its bytes, File handle or (runner) a Blob of a file on disk. */
export interface IngestSource {
  name: string;
  data: Uint8Array | Blob;
  /**
   * Parquet already decoded to an Arrow IPC stream elsewhere (a remote file read by range
   * requests, only the columns needed): `data` is then ignored.
   */
  arrow?: Uint8Array;
}

export type IngestPhase = 'sniffing' | 'reading' | 'decoding' | 'mapping' | 'inserting' | 'done';

export interface IngestProgress {
  phase: IngestPhase;
  bytes?: number;
  totalBytes?: number;
  rows?: number;
}

/** How to read a text file, as the user chose in the mapping step; unset, the file's bytes decide. */
export interface ReadChoices {
  /** Whether the first row (after any title lines) holds the column names. */
  header?: boolean;
  /** ',', ';', '\t', '|', or ' ' for runs of spaces and tabs. */
  delimiter?: string;
  /** Date order when a column's dates never show a day above 12; otherwise the data decides. */
  dateOrder?: 'dmy' | 'mdy';
}

export interface IngestOptions extends ReadChoices {
  /** The user's mapping from the mapping step; loads without asking. */
  mapping?: ColumnMapping;
  /** Corrections the user made before, by header signature (Proposal.signature); one that matches loads without asking. */
  remembered?: Record<string, ColumnMapping>;
  /** Stop after recognising: always return 'needs-mapping' with the proposal and a preview. */
  previewOnly?: boolean;
  onProgress?: (p: IngestProgress) => void;
}

export type IngestErrorCode =
  | 'empty'
  | 'header-only'
  | 'binary'
  | 'spreadsheet'
  | 'utf16'
  | 'not-json'
  | 'parquet-truncated'
  | 'parquet-unreadable'
  | 'ragged'
  | 'no-readable-rows'
  | 'date-order-mixed'
  | 'mapping-invalid'
  | 'read-failed'
  | 'too-large';

/** A failure the user can act on: what happened to which file (row, column) and what to do. */
export interface IngestError {
  code: IngestErrorCode;
  message: string;
  file: string;
  /** 1-based line of the file (CSV) when one line is at fault. */
  line?: number;
  column?: string;
}

export type IngestOutcome = { ok: true; value: IngestResult } | { ok: false; error: IngestError };

export type IngestResult = Loaded | NeedsMapping;

export interface Dialect {
  kind: 'csv' | 'parquet' | 'json';
  encoding?: 'utf-8' | 'utf-8-bom' | 'latin-1' | 'windows-1252';
  delimiter?: string;
  /** false when the file has no header row (its columns are then column1..N). */
  header?: boolean;
  /** Per mapped column: how its numbers or dates were read, decided from the whole column. */
  formats: Record<string, ColumnFormat>;
}

export type ColumnFormat = { decimal: ',' | '.' } | { dateOrder: 'iso' | 'dmy' | 'mdy'; assumed?: boolean };

export interface NeedsMapping {
  status: 'needs-mapping';
  file: string;
  headers: string[];
  proposal: Proposal;
  /** First rows as the best guess would read them (parsed dates and amounts). */
  preview: Row[];
  dialect: Dialect;
  warnings: Notice[];
}

export interface Loaded {
  status: 'loaded';
  file: string;
  /** Identifies this file's rows in base.<table> (column source_file) and in ingest_sources. */
  sourceId: string;
  table: string;
  mapping: ColumnMapping;
  /** Key to remember a correction of this mapping under (see IngestOptions.remembered). */
  signature: string;
  headers: string[];
  rowsLoaded: number;
  /** Rows of the whole canonical table after this file (several files may feed it). */
  tableRows: number;
  /** orders: distinct orders with no customer id (guest orders, kept), not their lines. */
  guestOrders?: number;
  /** orders: distinct orders with a refund or cancelled, not their lines. */
  refundOrders?: number;
  /** Rows not loaded, grouped by reason; list them with listSetAside(). */
  setAside: SetAsideCount[];
  preview: Row[];
  dialect: Dialect;
  warnings: Notice[];
}

export interface SetAsideCount {
  reason: string;
  rows: number;
}

/** Something the user should know that did not stop the load. */
export interface Notice {
  code: 'header-blank' | 'header-duplicate' | 'date-order-assumed' | 'extension-mismatch' | 'encoding' | 'unreadable-values' | 'customer-ids-matched';
  message: string;
  column?: string;
}
