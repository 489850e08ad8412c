/**
 * A dropped or fetched file into its canonical table: ingestion (src/worker/ingest), the mapping
 * step when unsure, then the sample put away, the sources listed and the scope rebuilt. Every
 * function here changes data: call it inside the data gate's change.
 */
import type { LoadOptions, LoadOutcome, LoadProgress, LoadReport, Outcome } from '../lib/api';
import { customerIdNotice } from '../lib/customerIdNotice';
import { t } from '../lib/i18n';
import { moduleCatalog } from '../lib/queryModules';
import type { CanonicalTableName } from '../lib/canonical';
import { quoteIdent } from '../lib/db';
import { fitsNoTable, recognise } from '../lib/mapping/recognise';
import { baseSchema } from '../lib/scope';
import { scoreMentions } from '../lib/sentiment/scoreMentions';
import { ConnectionDb } from './browserDb';
import { compressedDatabase, moveToCompressedStore, needsCompressedStore } from './compressedStore';
import { asyncIngestHost, ingest, type IngestOptions, type IngestOutcome, type IngestProgress, type IngestSource } from './ingest';
import { uniqueHeaders } from './ingest/headers';
import { sniff, sniffBytes } from './ingest/sniff';
import { fail, firstLine, messageOf, ok } from './outcomes';
import { loadPlain } from './loadPlain';
import { connect } from './startDuckDB';
import type { Store } from './store';

export type Progress = ((p: LoadProgress) => void) | undefined;

export async function loadFile(store: Store, file: File, onProgress?: Progress, options: LoadOptions = {}): Promise<Outcome<LoadOutcome>> {
  store.requireDb();
  await makeRoomFor(store, file.size, /\.parquet$/i.test(file.name) ? 'parquet' : 'text', onProgress);
  if (options.asPlainTable || (await headerFitsNoTable(file, options))) return loadPlain(store, file, onProgress);
  const { header, delimiter, dateOrder } = options;
  const ingested = await ingestFile(store, { name: file.name, data: file }, { mapping: options.mapping, remembered: options.remembered, previewOnly: options.askMapping, header, delimiter, dateOrder }, onProgress);
  const headerless = ingested.ok && ingested.value.dialect.header === false;
  if (ingested.ok && ingested.value.status === 'needs-mapping' && !headerless && !options.askMapping && fitsNoTable(ingested.value.proposal)) {
    // Nothing canonical about it (a price list, a survey of its own): a table to query.
    return loadPlain(store, file, onProgress);
  }
  return settleIngest(store, ingested, file.name, onProgress);
}

/** Moves the store to the compressed database before a file too large for the plain one. */
async function makeRoomFor(store: Store, bytes: number, kind: 'parquet' | 'text', onProgress?: Progress) {
  if (store.storeDatabase || !needsCompressedStore(bytes, kind)) return;
  onProgress?.({ phase: 'compressing' });
  const conn = await connect(store.requireDb());
  try {
    await moveToCompressedStore(new ConnectionDb(conn, store.turns));
  } finally {
    await conn.close();
  }
  store.storeDatabase = compressedDatabase;
  store.scoping.forgetPrepared();
}

/**
 * A UTF-8 CSV whose header fits no table goes straight to DuckDB's own reader: reading it
 * whole as text first only to learn that cost 1.5-2.5 s per million rows.
 */
async function headerFitsNoTable(file: File, options: LoadOptions): Promise<boolean> {
  if (options.mapping || options.askMapping) return false;
  const sniffed = sniff(file.name, new Uint8Array(await file.slice(0, sniffBytes).arrayBuffer()), file.size, options);
  // A headerless file's column1..N fit no table, but the user maps them (CDNOW's .txt).
  if (!sniffed.ok || sniffed.kind !== 'csv' || sniffed.headerless || !sniffed.encoding.startsWith('utf-8')) return false;
  const proposal = recognise(uniqueHeaders(sniffed.header).headers, file.name);
  return !options.remembered?.[proposal.signature] && fitsNoTable(proposal);
}

