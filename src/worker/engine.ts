/**
 * Everything beside DuckDB in the worker: start-up, loading files and the sample store,
 * the scope, and running cell SQL and query modules. Each run gets its own connection, so
 * runs interleave, can be cancelled one by one, and a failing cell does not disturb others.
 */
import type { AsyncDuckDB } from '@duckdb/duckdb-wasm';
import { DuckDBDataProtocol } from '@duckdb/duckdb-wasm';
import * as arrow from 'apache-arrow';
import * as Comlink from 'comlink';
import { canonicalTableNames, type CanonicalTableName } from '../lib/canonical';
import { quoteIdent } from '../lib/db';
import { bindParams, type ParamValues } from '../lib/runModule';
import { applyScope, baseSchema, ensureBaseSchema, setPeriod, type Scope } from '../lib/scope';
import { moduleCatalog } from '../lib/queryModules';
import { scoreMentions } from '../lib/sentiment/scoreMentions';
import { fitClv, type ClvFit, type ClvOptions } from '../lib/clv/fitClv';
import type { ClienteleApi, ColumnInfo, EngineInfo, LoadOptions, LoadOutcome, LoadProgress, LoadReport, Outcome, QueryResult, TableInfo, WorkerError } from './api';
import { ConnectionDb } from './browserDb';
import { fileKind, tableNameFor } from './fileKinds';
import { derivedTables } from '../lib/canonical';
import { preparedTables } from '../lib/prepared';
import type { Row } from '../lib/db';
import type { ColumnMapping } from '../lib/mapping/types';
import { asyncIngestHost, ingest, listSetAside, listSources, removeSource, type ReadChoices, type IngestOptions, type IngestOutcome, type IngestSource, type IngestProgress, type SetAsideRow, type SourceInfo } from './ingest';
import { parquetToIPC } from './parquet';
import { checkUrl, fetchRemote, nameFromUrl, RemoteError } from './fetchRemote';
import { openRemoteParquet, type RemoteParquet } from './remoteParquet';
import { fitsNoTable, recognise } from '../lib/mapping/recognise';
import { uniqueHeaders } from './ingest/headers';
import { sniff, sniffBytes } from './ingest/sniff';
import { compressedDatabase, moveToCompressedStore, needsCompressedStore } from './compressedStore';
import { connect, startDuckDB } from './startDuckDB';

type Progress = ((p: LoadProgress) => void) | undefined;

const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
const fail = (code: string, message: string, where?: string): Outcome<never> => ({ ok: false, error: { code, message, where } });

export class Engine implements ClienteleApi {
  private db?: AsyncDuckDB;
  private assetBase = '';
  private running = new Map<string, ConnectionDb>();
  private cancelled = new Set<string>();
  private sources = new Map<string, string>();
  private canonical: CanonicalTableName[] = [];
  private scope?: Scope;
  /** Set once the data moved to the compressed database (src/worker/compressedStore.ts). */
  private storeDatabase?: string;
  /** While the data moves there. */
  private moving?: Promise<void>;
  /** What the prepared tables were last built for (facets, tables); cleared when data changes. */
  private preparedFor?: string;
  private progressListener?: (percentage: number) => void;
  private sampleIPC?: Promise<Map<string, Uint8Array>>;
  /** Whether any file went through ingestion (its bookkeeping tables exist). */
  private ingested = false;

  async init(assetBase: string): Promise<Outcome<EngineInfo>> {
    const t0 = performance.now();
    try {
      this.assetBase = assetBase;
      // The sample's Parquet is fetched and decoded here while DuckDB compiles in its own
      // worker: the two biggest start-up costs overlap on a two-core machine.
      this.sampleIPC = this.decodeSample();
      this.sampleIPC.catch(() => undefined);
      this.db = await startDuckDB();
      // DuckDB reports query progress (e.g. while read_csv scans a file) only through this
      // internal callback list; there is no public API for it in 1.32.
      (this.db as unknown as { _onExecutionProgress: ((p: { percentage: string }) => void)[] })._onExecutionProgress.push(
        (p) => this.progressListener?.(Number(p.percentage)),
      );
      const version = await this.db.getVersion();
      await this.withDb(async (db) => ensureBaseSchema(db));
      return ok({ duckdbVersion: version, bundle: 'eh', startMs: performance.now() - t0 });
    } catch (e) {
      return fail('start', `The database could not start: ${messageOf(e)}`);
    }
  }

