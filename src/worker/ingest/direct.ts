/**
 * The short way in for a file that is already canonical: every header is a canonical column
 * of one table, and (Parquet) every column already has the canonical type, or (CSV) DuckDB's
 * reader can cast every value to it. Such files (this app's own exports, the sample store's
 * generator, a warehouse dump) skip the text staging and per-column format decisions, which
 * at 1M orders took most of the load. Anything else, or a CSV with a single value that does
 * not cast, returns undefined and goes the general way.
 *
 * The rows are the general way's all the same: they go through the rules a file's values follow
 * once typed (stagingInPlace, canonicalRowsSql in transform.ts: text trimmed, refunds of
 * cancelled and refunded orders, credit notes, status words). A file with a row the general way
 * sets aside goes the general way, which keeps such rows with their reasons for listing.
 *
 * A CSV is read straight into the canonical table by one statement, inside a transaction: a
 * line DuckDB cannot split, a value that does not cast or a row to set aside fails the read
 * (error() in the row's source_file); its statuses are passed as they are and checked after, on
 * their distinct values, against the general way's classing. Any of these rolls the transaction
 * back and the general way loads the file from the start. Measured in Chromium at 1.57M order
 * lines, the typed copy this replaces (read into a table of its own, checked by another scan,
 * then copied in) spent about a third of the load in the check and the copy.
 *
 * A Parquet file is decoded into a table of its own, whose distinct statuses are classed once
 * (statusSql), then copied in a million rows at a time, each chunk committed as it goes.
 */
import { canonicalTables, type CanonicalTableName } from '../../lib/canonical';
import { quoteIdent } from '../../lib/db';
import { recognise } from '../../lib/mapping/recognise';
import type { ColumnMapping } from '../../lib/mapping/types';
import { insertParquet } from './readParquet';
import { stagingInPlace, statusSql, type InPlaceSource } from './inPlace';
import { statusClassSql } from './statusSql';
import { ensureSourceTables, insertInChunks, ordersCounted, removeSource, sourceIdFor, sourcesTable } from './sources';
import type { Sniffed } from './sniff';
import { sizeOf } from './bytes';
import type { Dialect, IngestHost, IngestOptions, IngestOutcome, IngestSource } from './types';

export async function ingestDirect(
  host: IngestHost,
  source: IngestSource,
  sniffed: Extract<Sniffed, { ok: true }>,
  schema: string,
  raw: string,
  progress: NonNullable<IngestOptions['onProgress']>,
): Promise<IngestOutcome | undefined> {
  // A file named like another kind gets the general way's notice.
  if (sniffed.extensionSays) return undefined;
  const typed = `${raw}_direct`;
  const totalBytes = source.arrow ? source.arrow.byteLength : sizeOf(source.data);
  if (sniffed.kind === 'csv') {
    progress({ phase: 'reading', bytes: 0, totalBytes });
    const loaded = await loadCsvDirect(host, source, sniffed, schema, () => {
      progress({ phase: 'mapping', bytes: totalBytes, totalBytes });
      progress({ phase: 'inserting', bytes: totalBytes, totalBytes });
    });
    if (loaded) progress({ phase: 'done', bytes: totalBytes, totalBytes, rows: loaded.ok && loaded.value.status === 'loaded' ? loaded.value.rowsLoaded : 0 });
    return loaded;
  }
  try {
    progress({ phase: 'decoding', bytes: 0, totalBytes });
    const table = sniffed.kind === 'parquet' ? await readParquetTyped(host, source, typed, (rows, total) => progress({ phase: 'decoding', bytes: Math.round((totalBytes * rows) / Math.max(total, 1)), totalBytes, rows })) : undefined;
    if (!table) return undefined;
    progress({ phase: 'mapping', bytes: totalBytes, totalBytes });
    const loaded = await loadTyped(host, source.name, table, typed, schema, () => progress({ phase: 'inserting', bytes: totalBytes, totalBytes }));
    if (loaded) progress({ phase: 'done', bytes: totalBytes, totalBytes, rows: loaded.ok && loaded.value.status === 'loaded' ? loaded.value.rowsLoaded : 0 });
    return loaded;
  } finally {
    await host.exec(`drop table if exists ${quoteIdent(typed)}`).catch(() => undefined);
    await host.exec(`drop table if exists ${quoteIdent(`${typed}_rej`)}`).catch(() => undefined);
    await host.exec(`drop table if exists ${quoteIdent(`${typed}_scan`)}`).catch(() => undefined);
  }
}

/** The table whose canonical columns are exactly these headers, when recognition is sure of it. */
function canonicalFor(headers: string[], fileName: string): CanonicalTableName | undefined {
  const proposal = recognise(headers, fileName);
  const best = proposal.guesses[0];
  if (proposal.decision !== 'sure' || !best || best.layout) return undefined;
  const columns = new Set(canonicalTables[best.table].columns.map((c) => c.name));
  return headers.length > 0 && new Set(headers).size === headers.length && headers.every((h) => columns.has(h)) ? best.table : undefined;
}

