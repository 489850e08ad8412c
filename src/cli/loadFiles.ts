/**
 * Loads files from disk into schema `base` as canonical tables, on native DuckDB, through the
 * same ingestion the page runs (src/worker/ingest): sniffing, encodings, recognition, per-column
 * number and date formats, status words, guests, credit notes and rows set aside. Only what the
 * runner cannot do differs: there is no mapping step to show, so a file the page would ask about
 * fails with the page's question, unless a mapping file answers it.
 */
import { basename } from 'node:path';
import { canonicalTables, type CanonicalTableName } from '../lib/canonical';
import { t } from '../lib/i18n';
import { emptyColumns } from '../lib/loadedColumns';
import { loadNotices, mappingQuestion, type LoadNotice } from '../lib/loadNotices';
import { mappingFor, rememberedFrom, type MappingEntry } from '../lib/mappingFile';
import { baseSchema, ensureBaseSchema } from '../lib/scope';
import { ingest } from '../worker/ingest/ingest';
import type { Dialect, SetAsideCount } from '../worker/ingest/types';
import type { NativeDb } from './nativeDb';
import { nativeIngestHost } from './nativeIngestHost';

/** One file as loaded: where its rows went and what the page would have said about it. */
export interface LoadedFile {
  file: string;
  table: CanonicalTableName;
  rowsLoaded: number;
  setAside: SetAsideCount[];
  guestOrders?: number;
  refundOrders?: number;
  dialect: Dialect;
  /** The page's notices for this file, in its words. */
  notices: LoadNotice[];
  ms: number;
}

export interface LoadResult {
  files: LoadedFile[];
  /**
   * Canonical table -> its columns that hold a value (src/lib/loadedColumns.ts). Every canonical
   * column exists in the table, NULL where no file had it.
   */
  columns: Map<CanonicalTableName, Set<string>>;
}

export interface LoadOptions {
  /** Mappings exported from the page (src/lib/mappingFile.ts). */
  mappings?: MappingEntry[];
  /** Date order for columns whose dates never show a day above 12 (the page's default: day first). */
  dateOrder?: 'dmy' | 'mdy';
  onProgress?: (file: string, text: string) => void;
}

/** Loads every file in turn; several files of one table are appended. Throws a sentence naming the file. */
export async function loadFiles(db: NativeDb, paths: string[], options: LoadOptions = {}): Promise<LoadResult> {
  await ensureBaseSchema(db);
  const host = await nativeIngestHost(db);
  const files: LoadedFile[] = [];
  const columns = new Map<CanonicalTableName, Set<string>>();
  const remembered = rememberedFrom(options.mappings ?? []);
  try {
    for (const path of paths) {
      const name = basename(path);
      const started = performance.now();
      const data = await host.open(path).catch((e: Error) => {
        throw new Error(`${path} could not be opened: ${e.message}`);
      });
      const given = mappingFor(options.mappings ?? [], name);
      const outcome = await ingest(host, { name, data }, {
        dateOrder: options.dateOrder,
        ...given?.read,
        mapping: given?.mapping,
        remembered,
        onProgress: (p) => options.onProgress?.(name, p.phase),
      });
      if (!outcome.ok) throw new Error(outcome.error.message);
      const result = outcome.value;
      if (result.status === 'needs-mapping') throw new Error(`${mappingQuestion(name, result.proposal.reason, result.headers)} ${t('runner.giveMapping')}`);
      const table = result.table as CanonicalTableName;
      columns.set(table, new Set());
      const { rowsLoaded, setAside, guestOrders, refundOrders, dialect } = result;
      files.push({ file: name, table, rowsLoaded, setAside, guestOrders, refundOrders, dialect, notices: loadNotices(result), ms: performance.now() - started });
    }
  } finally {
    await host.close();
  }
  for (const table of columns.keys()) {
    const empty = await emptyColumns(db, table, baseSchema);
    columns.set(table, new Set(canonicalTables[table].columns.map((c) => c.name).filter((c) => !empty.includes(c))));
  }
  return { files, columns };
}
