/**
 * Loads files from disk into schema `base` as canonical tables, on native DuckDB, through the
 * same ingestion the page runs (src/worker/ingest): sniffing, encodings, recognition, per-column
 * number and date formats, status words, guests, credit notes and rows set aside. Only what the
 * runner cannot do differs: there is no mapping step to show, so a file the page would ask about
 * fails with the page's question, unless a mapping file answers it.
 *
 * A folder or glob of Parquet files, and the tables of a database (`database`), are not copied:
 * each becomes a view in `base` (src/worker/ingest/inPlace.ts) with the same mapping and rules.
 */
import { basename } from 'node:path';
import { canonicalTables, type CanonicalTableName } from '../lib/canonical';
import { t } from '../lib/i18n';
import { Said } from '../lib/said';
import { emptyColumns } from '../lib/loadedColumns';
import { customerIdNotice } from '../lib/customerIdNotice';
import { loadNotices, mappingQuestion, type LoadNotice } from '../lib/loadNotices';
import { readCatalog } from './readModules';
import { mappingFor, rememberedFrom, type MappingEntry } from '../lib/mappingFile';
import { baseSchema, ensureBaseSchema } from '../lib/scope';
import { ingest } from '../worker/ingest/ingest';
import { readInPlace, type InPlaceSource } from '../worker/ingest/inPlace';
import type { Dialect, IngestOutcome, SetAsideCount } from '../worker/ingest/types';
import { attachDatabase, isDataset, parquetDataset } from './inPlaceSources';
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
  /** Read where it lies (a Parquet folder, a database table) rather than loaded. */
  inPlace?: boolean;
}

export interface LoadResult {
  files: LoadedFile[];
  /**
   * Canonical table -> its columns that hold a value (src/lib/loadedColumns.ts). Every canonical
   * column exists in the table, NULL where no file had it.
   */
  columns: Map<CanonicalTableName, Set<string>>;
  /** Tables of a database that are not one of the canonical tables, with the page's question about each. */
  notRead: { name: string; question: string }[];
}

export interface LoadOptions {
  /** Mappings exported from the page (src/lib/mappingFile.ts). */
  mappings?: MappingEntry[];
  /** Date order for columns whose dates never show a day above 12 (the page's default: day first). */
  dateOrder?: 'dmy' | 'mdy';
  onProgress?: (file: string, text: string) => void;
  /** A DuckDB database file, or `md:<name>` for MotherDuck, whose tables are read in place. */
  database?: string;
  /** Wraps each source's reading, for progress and clearer errors (src/cli/engine.ts). */
  step?: <T>(name: string, run: () => Promise<T>) => Promise<T>;
}

/** Loads every file in turn; several files of one table are appended. Throws a sentence naming the file. */
export async function loadFiles(db: NativeDb, paths: string[], options: LoadOptions = {}): Promise<LoadResult> {
  await ensureBaseSchema(db);
  const step = options.step ?? ((_name, run) => run());
  const host = await nativeIngestHost(db);
  const files: LoadedFile[] = [];
  const notRead: LoadResult['notRead'] = [];
  const remembered = rememberedFrom(options.mappings ?? []);
  // Which source fed each table: a view read in place cannot take more rows, nor a table a view.
  const fedBy = new Map<CanonicalTableName, { name: string; inPlace: boolean }>();
  const loaded = (name: string, outcome: IngestOutcome, started: number, inPlace: boolean, optional = false): void => {
    if (!outcome.ok) throw new Said(outcome.error.message);
    const result = outcome.value;
    if (result.status === 'needs-mapping') {
      const question = mappingQuestion(name, result.proposal.reason, result.headers);
      if (optional) return void notRead.push({ name, question });
      throw new Said(`${question} ${t('runner.giveMapping')}`);
    }
    const table = result.table as CanonicalTableName;
    fedBy.set(table, { name, inPlace });
    const { rowsLoaded, setAside, guestOrders, refundOrders, dialect } = result;
    files.push({ file: name, table, rowsLoaded, setAside, guestOrders, refundOrders, dialect, notices: loadNotices(result), ms: performance.now() - started, ...(inPlace ? { inPlace } : {}) });
  };
  const inPlace = async (source: InPlaceSource, optional = false) => {
    const started = performance.now();
    const given = mappingFor(options.mappings ?? [], source.name);
    const outcome = await step(t('runner.step.reading', { name: source.name }), () => readInPlace(host, source, { dateOrder: options.dateOrder, ...given?.read, mapping: given?.mapping, remembered }));
    if (outcome.ok && outcome.value.status === 'loaded') {
      refuseSecond(fedBy, outcome.value.table as CanonicalTableName, source.name, true);
      // Mentions without a sentiment are scored and the scores written into the table
      // (src/lib/sentiment): a view cannot take them, so this one small table is copied.
      if (outcome.value.table === 'social_mentions') await materialise(db, 'social_mentions');
    }
    loaded(source.name, outcome, started, true, optional);
  };
  try {
    for (const path of paths) {
      if (isDataset(path)) {
        await inPlace(parquetDataset(path));
        continue;
      }
      const name = basename(path);
      const started = performance.now();
      const data = await host.open(path).catch((e: Error) => {
        throw new Said(t('runner.openFailed', { path, detail: e.message.split('\n')[0] }));
      });
      const given = mappingFor(options.mappings ?? [], name);
      const outcome = await step(t('runner.step.loading', { name }), () =>
        ingest(host, { name, data }, {
          dateOrder: options.dateOrder,
          ...given?.read,
          mapping: given?.mapping,
          remembered,
          onProgress: (p) => options.onProgress?.(name, p.phase),
        }),
      );
      if (outcome.ok && outcome.value.status === 'loaded') refuseSecond(fedBy, outcome.value.table as CanonicalTableName, name, false);
      loaded(name, outcome, started, false);
    }
    if (options.database) {
      for (const source of await attachDatabase(db, options.database)) await inPlace(source, true);
    }
  } finally {
    await host.close();
  }
  const columns = new Map<CanonicalTableName, Set<string>>();
  for (const table of fedBy.keys()) {
    const empty = await step(t('runner.step.columns', { table }), () => emptyColumns(db, table, baseSchema));
    columns.set(table, new Set(canonicalTables[table].columns.map((c) => c.name).filter((c) => !empty.includes(c))));
  }
  // As on the page, the file that brought the second of orders and customers reports the ids matched loosely.
  const matches = readCatalog().current.find((m) => m.id === 'customer_id_matches');
  const notice = matches ? await customerIdNotice(db, matches, [...fedBy.keys()]) : undefined;
  const last = files.filter((f) => f.table === 'orders' || f.table === 'customers').at(-1);
  if (notice && last) last.notices.push({ level: 'warning', text: notice.message, code: notice.code });
  return { files, columns, notRead };
}

async function materialise(db: NativeDb, table: string): Promise<void> {
  await db.exec(`create table ${baseSchema}._${table} as select * from ${baseSchema}.${table}`);
  await db.exec(`drop view ${baseSchema}.${table}`);
  await db.exec(`alter table ${baseSchema}._${table} rename to ${table}`);
}

/** Files of one table add up; a source read in place is the whole table (one per table). */
function refuseSecond(fedBy: Map<CanonicalTableName, { name: string; inPlace: boolean }>, table: CanonicalTableName, name: string, inPlace: boolean): void {
  const before = fedBy.get(table);
  if (before && (before.inPlace || inPlace)) {
    throw new Said(t('runner.bothHold', { first: before.name, second: name, table }));
  }
}