  async loadSample(onProgress?: Progress): Promise<Outcome<TableInfo[]>> {
    const db = this.requireDb();
    const loaded: TableInfo[] = [];
    try {
      onProgress?.({ phase: 'decoding' });
      const decoded = await (this.sampleIPC ?? this.decodeSample());
      for (const table of canonicalTableNames) {
        const ipc = decoded.get(table)!;
        await this.withConnection(async (c) => {
          await c.conn.query(`drop table if exists ${baseSchema}.${quoteIdent(table)}`);
          await c.conn.insertArrowFromIPCStream(ipc, { name: table, schema: baseSchema, create: true });
        });
        this.sources.set(`${baseSchema}.${table}`, 'sample');
        if (!this.canonical.includes(table)) this.canonical.push(table);
        loaded.push(await this.describe(baseSchema, table, 'sample'));
        onProgress?.({ phase: 'inserting', rows: loaded.at(-1)!.rows });
      }
      if (this.canonical.includes('social_mentions')) await this.withDb((db) => scoreMentions(db));
      await this.rescope();
      onProgress?.({ phase: 'done' });
      return ok(loaded);
    } catch (e) {
      return fail('sample', `The sample store could not be loaded: ${messageOf(e)}`);
    }
  }

  /** Fetches and decodes every table of the sample store; fails with a sentence naming the table. */
  private async decodeSample(): Promise<Map<string, Uint8Array>> {
    const tables = await Promise.all(
      canonicalTableNames.map(async (table) => {
        const response = await fetch(`${this.assetBase}sample/${table}.parquet`);
        const bytes = new Uint8Array(await response.arrayBuffer());
        // A missing static file comes back as the SPA's index.html with status 200.
        if (!response.ok || bytes[0] !== 0x50) throw new Error(`The sample store's ${table} table is missing from this build.`);
        return [table, await parquetToIPC(bytes)] as const;
      }),
    );
    return new Map(tables);
  }

  async loadFile(file: File, onProgress?: Progress, options: LoadOptions = {}): Promise<Outcome<LoadOutcome>> {
    this.requireDb();
    await this.makeRoomFor(file.size, /\.parquet$/i.test(file.name) ? 'parquet' : 'text', onProgress);
    if (options.asPlainTable || (await this.headerFitsNoTable(file, options))) return this.loadPlain(file, onProgress);
    const { header, delimiter, dateOrder } = options;
    const ingested = await this.ingestFile({ name: file.name, data: file }, { mapping: options.mapping, remembered: options.remembered, previewOnly: options.askMapping, header, delimiter, dateOrder }, onProgress);
    const headerless = ingested.ok && ingested.value.dialect.header === false;
    if (ingested.ok && ingested.value.status === 'needs-mapping' && !headerless && !options.askMapping && fitsNoTable(ingested.value.proposal)) {
      // Nothing canonical about it (a price list, a survey of its own): a table to query.
      return this.loadPlain(file, onProgress);
    }
    return this.settleIngest(ingested, file.name, onProgress);
  }

  /** Moves the store to the compressed database before a file too large for the plain one. */
  private async makeRoomFor(bytes: number, kind: 'parquet' | 'text', onProgress?: Progress) {
    if (this.storeDatabase || this.moving || !needsCompressedStore(bytes, kind)) return this.moving;
    onProgress?.({ phase: 'compressing' });
    // Queries asked for meanwhile (the notebook still computing on the old data) wait for the
    // move: between its statements the views they read do not exist.
    this.moving = (async () => {
      const conn = await connect(this.requireDb());
      try {
        await moveToCompressedStore(new ConnectionDb(conn));
      } finally {
        await conn.close();
      }
      this.storeDatabase = compressedDatabase;
      this.preparedFor = undefined;
    })();
    try {
      await this.moving;
    } finally {
      this.moving = undefined;
    }
  }