/** An ingestion's outcome as the page sees it: the mapping step to show, or the table loaded. */
export async function settleIngest(store: Store, ingested: IngestOutcome, name: string, onProgress?: Progress): Promise<Outcome<LoadOutcome>> {
  if (!ingested.ok) {
    const { code, message, file: where } = ingested.error;
    return fail(code, message, where);
  }
  const result = ingested.value;
  if (result.status === 'needs-mapping') {
    const { file, headers, proposal, preview, dialect, warnings } = result;
    return ok({ status: 'needs-mapping', request: { file, headers, proposal, preview, dialect, warnings } });
  }
  store.ingested = true;
  try {
    const table = result.table as CanonicalTableName;
    onProgress?.({ phase: 'preparing' });
    const replacedSample = await afterCanonicalLoad(store, table);
    const info = await store.describe(baseSchema, table, store.sources.get(`${baseSchema}.${table}`)!);
    onProgress?.({ phase: 'done', rows: info.rows });
    const { sourceId, mapping, signature, rowsLoaded, guestOrders, refundOrders, setAside } = result;
    const matched = table === 'orders' || table === 'customers' ? await customerIdsMatched(store) : undefined;
    const warnings = matched ? [...result.warnings, matched] : result.warnings;
    const report: LoadReport = { file: name, sourceId, table, mapping, signature, rowsLoaded, tableRows: info.rows, guestOrders, refundOrders, setAside, warnings, replacedSample };
    return ok({ status: 'loaded', table: info, report });
  } catch (e) {
    return fail('file-read', t('worker.updateFailed', { file: name, detail: firstLine(messageOf(e)) }), name);
  }
}

/** How many of the customer list's ids met the orders' only loosely (src/lib/customerIdNotice.ts). */
async function customerIdsMatched(store: Store) {
  const module = moduleCatalog().current.find((m) => m.id === 'customer_id_matches');
  return module ? store.withConnection((db) => customerIdNotice(db, module, store.canonical)) : undefined;
}

/** Runs ingestion on one connection, with DuckDB's scan progress reported as bytes read. */
export async function ingestFile(store: Store, source: IngestSource, options: IngestOptions, onProgress?: Progress): Promise<IngestOutcome> {
  const db = store.requireDb();
  const total = source.data instanceof File ? source.data.size : undefined;
  let phase: IngestProgress['phase'] = 'sniffing';
  return store.withConnection(async (c) => {
    await c.conn.query('SET enable_progress_bar = true');
    store.progressListener = (pct) => {
      if (phase === 'reading' && total) onProgress?.({ phase: 'reading', bytes: Math.round((pct / 100) * total), totalBytes: total });
    };
    try {
      return await ingest(asyncIngestHost(db, c), source, {
        ...options,
        onProgress: (p) => {
          phase = p.phase;
          if (p.phase !== 'done') onProgress?.({ ...p, ...(total ? { totalBytes: total } : { bytes: undefined, totalBytes: undefined }) });
        },
      });
    } finally {
      store.progressListener = undefined;
    }
  });
}

/**
 * After a file fed base.<table>: the first of the user's canonical files puts the whole
 * sample store away, so the user's orders are never mixed with the sample's tickets; the
 * table's sources are listed; mentions are scored; the scoped views are rebuilt.
 */
async function afterCanonicalLoad(store: Store, table: CanonicalTableName): Promise<boolean> {
  const replacedSample = [...store.sources.values()].includes('sample');
  await store.withConnection(async (db) => {
    if (replacedSample) {
      for (const t of store.canonical) {
        // The sample's rows are the ones no file brought (source_file is null).
        if (t === table) await db.exec(`delete from ${baseSchema}.${quoteIdent(t)} where source_file is null`);
        else await store.dropCanonical(db, t);
      }
      for (const key of [...store.sources.keys()]) if (store.sources.get(key) === 'sample') store.sources.delete(key);
      store.canonical = [];
    }
    if (!store.canonical.includes(table)) store.canonical.push(table);
    await store.refreshSourceNames(db, table);
    if (table === 'social_mentions') await scoreMentions(db);
  });
  await store.scoping.rescope();
  return replacedSample;
}
