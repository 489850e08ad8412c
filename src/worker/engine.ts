/**
 * The worker's side of the API (src/lib/api.ts): DuckDB started, then each call handed to the
 * piece that does it. Loading, removing and scoping change data and take the data gate's change
 * (src/worker/dataGate.ts), one at a time; queries and listings are its readers.
 */
import type { ClienteleApi, EngineInfo, LoadOptions, LoadOutcome, LoadProgress, Outcome, Removal, TableInfo } from '../lib/api';
import * as Comlink from 'comlink';
import type { ClvOptions } from '../lib/clv/fitClv';
import type { CsvOptions, CustomerListPage, CustomerListQuery, CustomerReport } from '../lib/explorerApi';
import type { Row } from '../lib/db';
import type { ColumnMapping } from '../lib/mapping/types';
import type { ParamValues } from '../lib/runModule';
import type { SegmentDef } from '../lib/customerSets';
import { setLocale, t } from '../lib/i18n';
import { ensureBaseSchema, type CompareSide, type Scope } from '../lib/scope';
import { listSetAside, type ReadChoices, type SetAsideRow, type SourceInfo } from './ingest';
import { loadedSources } from './loadedSources';
import { ingestFile, loadFile, type Progress } from './loadFile';
import { decodeSample, loadSample } from './loadSample';
import { loadUrl } from './loadUrl';
import { fail, firstLine, messageOf, ok } from './outcomes';
import { Explorer } from './explorer';
import { Queries, transferIpc } from './queries';
import { startDuckDB } from './startDuckDB';
import { Store } from './store';

export class Engine implements ClienteleApi {
  private store = new Store();
  private queries = new Queries(this.store);
  private explorer = new Explorer(this.store);

  constructor() {
    // Once the page has asked for nothing for a moment, what opening the Customers view needs is built ahead.
    // Nothing waits for it: a failure shows when the view itself asks.
    this.store.activity.onIdle(() => void this.explorer.prepare().catch(() => undefined));
  }

  async init(assetBase: string): Promise<Outcome<EngineInfo>> {
    const t0 = performance.now();
    try {
      this.store.assetBase = assetBase;
      // The sample's Parquet is fetched and decoded here while DuckDB compiles in its own
      // worker: the two biggest start-up costs overlap on a two-core machine.
      this.store.sampleTables = decodeSample(assetBase);
      this.store.sampleTables.catch(() => undefined);
      const db = await startDuckDB();
      this.store.db = db;
      // DuckDB reports query progress (e.g. while read_csv scans a file) only through this
      // internal callback list; there is no public API for it in 1.32.
      (db as unknown as { _onExecutionProgress: ((p: { percentage: string }) => void)[] })._onExecutionProgress.push(
        (p) => this.store.progressListener?.(Number(p.percentage)),
      );
      const version = await db.getVersion();
      await this.store.withConnection(async (c) => ensureBaseSchema(c));
      return ok({ duckdbVersion: version, bundle: 'eh', startMs: performance.now() - t0 });
    } catch (e) {
      return fail('start', t('worker.startFailed', { detail: messageOf(e) }));
    }
  }

  async setLanguage(locale: string): Promise<void> {
    setLocale(locale);
  }

  loadSample(onProgress?: (p: LoadProgress) => void): Promise<Outcome<TableInfo[]>> {
    return this.store.load(() => loadSample(this.store, this.store.sampleTables ?? decodeSample(this.store.assetBase), onProgress));
  }

  loadFile(file: File, onProgress?: Progress, options: LoadOptions = {}): Promise<Outcome<LoadOutcome>> {
    return this.store.load(() => loadFile(this.store, file, onProgress, options));
  }

  loadUrl(url: string, onProgress?: Progress, options: LoadOptions = {}): Promise<Outcome<LoadOutcome>> {
    return loadUrl(this.store, url, onProgress, options);
  }