  /** An ingestion's outcome as the page sees it: the mapping step to show, or the table loaded. */
  private async settleIngest(ingested: IngestOutcome, name: string, onProgress?: Progress): Promise<Outcome<LoadOutcome>> {
    if (!ingested.ok) {
      const { code, message, file: where } = ingested.error;
      return fail(code, message, where);
    }
    const result = ingested.value;
    if (result.status === 'needs-mapping') {
      const { file, headers, proposal, preview, dialect, warnings } = result;
      return ok({ status: 'needs-mapping', request: { file, headers, proposal, preview, dialect, warnings } });
    }
    this.ingested = true;
    try {
      const table = result.table as CanonicalTableName;
      onProgress?.({ phase: 'preparing' });
      const replacedSample = await this.afterCanonicalLoad(table);
      const info = await this.describe(baseSchema, table, this.sources.get(`${baseSchema}.${table}`)!);
      onProgress?.({ phase: 'done', rows: info.rows });
      const { sourceId, mapping, signature, rowsLoaded, guestOrders, refundOrders, setAside, warnings } = result;
      const report: LoadReport = { file: name, sourceId, table, mapping, signature, rowsLoaded, tableRows: info.rows, guestOrders, refundOrders, setAside, warnings, replacedSample };
      return ok({ status: 'loaded', table: info, report });
    } catch (e) {
      return fail('file-read', `"${name}" was read but the notebook could not be updated: ${firstLine(messageOf(e))}`, name);
    }
  }

  async loadUrl(url: string, onProgress?: Progress, options: LoadOptions = {}): Promise<Outcome<LoadOutcome>> {
    if (!options.asPlainTable && /\.(parquet|pq)$/i.test(pathOf(url))) {
      const loaded = await this.loadRemoteParquet(url, onProgress, options);
      if (loaded) return loaded;
    }
    let file: File;
    try {
      onProgress?.({ phase: 'reading', bytes: 0 });
      file = await fetchRemote(url, (bytes, totalBytes) => onProgress?.({ phase: 'reading', bytes, totalBytes }));
    } catch (e) {
      if (e instanceof RemoteError) return fail(e.code, e.message, url);
      return fail('url-unreachable', `${url} could not be read: ${firstLine(messageOf(e))}`, url);
    }
    const outcome = await this.loadFile(file, onProgress, options);
    // The mapping step previews and loads the fetched copy, not the URL again.
    if (outcome.ok && outcome.value.status === 'needs-mapping') outcome.value.request.fetched = file;
    return outcome;
  }

  /**
   * A Parquet file at a URL whose columns are recognised (or mapped before) is read by HTTP
   * range requests: the footer, then only the mapped columns, row group by row group. Without
   * a sure mapping, or when the server will not serve ranges, it returns undefined and the
   * file is fetched whole (the mapping step needs all of it).
   */
  private async loadRemoteParquet(url: string, onProgress: Progress, options: LoadOptions): Promise<Outcome<LoadOutcome> | undefined> {
    let remote: RemoteParquet;
    try {
      remote = await openRemoteParquet(checkUrl(url).href);
    } catch {
      return undefined;
    }
    try {
      const name = nameFromUrl(url);
      const proposal = recognise(remote.columns, name);
      const mapping = options.mapping ?? options.remembered?.[proposal.signature] ?? (proposal.decision === 'sure' ? proposal.guesses[0]?.mapping : undefined);
      if (!mapping) return undefined;
      const columns = [...new Set(Object.values(mapping.columns))].filter((c) => remote.columns.includes(c));
      onProgress?.({ phase: 'reading' });
      const arrow = await remote.read(columns, (rows) => onProgress?.({ phase: 'reading', rows }));
      const ingested = await this.ingestFile({ name, data: new Uint8Array(0), arrow }, { mapping }, onProgress);
      return this.settleIngest(ingested, name, onProgress);
    } catch (e) {
      return fail('url-unreachable', `${url} could not be read as Parquet: ${firstLine(messageOf(e))}. Download the file and drop it here instead.`, url);
    } finally {
      remote.close();
    }
  }