/**
 * The CSV into <schema>.<table> by one read_csv, or undefined (nothing changed) when the file
 * is not for the short way: see the top of this file.
 */
async function loadCsvDirect(host: IngestHost, source: IngestSource, sniffed: Extract<Sniffed, { kind: 'csv' }>, schema: string, onRead: () => void): Promise<IngestOutcome | undefined> {
  if (!sniffed.encoding.startsWith('utf-8') || sniffed.skip > 0) return undefined;
  const table = canonicalFor(sniffed.header, source.name);
  if (!table) return undefined;
  const present = sniffed.header;
  if (!hasRequired(table, present)) return undefined;
  const types = new Map(canonicalTables[table].columns.map((c) => [c.name, c.type]));
  const columns = `{${present.map((h) => `'${h}': '${types.get(h)}'`).join(', ')}}`;
  const target = `${quoteIdent(schema)}.${quoteIdent(table)}`;
  const sourceId = sourceIdFor(source.name, table);
  const path = `_ingest_direct_${++files}.csv`;
  await ensureSourceTables(host, schema, table);
  const readFrom = await host.registerFile(path, source.data);
  try {
    await host.exec('begin transaction');
    let counts: Record<string, unknown>;
    try {
      await removeSource(host, sourceId, schema);
      const kept = keptColumns(table, present);
      // Statuses pass as they are (the general way's classing is checked below, on their distinct values).
      const rows = canonicalRows(table, present, `read_csv(?, delim = '${sniffed.delimiter.replace(/'/g, "''")}', quote = '"', escape = '"', header = true, auto_detect = false, columns = ${columns})`, (v) => v);
      await host.exec(`insert into ${target} (${kept}, source_file) select ${kept}, case when _reason is not null then error('${notClean}') else ?::varchar end from (${rows})`, [sourceId, readFrom]);
      counts = await countLoaded(host, table, target, sourceId, table === 'orders' && present.includes('status'));
      if (Number(counts.toClass ?? 0) > 0) throw new Error(notClean);
    } catch (e) {
      await host.exec('rollback');
      // A file too large for memory is said so by the general way's caller, not read twice.
      if (/out of memory/i.test(String((e as Error)?.message ?? e))) throw e;
      return undefined;
    }
    onRead();
    // An empty file gets the general way's message.
    if (Number(counts.loaded) === 0) {
      await host.exec('rollback');
      return undefined;
    }
    const [{ n: tableRows }] = await host.rows(`select count(*)::double as n from ${target}`);
    const mapping = identity(table, present);
    await host.exec(`insert into ${sourcesTable} values (?, ?, ?, ?, ?, ?)`, [sourceId, source.name, table, Number(counts.loaded), 0, JSON.stringify(mapping)]);
    await host.exec('commit');
    const dialect: Dialect = { kind: 'csv', encoding: sniffed.encoding, delimiter: sniffed.delimiter, formats: {} };
    return loadedWhole({ file: source.name, sourceId, table, mapping, present, counts, tableRows, dialect });
  } catch (e) {
    await host.exec('rollback').catch(() => undefined);
    throw e;
  } finally {
    await host.dropFile(path);
  }
}

let files = 0;
const notClean = 'not for the short way';

async function readParquetTyped(host: IngestHost, source: IngestSource, typed: string, onRows?: (rows: number, total: number) => void): Promise<CanonicalTableName | undefined> {
  try {
    if (source.arrow) await host.insertArrowIPC(typed, source.arrow);
    else if (!(await insertParquet(host, source.data, typed, onRows)).ok) return undefined;
  } catch {
    return undefined; // the general way reports what is wrong with the file
  }
  const described = await host.rows(
    'select column_name as name, data_type as type from information_schema.columns where table_schema = current_schema() and table_name = ? order by ordinal_position',
    [typed],
  );
  const table = canonicalFor(described.map((d) => String(d.name)), source.name);
  if (!table) return undefined;
  const types = new Map(canonicalTables[table].columns.map((c) => [c.name, c.type]));
  return described.every((d) => types.get(String(d.name)) === String(d.type)) ? table : undefined;
}

/** Whether the file has every column the general way requires of the table (a guest order's customer is not one). */
function hasRequired(table: CanonicalTableName, present: string[]): boolean {
  return canonicalTables[table].columns.every((c) => !c.required || (table === 'orders' && c.name === 'customer_id') || present.includes(c.name));
}

/** The file's columns as a mapping of the table onto itself. */
const identity = (table: CanonicalTableName, present: string[]): ColumnMapping => ({ table, columns: Object.fromEntries(present.map((c) => [c, c])) });

/**
 * The columns written: the file's, and orders' refund and status, which the general way works out
 * when the file has none. The others are left to the table's default, NULL, as the general way leaves them.
 */
const keptColumns = (table: CanonicalTableName, present: string[]) =>
  canonicalTables[table].columns
    .filter((c) => present.includes(c.name) || (table === 'orders' && ['refund', 'status'].includes(c.name)))
    .map((c) => quoteIdent(c.name))
    .join(', ');

