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
import type { ClienteleApi, ColumnInfo, EngineInfo, LoadProgress, Outcome, QueryResult, TableInfo, WorkerError } from './api';
import { ConnectionDb } from './browserDb';
import { fileKind, tableNameFor } from './fileKinds';
import { normaliseHeader, recogniseTable } from '../lib/recogniseTable';
import { canonicalTables, createTableSql, derivedTables } from '../lib/canonical';
import { parquetToIPC } from './parquet';
import { startDuckDB } from './startDuckDB';

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
  private progressListener?: (percentage: number) => void;
  private sampleIPC?: Promise<Map<string, Uint8Array>>;

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

  async loadFile(file: File, onProgress?: Progress): Promise<Outcome<TableInfo>> {
    const db = this.requireDb();
    if (file.size === 0) return fail('file-empty', `"${file.name}" is empty. Export it again, with its rows, and drop it here.`, file.name);
    const head = new Uint8Array(await file.slice(0, 4096).arrayBuffer());
    const kind = fileKind(file.name, head);
    if (!kind) {
      return fail('file-kind', `"${file.name}" is not a CSV, Parquet or JSON file. Export the data as CSV and drop that instead.`, file.name);
    }
    // The scoped views (orders, customers, …) and derived tables are taken names too.
    const taken = new Set([...(await this.listTables()).map((t) => t.name), ...canonicalTableNames, ...Object.keys(derivedTables)]);
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
      const canonical = await this.intoCanonical(name, file.name);
      if (canonical) {
        const info = await this.describe(baseSchema, canonical, this.sources.get(`${baseSchema}.${canonical}`)!);
        onProgress?.({ phase: 'done', rows: info.rows, bytes: total, totalBytes: total });
        return ok(info);
      }
      this.sources.set(name, file.name);
      const info = await this.describe('main', name, file.name);
      onProgress?.({ phase: 'done', rows: info.rows, bytes: total, totalBytes: total });
      return ok(info);
    } catch (e) {
      return fail('file-read', `"${file.name}" could not be read: ${firstLine(messageOf(e))}`, file.name);
    }
  }

  /**
   * A file that holds a canonical table (by its name or its header) is cast into base.<table>
   * and the raw table dropped. The first such file replaces the whole sample store, so the
   * user's orders are never mixed with the sample's tickets; later files of the same table
   * are appended (twelve monthly exports make one orders table).
   */
  private async intoCanonical(raw: string, fileName: string): Promise<CanonicalTableName | undefined> {
    const columns = await this.withDb((db) => db.rows('select column_name from information_schema.columns where table_schema = ? and table_name = ? order by ordinal_position', ['main', raw]));
    const names = columns.map((c) => String(c.column_name));
    const recognised = recogniseTable(fileName, names);
    if (!recognised || recognised.missing.length) return undefined;
    const { table } = recognised;
    const byName = new Map(names.map((n) => [normaliseHeader(n), n]));
    const present = canonicalTables[table].columns.filter((c) => byName.has(c.name));
    await this.withDb(async (db) => {
      if ([...this.sources.values()].includes('sample')) {
        for (const t of this.canonical) await db.exec(`drop table if exists ${baseSchema}.${quoteIdent(t)}`);
        for (const key of [...this.sources.keys()]) if (this.sources.get(key) === 'sample') this.sources.delete(key);
        this.canonical = [];
      }
      const target = `${baseSchema}.${quoteIdent(table)}`;
      if (!this.canonical.includes(table)) {
        await db.exec(`drop table if exists ${target}`);
        await db.exec(createTableSql(table, target));
        this.canonical.push(table);
      }
      const into = present.map((c) => quoteIdent(c.name)).join(', ');
      const casts = present.map((c) => `cast(${quoteIdent(byName.get(c.name)!)} as ${c.type})`).join(', ');
      try {
        await db.exec(`insert into ${target} (${into}) select ${casts} from ${quoteIdent(raw)}`);
      } finally {
        await db.exec(`drop table ${quoteIdent(raw)}`);
      }
    });
    const key = `${baseSchema}.${table}`;
    const before = this.sources.get(key);
    this.sources.set(key, before ? `${before}, ${fileName}` : fileName);
    if (table === 'social_mentions') await this.withDb((db) => scoreMentions(db));
    await this.rescope();
    return table;
  }

  async dropTable(name: string): Promise<Outcome<null>> {
    if (!this.sources.has(name)) return fail('no-table', `There is no loaded table "${name}".`);
    const [schema, table] = name.includes('.') ? name.split('.') : ['main', name];
    await this.withConnection(async (c) => {
      if (schema === baseSchema) await c.exec(`drop view if exists ${quoteIdent(table)}`);
      await c.exec(`drop table if exists ${quoteIdent(schema)}.${quoteIdent(table)}`);
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
      await this.rescope();
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
    const conn = await this.requireDb().connect();
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

  private async rescope() {
    if (!this.scope || this.canonical.length === 0) return;
    await this.withDb((db) => applyScope(db, this.scope!, this.canonical));
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
    const conn = await this.requireDb().connect();
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