  /**
   * A UTF-8 CSV whose header fits no table goes straight to DuckDB's own reader: reading it
   * whole as text first only to learn that cost 1.5-2.5 s per million rows.
   */
  private async headerFitsNoTable(file: File, options: LoadOptions): Promise<boolean> {
    if (options.mapping || options.askMapping) return false;
    const sniffed = sniff(file.name, new Uint8Array(await file.slice(0, sniffBytes).arrayBuffer()), file.size, options);
    // A headerless file's column1..N fit no table, but the user maps them (CDNOW's .txt).
    if (!sniffed.ok || sniffed.kind !== 'csv' || sniffed.headerless || !sniffed.encoding.startsWith('utf-8')) return false;
    const proposal = recognise(uniqueHeaders(sniffed.header).headers, file.name);
    return !options.remembered?.[proposal.signature] && fitsNoTable(proposal);
  }

  async previewMapping(file: File, mapping: ColumnMapping, choices: ReadChoices = {}): Promise<Outcome<Row[]>> {
    const { header, delimiter, dateOrder } = choices;
    const ingested = await this.ingestFile({ name: file.name, data: file }, { mapping, previewOnly: true, header, delimiter, dateOrder });
    if (!ingested.ok) return fail(ingested.error.code, ingested.error.message, ingested.error.file);
    return ok(ingested.value.preview);
  }

  /** Runs ingestion on one connection, with DuckDB's scan progress reported as bytes read. */
  private async ingestFile(source: IngestSource, options: IngestOptions, onProgress?: Progress): Promise<IngestOutcome> {
    const db = this.requireDb();
    const total = source.data instanceof File ? source.data.size : undefined;
    let phase: IngestProgress['phase'] = 'sniffing';
    return this.withConnection(async (c) => {
      await c.conn.query('SET enable_progress_bar = true');
      this.progressListener = (pct) => {
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
        this.progressListener = undefined;
      }
    });
  }

  /**
   * After a file fed base.<table>: the first of the user's canonical files puts the whole
   * sample store away, so the user's orders are never mixed with the sample's tickets; the
   * table's sources are listed; mentions are scored; the scoped views are rebuilt.
   */
  private async afterCanonicalLoad(table: CanonicalTableName): Promise<boolean> {
    const replacedSample = [...this.sources.values()].includes('sample');
    await this.withDb(async (db) => {
      if (replacedSample) {
        for (const t of this.canonical) {
          // The sample's rows are the ones no file brought (source_file is null).
          if (t === table) await db.exec(`delete from ${baseSchema}.${quoteIdent(t)} where source_file is null`);
          else await this.dropCanonical(db, t);
        }
        for (const key of [...this.sources.keys()]) if (this.sources.get(key) === 'sample') this.sources.delete(key);
        this.canonical = [];
      }
      if (!this.canonical.includes(table)) this.canonical.push(table);
      await this.refreshSourceNames(db, table);
      if (table === 'social_mentions') await scoreMentions(db);
    });
    await this.rescope();
    return replacedSample;
  }

  /** A canonical table's source is the list of files that fed it. */
  private async refreshSourceNames(db: ConnectionDb, table: CanonicalTableName) {
    const files = (await listSources(db)).filter((s) => s.table === table).map((s) => s.fileName);
    if (files.length) this.sources.set(`${baseSchema}.${table}`, files.join(', '));
    else this.sources.delete(`${baseSchema}.${table}`);
  }