  previewMapping(file: File, mapping: ColumnMapping, choices: ReadChoices = {}): Promise<Outcome<Row[]>> {
    const { header, delimiter, dateOrder } = choices;
    // Only the file's own working tables are written: a reader, never interrupted.
    return this.store.gate.read(async () => {
      const ingested = await ingestFile(this.store, { name: file.name, data: file }, { mapping, previewOnly: true, header, delimiter, dateOrder });
      if (!ingested.ok) return fail(ingested.error.code, ingested.error.message, ingested.error.file);
      return ok(ingested.value.preview);
    });
  }

  listSources(): Promise<SourceInfo[]> {
    return this.store.gate.read(() => loadedSources(this.store));
  }

  listSetAside(sourceId: string): Promise<SetAsideRow[]> {
    return this.store.gate.read(() => this.store.withConnection((db) => listSetAside(db, sourceId)));
  }

  removeSource(sourceId: string): Promise<Outcome<Removal>> {
    return this.store.gate.change(() => this.store.removals.removeSource(sourceId));
  }

  dropTable(name: string): Promise<Outcome<Removal>> {
    return this.store.gate.change(() => this.store.removals.dropTable(name));
  }

  undoRemoval(id: number): Promise<Outcome<null>> {
    return this.store.gate.change(() => this.store.removals.undo(id));
  }

  /**
   * Dropping what a removal kept changes nothing a query reads: a reader, so that the cells
   * running when an undo expires are not stopped (nothing on the page would run them again).
   */
  forgetRemoval(id: number): Promise<boolean> {
    return this.store.gate.read(() => this.store.removals.forget(id));
  }

  listTables(): Promise<TableInfo[]> {
    return this.store.gate.read(() => this.store.tables());
  }

  /**
   * A change of data too: the views and prepared tables every running cell reads are rebuilt.
   * A change of dates alone changes nothing in the database (each query's connection gets the
   * period as it starts), so the queries under way carry on: a user's query that does not read
   * the period is not stopped, and the page runs again only the cells that do.
   */
  async setScope(scope: Scope): Promise<Outcome<null>> {
    const { scoping, gate } = this.store;
    if (!gate.changeUnderWay && scoping.onlyPeriodChanges(scope)) {
      scoping.scope = scope;
      return ok(null);
    }
    return gate.change(async () => {
      this.store.scoping.scope = scope;
      try {
        await this.store.scoping.rescope(false);
        return ok(null);
      } catch (e) {
        return fail('scope', t('worker.scopeFailed', { detail: firstLine(messageOf(e)) }));
      }
    });
  }

  query(sql: string, ticket: string, params?: ParamValues) {
    return this.queries.query(sql, ticket, params);
  }

  queryPage(ticket: string, offset: number, limit: number) {
    return this.queries.queryPage(ticket, offset, limit);
  }

  releaseResult(ticket: string) {
    return this.queries.releaseResult(ticket);
  }

  runModule(ref: string, ticket: string, params?: ParamValues, sql?: string, period?: { start: string; end: string }, side?: CompareSide) {
    return this.queries.runModule(ref, ticket, params, sql, period, side);
  }

  facetValues(limit?: number) {
    return this.explorer.facetValues(limit);
  }

  rfmMap() {
    return this.explorer.rfmMap();
  }

  segmentSize(segment: SegmentDef) {
    return this.queries.segmentSize(segment);
  }

  async fitClv(options: ClvOptions, ticket?: string) {
    const outcome = await this.queries.fitClv(options, ticket);
    if (outcome.ok) this.explorer.fitted();
    return outcome;
  }

  customerPage(query: CustomerListQuery): Promise<Outcome<CustomerListPage>> {
    return this.explorer.customerPage(query).then(transferIpc);
  }

  customerReport(customerId: string): Promise<Outcome<CustomerReport>> {
    return this.explorer.customerReport(customerId);
  }

  async customerCsv(options: CsvOptions): Promise<Outcome<Uint8Array>> {
    const outcome = await this.explorer.customerCsv(options);
    return outcome.ok ? Comlink.transfer(outcome, [outcome.value.buffer]) : outcome;
  }

  cancel(ticket: string): Promise<boolean> {
    return this.queries.cancel(ticket);
  }
}