/**
 * The canonical rows of `relation`, whose columns are `present` with their canonical types, by the
 * general way's rules (stagingInPlace), `_reason` saying why a row would be set aside.
 */
function canonicalRows(table: CanonicalTableName, present: string[], relation: string, status?: (v: string) => string): string {
  const types = new Map(canonicalTables[table].columns.filter((c) => present.includes(c.name)).map((c): [string, string] => [c.name, c.type]));
  return stagingInPlace(inPlace(relation), identity(table, present), types, {}, status);
}

/**
 * A relation as stagingInPlace takes it. Only `relation` is read there: the file has an order id
 * (hasRequired), so no line numbers are needed, and the name and kind are readInPlace's alone.
 */
const inPlace = (relation: string): InPlaceSource => ({ name: '', relation, numbered: relation, kind: 'parquet' });

/**
 * What the load report counts of the rows a file gave the table, as ingest.ts counts them; with
 * `statuses`, also in `toClass` how many of the distinct statuses the general way would class
 * otherwise or set aside ('failed'). In one scan, the statuses gathered in a list so that their
 * check is not pushed down to every row: at 1.57M order lines in DuckDB-WASM the classing on every
 * row took 0.6 s, on the distinct values 0.04 s.
 */
async function countLoaded(host: IngestHost, table: CanonicalTableName, target: string, sourceId: string, statuses = false): Promise<Record<string, unknown>> {
  const counted = `select count(*)::double as loaded${table === 'orders' ? `, ${ordersCounted}` : ''}${statuses ? ', list(distinct status) as statuses' : ''} from ${target} where source_file = ?`;
  if (!statuses) return (await host.rows(counted, [sourceId]))[0];
  const [counts] = await host.rows(
    `with counted as (${counted})
     select * exclude (statuses),
            (select count(*) from (select unnest(statuses) as status from counted) where ${statusClassSql('status')} is distinct from status or status = 'failed')::double as toClass
     from counted`,
    [sourceId],
  );
  return counts;
}

/**
 * The typed table into <schema>.<table>, or undefined (nothing changed) when the general way
 * should load it: the file has no rows, lacks a required column, or has a row to set aside.
 * Copied a million rows at a time, each chunk committed as it goes (insertInChunks).
 */
async function loadTyped(host: IngestHost, file: string, table: CanonicalTableName, typed: string, schema: string, onInsert: () => void): Promise<IngestOutcome | undefined> {
  const present = (await host.rows('select column_name from information_schema.columns where table_schema = current_schema() and table_name = ?', [typed])).map((r) => String(r.column_name));
  if (!hasRequired(table, present)) return undefined;
  const mapping = identity(table, present);
  const status = await statusSql(host, inPlace(quoteIdent(typed)), mapping);
  const rows = (relation: string) => canonicalRows(table, present, relation, status);
  const [{ n, setAside }] = await host.rows(`select count(*)::double as n, count(*) filter (where _reason is not null)::double as setAside from (${rows(quoteIdent(typed))})`);
  // An empty file gets the general way's message; rows set aside are the general way's to keep and list.
  if (Number(n) === 0 || Number(setAside) > 0) return undefined;
  onInsert();
  const target = `${quoteIdent(schema)}.${quoteIdent(table)}`;
  const sourceId = sourceIdFor(file, table);
  await ensureSourceTables(host, schema, table);
  await removeSource(host, sourceId, schema);
  const kept = keptColumns(table, present);
  await insertInChunks(host, target, kept, quoteIdent(typed), sourceId, { rows });
  const counts = await countLoaded(host, table, target, sourceId);
  const [{ n: tableRows }] = await host.rows(`select count(*)::double as n from ${target}`);
  await host.exec(`insert into ${sourcesTable} values (?, ?, ?, ?, ?, ?)`, [sourceId, file, table, Number(counts.loaded), 0, JSON.stringify(mapping)]);
  return loadedWhole({ file, sourceId, table, mapping, present, counts, tableRows, dialect: { kind: 'parquet', formats: {} } });
}

/** The outcome of a file read whole by a short way: every row loaded, none set aside, nothing to preview. */
function loadedWhole(r: {
  file: string;
  sourceId: string;
  table: CanonicalTableName;
  mapping: { table: CanonicalTableName; columns: Record<string, string> };
  present: string[];
  counts: Record<string, unknown>;
  tableRows: unknown;
  dialect: Dialect;
}): IngestOutcome {
  return {
    ok: true,
    value: {
      status: 'loaded',
      file: r.file,
      sourceId: r.sourceId,
      table: r.table,
      mapping: r.mapping,
      signature: recognise(r.present, r.file).signature,
      headers: r.present,
      rowsLoaded: Number(r.counts.loaded),
      tableRows: Number(r.tableRows),
      ...(r.table === 'orders' ? { guestOrders: Number(r.counts.guests), refundOrders: Number(r.counts.refunds) } : {}),
      setAside: [],
      preview: [],
      dialect: r.dialect,
      warnings: [],
    },
  };
}