  /** Drops a canonical table and the scoped view over it. */
  private async dropCanonical(db: ConnectionDb, table: string) {
    await db.exec(`drop view if exists main.${quoteIdent(table)}`).catch(() => db.exec(`drop table if exists main.${quoteIdent(table)}`));
    await db.exec(`drop table if exists ${baseSchema}.${quoteIdent(table)}`);
  }

  async listSources(): Promise<SourceInfo[]> {
    // Before the first ingested file the bookkeeping tables do not exist yet.
    if (!this.ingested) return [];
    return this.withDb((db) => listSources(db));
  }

  async listSetAside(sourceId: string): Promise<SetAsideRow[]> {
    return this.withDb((db) => listSetAside(db, sourceId));
  }

  async removeSource(sourceId: string): Promise<Outcome<null>> {
    try {
      await this.withDb(async (db) => {
        const source = (await listSources(db)).find((s) => s.sourceId === sourceId);
        if (!source) throw new Error(`there is no loaded file "${sourceId}"`);
        await removeSource(db, sourceId);
        const table = source.table as CanonicalTableName;
        await this.refreshSourceNames(db, table);
        if (!this.sources.has(`${baseSchema}.${table}`)) {
          await this.dropCanonical(db, table);
          this.canonical = this.canonical.filter((t) => t !== table);
        }
      });
      await this.rescope();
      return ok(null);
    } catch (e) {
      return fail('no-source', `The file could not be removed: ${firstLine(messageOf(e))}`);
    }
  }

  /** A file as a table of its own (not canonical): DuckDB detects its types. */
  private async loadPlain(file: File, onProgress?: Progress): Promise<Outcome<LoadOutcome>> {
    const db = this.requireDb();
    if (file.size === 0) return fail('file-empty', `"${file.name}" is empty. Export it again, with its rows, and drop it here.`, file.name);
    const head = new Uint8Array(await file.slice(0, 4096).arrayBuffer());
    const kind = fileKind(file.name, head);
    if (!kind) {
      return fail('file-kind', `"${file.name}" is not a CSV, Parquet or JSON file. Export the data as CSV and drop that instead.`, file.name);
    }
    // The scoped views (orders, customers, …) and derived tables are taken names too.
    const taken = new Set([...(await this.listTables()).map((t) => t.name), ...canonicalTableNames, ...Object.keys(derivedTables), ...Object.keys(preparedTables)]);
    const name = tableNameFor(file.name, taken);
    const total = file.size;
    onProgress?.({ phase: 'reading', bytes: 0, totalBytes: total });
    try {
      if (kind === 'parquet') {
        const bytes = await readWithProgress(file, (n) => onProgress?.({ phase: 'reading', bytes: n, totalBytes: total }));
        onProgress?.({ phase: 'decoding', bytes: total, totalBytes: total });
        const ipc = await parquetToIPC(bytes);
        onProgress?.({ phase: 'inserting', bytes: total, totalBytes: total });
        await this.withConnection((c) => c.conn.insertArrowFromIPCStream(ipc, { name, create: true }));
      } else {
        const path = `upload-${crypto.randomUUID()}.${kind}`; // no user text in SQL
        await db.registerFileHandle(path, file, DuckDBDataProtocol.BROWSER_FILEREADER, true);
        try {
          this.progressListener = (pct) => onProgress?.({ phase: 'reading', bytes: Math.round((pct / 100) * total), totalBytes: total });
          await this.withConnection(async (c) => {
            if (kind === 'csv') {
              await c.conn.query('SET enable_progress_bar = true');
              await c.exec(`create table ${quoteIdent(name)} as select * from read_csv(?)`, [path]);
            } else {
              await c.conn.insertJSONFromPath(path, { name });
            }
          });
        } finally {
          this.progressListener = undefined;
          await db.dropFile(path);
        }
      }
      onProgress?.({ phase: 'counting', bytes: total, totalBytes: total });
      this.sources.set(name, file.name);
      const info = await this.describe('main', name, file.name);
      onProgress?.({ phase: 'done', rows: info.rows, bytes: total, totalBytes: total });
      return ok({ status: 'plain', table: info });
    } catch (e) {
      return fail('file-read', `"${file.name}" could not be read: ${firstLine(messageOf(e))}`, file.name);
    }
  }

  async dropTable(name: string): Promise<Outcome<null>> {
    if (!this.sources.has(name)) return fail('no-table', `There is no loaded table "${name}".`);
    const [schema, table] = name.includes('.') ? name.split('.') : ['main', name];
    await this.withConnection(async (c) => {
      if (schema === baseSchema) {
        for (const s of await listSources(c)) if (s.table === table) await removeSource(c, s.sourceId);
        await this.dropCanonical(c, table);
      } else {
        await c.exec(`drop table if exists ${quoteIdent(schema)}.${quoteIdent(table)}`);
      }
    });
    this.sources.delete(name);
    this.canonical = this.canonical.filter((t) => `${baseSchema}.${t}` !== name);
    return ok(null);
  }

  async listTables(): Promise<TableInfo[]> {
    const tables: TableInfo[] = [];
    for (const [qualified, source] of this.sources) {
      const [schema, name] = qualified.includes('.') ? qualified.split('.') : ['main', qualified];
      tables.push(await this.describe(schema, name, source));
    }
    return tables;
  }

  async setScope(scope: Scope): Promise<Outcome<null>> {
    this.scope = scope;
    try {
      await this.rescope(false);
      return ok(null);
    } catch (e) {
      return fail('scope', `The date range or filters could not be applied: ${firstLine(messageOf(e))}`);
    }
  }

  async query(sql: string, ticket: string, params?: ParamValues): Promise<Outcome<QueryResult>> {
    const t0 = performance.now();
    return this.run(ticket, async (c) => {
      await this.prepareConnection(c, params);
      const table = await c.table(sql);
      const ipc = arrow.tableToIPC(table, 'stream');
      return { ipc, rows: table.numRows, columns: columnsOf(table), elapsedMs: performance.now() - t0 };
    }).then((outcome) => (outcome.ok ? Comlink.transfer(outcome, [outcome.value.ipc.buffer]) : outcome));
  }

  async runModule(ref: string, ticket: string, params?: ParamValues, sql?: string, period?: { start: string; end: string }) {
    const module = moduleCatalog().byRef.get(ref);
    if (!module) return fail('no-module', `There is no query module "${ref}" in this version of Clientele.`);
    const t0 = performance.now();
    return this.run(ticket, async (c) => {
      await this.prepareConnection(c);
      if (period) await setPeriod(c, period.start, period.end);
      await bindParams(c, module, params);
      const rows = await c.rows(sql ?? module.sql);
      return { rows, elapsedMs: performance.now() - t0 };
    });
  }

  async fitClv(options: ClvOptions): Promise<Outcome<ClvFit>> {
    const summary = moduleCatalog().current.find((m) => m.id === 'clv_summary');
    if (!summary) return fail('no-module', 'This version of Clientele has no lifetime-value summary module.');
    const outcome = await this.run('clv-fit', async (c) => {
      await this.prepareConnection(c);
      return fitClv(c, summary, options);
    });
    if (!outcome.ok && outcome.error.code === 'sql') outcome.error.code = 'clv';
    return outcome;
  }

  async cancel(ticket: string): Promise<boolean> {
    const c = this.running.get(ticket);
    if (!c) return false;
    this.cancelled.add(ticket);
    return c.cancel();
  }

  private async run<T>(ticket: string, body: (c: ConnectionDb) => Promise<T>): Promise<Outcome<T>> {
    await this.moving?.catch(() => undefined);
    const conn = await connect(this.requireDb(), this.storeDatabase);
    const c = new ConnectionDb(conn);
    this.running.set(ticket, c);
    try {
      return ok(await body(c));
    } catch (e) {
      if (this.cancelled.has(ticket)) return fail('cancelled', 'The query was cancelled.');
      return { ok: false, error: sqlError(e) };
    } finally {
      this.running.delete(ticket);
      this.cancelled.delete(ticket);
      await conn.close();
    }
  }

  /** A fresh connection sees the views, but variables are per connection: set the period. */
  private async prepareConnection(c: ConnectionDb, params?: ParamValues) {
    if (this.scope) await setPeriod(c, this.scope.start, this.scope.end);
    for (const [name, value] of Object.entries(params ?? {})) {
      if (!/^[a-z_][a-z0-9_]*$/i.test(name)) throw new Error(`"${name}" is not a valid parameter name`);
      await c.exec(`set variable ${name} = ?`, [value]);
    }
  }

  /**
   * Recreates the scoped views. The prepared tables are rebuilt only when the data, the facets or
   * the segment changed: a new date range just reruns the modules over them.
   */
  private async rescope(dataChanged = true) {
    if (dataChanged) this.preparedFor = undefined;
    if (!this.scope || this.canonical.length === 0) return;
    const key = JSON.stringify([this.scope.facets ?? {}, this.scope.currency ?? null, [...this.canonical].sort()]);
    // A segment is a list of customers whose content the key cannot see: rebuild while one is on.
    const prepare = key !== this.preparedFor || Boolean(this.scope.segment);
    // Forget the key first: a build that fails must be tried again next time.
    this.preparedFor = undefined;
    await this.withDb((db) => applyScope(db, this.scope!, this.canonical, prepare));
    this.preparedFor = key;
  }

  private async describe(schema: string, name: string, source: string): Promise<TableInfo> {
    return this.withDb(async (db) => {
      const qualified = `${quoteIdent(schema)}.${quoteIdent(name)}`;
      const [{ n }] = await db.rows(`select count(*)::double as n from ${qualified}`);
      const cols = await db.rows(
        'select column_name as name, data_type as type from information_schema.columns where table_schema = ? and table_name = ? order by ordinal_position',
        [schema, name],
      );
      return { name: schema === 'main' ? name : `${schema}.${name}`, rows: Number(n), columns: cols as unknown as ColumnInfo[], source };
    });
  }

  private requireDb(): AsyncDuckDB {
    if (!this.db) throw new Error('The database has not started yet.');
    return this.db;
  }

  private async withConnection<T>(body: (c: ConnectionDb) => Promise<T>): Promise<T> {
    await this.moving?.catch(() => undefined);
    const conn = await connect(this.requireDb(), this.storeDatabase);
    try {
      return await body(new ConnectionDb(conn));
    } finally {
      await conn.close();
    }
  }

  private withDb<T>(body: (db: ConnectionDb) => Promise<T>): Promise<T> {
    return this.withConnection(body);
  }
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

function columnsOf(table: arrow.Table): ColumnInfo[] {
  return table.schema.fields.map((f) => ({ name: f.name, type: String(f.type) }));
}

/**
 * The error's sentence. DuckDB 1.4 sends some errors as JSON
 * ({"exception_type":"Catalog","exception_message":"..."}); those become "Catalog Error: ...".
 */
function messageOf(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  if (!text.startsWith('{')) return text;
  try {
    const parsed = JSON.parse(text) as { exception_type?: string; exception_message?: string };
    return parsed.exception_message ? `${parsed.exception_type ?? ''} Error: ${parsed.exception_message}`.trim() : text;
  } catch {
    return text;
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}

/** DuckDB's message, less its boilerplate, plus the line and column when it gives a position. */
function sqlError(e: unknown): WorkerError {
  const text = messageOf(e);
  const message = firstLine(text).replace(/^(\w+ )?Error: /, '');
  const kind = /^(\w+) Error/.exec(text)?.[1];
  return { code: kind === 'Parser' ? 'sql-syntax' : kind === 'Binder' || kind === 'Catalog' ? 'sql-name' : 'sql', message };
}

async function readWithProgress(file: File, onBytes: (n: number) => void): Promise<Uint8Array> {
  const out = new Uint8Array(file.size);
  let offset = 0;
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    out.set(value, offset);
    offset += value.byteLength;
    onBytes(offset);
  }
  return out;
}
