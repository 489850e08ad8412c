/**
 * The page's state: the worker, what is loaded, the scope and the notebook, and the
 * messages the user must see. Components render this and call its methods.
 */
import { tableFromIPC } from 'apache-arrow';
import { getLocale, t, tn, type MessageKey } from '../lib/i18n';
import type { LoadOptions, LoadOutcome, LoadProgress, LoadReport, MappingRequest, Outcome, ReadChoices, Removal, SetAsideRow, SourceInfo, TableInfo } from '../lib/api';
import { callback, startWorker, type Client } from './client';
import { MappingStep, type CurrentMapping } from './mappingStep.svelte';
import { dataFactsSql, type NotebookSnapshot } from '../sample/notebookSnapshot';
import { rememberMapping, rememberedMappings } from './rememberedMappings';
import { MarkdownCell, Notebook, UnknownCell, clvModuleId, defaultCellDocs, type NotebookCell } from './notebook.svelte';
import { Cell } from './cell.svelte';
import type { QueryModule } from '../lib/queryModule';
import { applySharedLanguage, languageForDoc, notebookDocVersion, notebookFormat, type NotebookDoc, type ScopeDoc, type SourceRef } from '../lib/notebookDoc';
import { defaultPreset } from '../lib/datePresets';
import { ScopeState, type CompareMode, type Preset } from './scope.svelte';
import { keptBackText, loadNotices, setAsideTotal, type KeptBack } from '../lib/loadNotices';
import { mappingFileText } from '../lib/mappingFile';
import { currencyBreakdownSql, fromBreakdown, isCurrencyCode, listCurrencies, pageCurrency, type DataCurrencies } from '../lib/currency';
import { rememberCurrency, rememberedCurrency } from './rememberedCurrency';
import { LoadLog } from './loadLog.svelte';
import { ExplorerState } from './explorer.svelte';
import { Shelf } from './shelf.svelte';
import { KeptData, type KeptFile } from './keptData.svelte';

/** 'preview': the database is starting and the sample's precomputed notebook is shown. */
export type AppStatus = 'starting' | 'preview' | 'loading' | 'ready' | 'failed';

export interface Notice {
  id: number;
  /**
   * Errors are alerts and warnings polite messages; both stay until dismissed. Information
   * (what went well) is polite and fades, and stays readable in the load log.
   */
  kind: 'error' | 'warning' | 'info';
  text: string;
  action?: { label: string; run: () => void };
  /** The loaded file it is about: dismissed when that file is loaded again with another mapping. */
  sourceId?: string;
}

/** The rows one file had set aside, open for reading. */
export interface SetAsideView {
  file: string;
  rows: SetAsideRow[];
  total: number;
}

export interface Loading {
  name: string;
  progress: LoadProgress;
}

let noticeId = 1;

/** A loaded file kept to be read again when its mapping changes, with what it was loaded with. */
interface HeldFile extends CurrentMapping {
  file: File;
}

/** How long a removal can be undone (unless other data is loaded or removed first). */
export const undoMs = 10_000;
/** How long a message about what went well stays (it stays in the load log). */
const fadeMs = 8000;

/** The removal that can still be undone, and what the page had before it. */
interface Undoable {
  removal: Removal;
  notice: number;
  timer: ReturnType<typeof setTimeout>;
  held: [string, HeldFile][];
  range: { preset: Preset; start: string; end: string };
}

export class AppState {
  status = $state<AppStatus>('starting');
  tables = $state.raw<TableInfo[]>([]);
  loading = $state.raw<Loading[]>([]);
  notices = $state.raw<Notice[]>([]);
  sources = $state.raw<SourceInfo[]>([]);
  /** The file waiting for the user to confirm or correct its mapping. */
  mappingStep = $state.raw<MappingStep | undefined>();
  setAside = $state.raw<SetAsideView | undefined>();
  /**
   * Dropped files by sourceId. The page keeps the File (a handle: nothing is copied) because the
   * browser gives it once; "Change mapping…" sends it to the worker again.
   */
  held = $state.raw(new Map<string, HeldFile>());
  /** What the orders say about their currency (src/lib/currency.ts). */
  dataCurrencies = $state.raw<DataCurrencies>({ kind: 'none' });
  /**
   * The currency the user chose: for data without one, and which to keep when the orders hold
   * several. A plain field, so that it can travel with a shared notebook.
   */
  chosenCurrency = $state<string | undefined>(rememberedCurrency());
  /** The currency money is shown in and where it comes from; no code means no symbol. */
  money = $derived(pageCurrency(this.dataCurrencies, this.chosenCurrency));
  currency = $derived(this.money.code);
  readonly client: Client;
  /** Settles once the database is up and the sample (or nothing) is loaded. */
  readonly whenReady: Promise<void>;
  private markReady!: () => void;
  private active = new Set<string>();
  /** Changes of data under way (src/worker/dataGate.ts): loads, removals, the scope applied. */
  private changes = 0;
  readonly scope = new ScopeState();
  readonly notebook: Notebook;
  /** What was loaded and removed this session, with the counts. */
  readonly log = new LoadLog();
  /** The customer explorer beside the notebook (issue 14). */
  readonly explorer: ExplorerState;
  private undoable?: Undoable;
  /** The pointer or focus is on the notices: none fades meanwhile. */
  private attended = false;

  /** What the user called the notebook. */
  notebookName = $state(t('notebook.untitled'));
  /** The notebooks kept in this browser; the open one autosaves. */
  readonly shelf = new Shelf(this);
  /** Loaded files kept in this browser (OPFS), read again on start instead of the sample. */
  readonly keptData = new KeptData();
  /** Kept files being read again on start: not written back. */
  private restoringKept = false;
  /** What the kept files gave as they were read again: said once, in one quiet status. */
  private keptBack: KeptBack[] = [];

  constructor(client: Client = startWorker()) {
    this.client = client;
    this.whenReady = new Promise((resolve) => (this.markReady = resolve));
    this.notebook = new Notebook(this.client);
    this.explorer = new ExplorerState(this);
    this.notebook.onFitted = () => this.explorer.predictionsChanged();
    this.notebook.applyCellDocs(defaultCellDocs());
    // The worker writes its sentences (a file that cannot be read, a column not found) in the
    // page's language: told now and at every change of language (the locale is Svelte state).
    $effect.root(() => {
      $effect(() => {
        const locale = getLocale();
        if (typeof this.client.setLanguage === 'function') void this.client.setLanguage(locale);
      });
    });
  }

  /**
   * The notebook as a document (src/lib/notebookDoc.ts): its cells, the scope, the currency and
   * where the data came from. Reads every field it writes, so an effect around it sees each edit.
   */
  toDoc(): NotebookDoc {
    const scope: ScopeDoc = { preset: this.scope.preset, compare: this.scope.compareMode };
    if (this.scope.preset === 'custom' && this.scope.start && this.scope.end) [scope.start, scope.end] = [this.scope.start, this.scope.end];
    if (this.scope.currency) scope.keptCurrency = this.scope.currency;
    // The facets and segments that choose the customers travel with the notebook.
    const facets = Object.fromEntries(Object.entries($state.snapshot(this.scope.facets)).filter(([, values]) => values.length > 0));
    if (Object.keys(facets).length) scope.facets = facets;
    const segments = $state.snapshot(this.notebook.segments);
    const named = (name: string | undefined) => (name && segments.some((s) => s.name === name) ? name : undefined);
    if (named(this.scope.segment)) scope.segment = this.scope.segment;
    if (named(this.scope.compareSegment)) scope.compareSegment = this.scope.compareSegment;
    // A kept currency the user never chose is the one the notebook keeps too.
    const currency = this.chosenCurrency ?? this.scope.currency;
    return {
      format: notebookFormat,
      version: notebookDocVersion,
      name: this.notebookName,
      cells: this.notebook.toCellDocs(),
      scope,
      ...(currency ? { currency } : {}),
      sources: this.sourceRefs(),
      ...(segments.length ? { segments } : {}),
      language: languageForDoc(),
    };
  }

  /** A KPI cell at the end of the notebook, run at once when its inputs are loaded. */
  addModuleCell(module: QueryModule): NotebookCell {
    const cell = this.notebook.addModuleCell(module);
    this.runNew(cell);
    return cell;
  }

  addSqlCell(): Cell {
    return this.notebook.addSqlCell(t('cell.defaultSql'));
  }

  addNote(): MarkdownCell {
    return this.notebook.addMarkdownCell();
  }

  duplicateCell(cell: NotebookCell): NotebookCell | undefined {
    const copy = this.notebook.duplicate(cell);
    if (copy) this.runNew(copy);
    return copy;
  }

  moveCell(cell: NotebookCell, by: number): boolean {
    return this.notebook.move(cell, by);
  }

  private runNew(cell: NotebookCell) {
    if (this.status !== 'ready' || !(cell instanceof Cell) || cell.missing.length) return;
    if (cell.module?.id === clvModuleId) void this.notebook.clv?.run();
    else void cell.run(this.scope.comparable);
  }

  /** The deleted cell that Undo can put back, where it was. */
  private cellUndo?: { cell: NotebookCell; index: number; notice: number; timer: ReturnType<typeof setTimeout> };

  /** Takes a cell out of the notebook; the notice that says so offers Undo for `undoMs`. */
  deleteCell(cell: NotebookCell) {
    this.endCellUndo();
    const index = this.notebook.remove(cell);
    if (index === -1) return;
    const notice = this.show({ kind: 'info', text: t('cell.removed', { title: cellTitle(cell) }), action: { label: t('remove.undo'), run: () => this.undoDelete() } });
    const expire = (): ReturnType<typeof setTimeout> =>
      setTimeout(() => {
        if (this.cellUndo && this.attended) this.cellUndo.timer = expire();
        else this.endCellUndo();
      }, undoMs);
    this.cellUndo = { cell, index, notice, timer: expire() };
  }

  /** Puts the last deleted cell back in its place; its last result is still there. */
  undoDelete(): NotebookCell | undefined {
    const undo = this.cellUndo;
    if (!undo) return;
    this.cellUndo = undefined;
    clearTimeout(undo.timer);
    this.notices = this.notices.filter((n) => n.id !== undo.notice);
    this.notebook.insert(undo.cell, undo.index);
    if (undo.cell instanceof Cell && undo.cell.module?.id === clvModuleId) this.runNew(undo.cell);
    return undo.cell;
  }

  private endCellUndo() {
    const undo = this.cellUndo;
    if (!undo) return;
    this.cellUndo = undefined;
    clearTimeout(undo.timer);
    this.notices = this.notices.filter((n) => n.id !== undo.notice);
    if (undo.cell instanceof Cell) undo.cell.dispose();
  }

  /** Tables and columns the SQL editor completes: the canonical tables by the names queries use. */
  get sqlSchema(): Record<string, string[]> {
    return Object.fromEntries(this.tables.map((table) => [table.name.replace(/^base\./, ''), table.columns.map((c) => c.name)]));
  }

  /** Where the data came from: the sample, files by name, web addresses. */
  private sourceRefs(): SourceRef[] {
    const refs: SourceRef[] = [];
    if (this.tables.some((table) => table.source === 'sample')) refs.push({ kind: 'sample' });
    for (const source of this.sources) {
      const table = source.table.replace(/^base\./, '');
      refs.push(/^https?:\/\//i.test(source.fileName) ? { kind: 'url', url: source.fileName, table } : { kind: 'file', name: source.fileName, table });
    }
    for (const table of this.tables) {
      if (table.name.startsWith('base.') || table.source === 'sample' || refs.some((r) => (r.kind === 'file' ? r.name : r.kind === 'url' ? r.url : '') === table.source)) continue;
      refs.push(/^https?:\/\//i.test(table.source) ? { kind: 'url', url: table.source, table: table.name } : { kind: 'file', name: table.source, table: table.name });
    }
    return refs;
  }

  /**
   * Puts a checked document (src/lib/notebookDocCheck.ts) on the page: its cells replace the
   * notebook's, its scope and currency become the page's, and once the data is up the cells run.
   * The data itself stays as it is: `doc.sources` only says where the author's came from. With
   * `hold` (a link), SQL that differs from the pinned modules waits for the user's approval.
   */
  async applyDoc(doc: NotebookDoc, options: { hold?: boolean } = {}) {
    this.notebookName = doc.name;
    this.notebook.applyCellDocs(doc.cells, options.hold);
    this.scope.compareMode = doc.scope.compare;
    if (doc.scope.preset === 'custom' && doc.scope.start && doc.scope.end) {
      this.scope.setCustom(doc.scope.start, doc.scope.end);
      // A range the data does not cover goes back to the default (setDataRange says so).
      if (this.scope.dataEnd) this.scope.setDataRange(this.scope.dataStart, this.scope.dataEnd);
    } else this.scope.choose(doc.scope.preset === 'custom' ? defaultPreset : doc.scope.preset);
    this.chosenCurrency = doc.currency ?? doc.scope.keptCurrency;
    this.notebook.segments = doc.segments ?? [];
    this.scope.facets = doc.scope.facets ?? {};
    this.scope.segment = doc.scope.segment;
    this.scope.compareSegment = doc.scope.compareSegment;
    // The author's language is a default only: the reader's own choice wins.
    applySharedLanguage(doc.language);
    if (this.tables.length) this.notebook.build(this.tables);
    if (this.status !== 'ready') return;
    this.keepCurrency();
    await this.changingData(() => this.applyScope());
  }

  async start() {
    // The chart library is the largest script; fetch it while the database starts.
    void import('vega-embed');
    // The notebook open last, with its scope and currency, before anything is shown.
    await this.shelf.restore();
    const kept = await this.keptData.read();
    const base = new URL('./', document.baseURI).href;
    // The snapshot is the sample's: kept data of the user's own is shown once it is read.
    const snapshot = kept.length ? Promise.resolve() : this.showSnapshot(base);
    const started = await this.client.init(base);
    if (!started.ok) return this.failStart(started.error.message);
    await snapshot;
    if (this.status === 'starting') this.status = 'loading';
    if (kept.length && (await this.loadKept(kept))) {
      this.status = 'ready';
      this.markReady();
      return;
    }
    this.begin('sample', { phase: 'reading' });
    const sample = await this.client.loadSample(callback((p: LoadProgress) => this.track('sample', p)));
    this.untrack('sample');
    // Without the sample the page still works on dropped files.
    if (!sample.ok) this.notify('error', sample.error.message);
    await this.refreshTables();
    if (sample.ok) this.logSample(sample.value);
    await this.readDataFacts();
    await this.applyScope();
    this.status = 'ready';
    this.markReady();
  }

  /** Reads the kept files again, as they were loaded; false when none of them could be (the sample follows). */
  private async loadKept(kept: { file: File; options: KeptFile['options'] }[]): Promise<boolean> {
    this.restoringKept = true;
    this.keptBack = [];
    try {
      for (const { file, options } of kept) {
        const { mapping, asPlainTable, ...choices } = options;
        const loadOptions: LoadOptions = { ...options, remembered: rememberedMappings() };
        await this.load(file.name, { phase: 'reading', bytes: 0, totalBytes: file.size }, (progress) => this.client.loadFile(file, progress, loadOptions), file, mapping && !asPlainTable ? { mapping, choices } : undefined);
      }
    } finally {
      this.restoringKept = false;
    }
    if (!this.tables.length) return false;
    this.sayKeptBack(this.keptBack);
    return true;
  }

  /**
   * The kept data is back, said once and quietly: the files and their rows, where the notes from
   * reading them are, and the way to forget them. What each file's load said was said when it was
   * dropped; saying it again on every start (warnings that stay until dismissed) would bury the
   * page under news that is not new. The load log keeps it all.
   */
  private sayKeptBack(back: KeptBack[]) {
    if (!back.length) return;
    const text = keptBackText(back, t('log.open'));
    const id = this.notify('info', text, {
      label: t('keep.dataForget'),
      run: () => {
        this.dismiss(id);
        void this.forgetKeptData();
      },
    });
  }

  /** Keeps a loaded file in this browser; says once if the browser may clear it. */
  private keepFile(file: File | undefined, options: KeptFile['options']) {
    if (!file || this.restoringKept || !this.keptData.supported) return;
    const refusedBefore = this.keptData.persistRefused;
    this.keptData.keep(file, options).then(
      () => {
        if (this.keptData.persistRefused && !refusedBefore) this.notify('warning', t('keep.persistRefused'));
      },
      (error: Error) => this.notify('warning', t('keep.dataFailed', { name: file.name, message: error.message })),
    );
  }

  /** Forgets the kept files: the next start opens on the sample store. */
  async forgetKeptData() {
    await this.keptData.forget();
    this.notify('info', t('keep.dataForgotten'));
  }

  /** Files load one after another; a file that needs its mapping confirmed waits for the user. */
  /**
   * The sample's default notebook, computed ahead of time (src/sample/notebookSnapshot.ts),
   * shown while DuckDB compiles; every cell is recomputed live once it is up. Without the
   * file (a build without the sample) the page simply waits for the live numbers.
   */
  private async showSnapshot(base: string) {
    try {
      const response = await fetch(`${base}sample/notebook.json`);
      if (!response.ok) return;
      const snapshot = (await response.json()) as NotebookSnapshot;
      if (this.status !== 'starting') return;
      this.tables = snapshot.tables;
      this.scope.setDataRange(snapshot.facts.first, snapshot.facts.last);
      if (snapshot.facts.currency) this.dataCurrencies = { kind: 'single', code: snapshot.facts.currency };
      this.notebook.build(this.tables);
      // The snapshot answers for the default scope and the modules as written.
      const asComputed = this.scope.preset === defaultPreset && this.scope.compareMode === 'previous';
      for (const cell of this.notebook.moduleCells) {
        const precomputed = asComputed && !cell.edited && !Object.keys(cell.params).length ? snapshot.cells[`${cell.module!.id}@${cell.module!.version}`] : undefined;
        if (precomputed) cell.showPrecomputed(precomputed.rows, precomputed.previous);
        else cell.queued = true;
      }
      if (this.notebook.clv) this.notebook.clv.status = 'waiting';
      this.status = 'preview';
    } catch {
      // Not JSON or not there: the live notebook follows.
    }
  }

  async loadFiles(files: File[]) {
    await this.whenReady;
    for (const file of files) await this.loadFile(file);
  }

  /** Loads the file at a URL; once fetched it goes on as a dropped file. */
  async loadUrl(url: string) {
    await this.whenReady;
    const name = url.trim();
    await this.load(name, { phase: 'reading', bytes: 0 }, (progress) => this.client.loadUrl(name, progress, { remembered: rememberedMappings() }));
  }

  private async loadFile(file: File, askMapping = false) {
    const options: LoadOptions = askMapping ? { askMapping } : { remembered: rememberedMappings() };
    await this.load(file.name, { phase: 'reading', bytes: 0, totalBytes: file.size }, (progress) => this.client.loadFile(file, progress, options), file);
  }

  /**
   * Reopens the mapping step of a loaded file with its mapping and reading choices filled in;
   * confirming reloads the file, whose rows replace the ones it gave before.
   */
  async changeMapping(sourceId: string) {
    const held = this.held.get(sourceId);
    if (!held) return;
    const { file, mapping, choices } = held;
    const first: LoadProgress = { phase: 'reading', bytes: 0, totalBytes: file.size };
    await this.load(file.name, first, (progress) => this.client.loadFile(file, progress, { askMapping: true, mapping, ...choices }), file, { mapping, choices }, sourceId);
  }

  /**
   * One load and what the page makes of it; when the worker asks for the mapping, the user's
   * choice, then the load again with it. `file` is the dropped file (a URL's is fetched by the
   * worker); `current` and `replacing` are a loaded file's mapping reopened and its source.
   */
  private async load(
    name: string,
    first: LoadProgress,
    call: (onProgress: (p: LoadProgress) => void) => Promise<Outcome<LoadOutcome>>,
    file?: File,
    current?: CurrentMapping,
    replacing?: string,
  ) {
    let choices: ReadChoices = current?.choices ?? {};
    // Other data arriving ends the last removal's undo (the worker lets go of its rows).
    this.endUndo(false);
    for (;;) {
      const request = await this.changingData(async () => {
        this.begin(name, first);
        const outcome = await call(callback((p: LoadProgress) => this.track(name, p)));
        this.untrack(name);
        return this.settleLoad(file, outcome, choices, replacing);
      });
      if (!request) return;
      const fetched = request.fetched ?? file!;
      const step = new MappingStep(this.client, fetched, request, current);
      current = undefined;
      this.mappingStep = step;
      const choice = await step.choice;
      this.mappingStep = undefined;
      // Cancelling a change of mapping keeps the file as it was loaded: nothing to say.
      if (choice.kind === 'cancel') return replacing ? undefined : void this.notify('info', t('load.notLoaded', { name: fetched.name }));
      let options: LoadOptions;
      if (choice.kind === 'plain') options = { asPlainTable: true };
      else {
        // column1..N of a headerless file say nothing about the next such file.
        if (request.dialect.header !== false) rememberMapping(request.proposal.signature, choice.mapping);
        choices = choice.choices;
        options = { mapping: choice.mapping, ...choices };
      }
      [name, first, file] = [fetched.name, { phase: 'reading', bytes: 0, totalBytes: fetched.size }, fetched];
      call = (progress) => this.client.loadFile(fetched, progress, options);
    }
  }

  /** After a load: report it and show the KPIs for the new data; or the mapping the worker asks for. */
  private async settleLoad(file: File | undefined, outcome: Outcome<LoadOutcome>, choices: ReadChoices, replacing?: string): Promise<MappingRequest | undefined> {
    if (!outcome.ok) {
      this.notify('error', outcome.error.message);
      return void this.log.add({ kind: 'failed', name: outcome.error.where ?? file?.name ?? '', notes: [outcome.error.message] });
    }
    const result = outcome.value;
    if (result.status === 'needs-mapping') return file || result.request.fetched ? result.request : undefined;
    await this.refreshTables();
    if (result.status === 'loaded') {
      await this.hold(file, result.report, choices, replacing);
      this.keepFile(file, { mapping: result.report.mapping, ...choices });
      this.reportLoad(result.report, this.restoringKept);
      // A canonical table: the KPIs now answer for the user's data.
      await this.readDataFacts();
      await this.applyScope();
    } else {
      const name = result.table.source;
      this.log.add({ kind: 'plain', name, table: result.table.name, rows: result.table.rows, notes: [] });
      if (this.restoringKept) this.keptBack.push({ name, rows: result.table.rows, notes: 0 });
      else
        this.notify('info', tn('load.done', result.table.rows, { name, rows: result.table.rows }), file && {
          label: t('load.mapIt'),
          run: () => void this.loadFile(file, true),
        });
      this.keepFile(file, { asPlainTable: true });
      // A kept table read again on start already has its cell in the notebook.
      if (!this.restoringKept) {
        const cell = this.notebook.addSqlCell(`select count(*) as row_count from ${result.table.name}`, result.table.name);
        void cell.run();
      }
    }
  }

  /**
   * Runs a change of data and what the page does after it. The worker stops cells that were
   * running when the change began, and the notebook holds back those not started yet; once no
   * change is under way any more, those not run again for the new data (and still in the
   * notebook) run here.
   */
  private async changingData<T>(work: () => Promise<T>): Promise<T> {
    this.changes++;
    this.notebook.dataChangeBegins();
    try {
      return await work();
    } finally {
      if (--this.changes === 0) this.notebook.rerunInterrupted(this.scope.comparable);
    }
  }

  /** Keeps a loaded file for "Change mapping…"; a remapped file that went to another table leaves the old one. */
  private async hold(file: File | undefined, report: LoadReport, choices: ReadChoices, replacing?: string) {
    const held = new Map(this.held);
    if (replacing) this.notices = this.notices.filter((n) => n.sourceId !== replacing);
    if (replacing && replacing !== report.sourceId) {
      held.delete(replacing);
      // Its rows now come from the new table: no undo to offer.
      const removed = await this.client.removeSource(replacing);
      if (removed.ok) await this.client.forgetRemoval(removed.value.id);
      await this.refreshTables();
    }
    if (file) held.set(report.sourceId, { file, mapping: report.mapping, choices });
    this.held = held;
  }

  /**
   * What a load did, in a sentence or two; rows set aside can be opened from the notice. A kept
   * file read again on start (`restored`) goes to the load log only: the start says it once.
   */
  private reportLoad(report: LoadReport, restored = false) {
    const setAside = setAsideTotal(report);
    const chosenOrder = this.held.get(report.sourceId)?.choices.dateOrder;
    const notices = loadNotices(report, report.replacedSample ? [t('load.sampleAway')] : []);
    this.log.add({ kind: 'loaded', name: report.file, table: report.table, rows: report.rowsLoaded, setAside: setAside, notes: notices.slice(1).map((n) => n.text) });
    if (restored) return void this.keptBack.push({ name: report.file, rows: report.rowsLoaded, notes: notices.length - 1 });
    for (const notice of notices) {
      if (notice.setAside) this.notify(notice.level, notice.text, { label: t('load.showSetAside'), run: () => void this.showSetAside(report.sourceId, report.file, setAside) });
      else if (notice.code !== 'date-order-assumed') this.notify(notice.level, notice.text);
      // The date order the user chose in the mapping step needs no notice; an assumed one leads back there.
      else if (!chosenOrder) {
        const action = this.held.has(report.sourceId) ? { label: t('data.changeMapping'), run: () => void this.changeMapping(report.sourceId) } : undefined;
        this.notify(notice.level, notice.text, action, report.sourceId);
      }
    }
  }

  /** The files' mappings as a file for the command-line runner (`npm run kpis -- --mapping FILE`). */
  exportMapping(files: SourceInfo[]) {
    const text = mappingFileText(files.map((f) => ({ file: f.fileName, mapping: f.mapping, ...(this.held.get(f.sourceId)?.choices ? { read: this.held.get(f.sourceId)!.choices } : {}) })));
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    link.download = `${files[0].table}.mapping.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  }

  async showSetAside(sourceId: string, file: string, total: number) {
    const rows = await this.client.listSetAside(sourceId);
    this.setAside = { file, rows, total };
  }

  /** Removes one file's rows; the notice that says so offers Undo. */
  async removeSource(source: SourceInfo) {
    await this.remove(() => this.client.removeSource(source.sourceId), (id) => id === source.sourceId);
  }

  async removeTable(name: string) {
    await this.remove(() => this.client.dropTable(name), (_, held) => `base.${held.mapping.table}` === name);
  }

  /**
   * A removal: the worker keeps what went aside for `undoMs` or until other data is loaded or
   * removed, and the notice offers Undo meanwhile. The date range follows the remaining data.
   */
  private async remove(call: () => Promise<Outcome<Removal>>, gone: (sourceId: string, held: HeldFile) => boolean) {
    this.endUndo(false);
    const range = { preset: this.scope.preset, start: this.scope.start, end: this.scope.end };
    await this.changingData(async () => {
      const outcome = await call();
      if (!outcome.ok) {
        this.notify('error', outcome.error.message);
        return this.refreshTables();
      }
      const removal = outcome.value;
      const held = [...this.held].filter(([id, file]) => gone(id, file));
      void this.keptData.drop([...held.map(([, h]) => h.file.name), ...(removal.file ? [removal.file] : []), ...(this.tables.find((tb) => tb.name === removal.table && !tb.name.startsWith('base.'))?.source ?? [])]);
      this.forget(gone);
      // Said as soon as the tables and the range are known; the KPIs follow.
      const rangeReset = await this.readChangedData(removal.table);
      const what = removal.file ?? removal.table;
      const sentences = [tn('remove.done', removal.rows, { name: what, rows: removal.rows })];
      if (removal.sampleBack) sentences.push(t('remove.sampleBack'));
      if (rangeReset) sentences.push(t('remove.rangeReset', { preset: t(`scope.${this.scope.preset}`) }));
      this.log.add({ kind: 'removed', name: what, table: removal.table, rows: removal.rows, notes: sentences.slice(1) });
      // It lasts as long as the undo does (endUndo takes it away).
      const notice = this.show({ kind: 'info', text: sentences.join(' '), action: { label: t('remove.undo'), run: () => void this.undo() } });
      this.undoable = { removal, notice, held, range, timer: this.expireUndo(undoMs) };
      if (removal.table.startsWith('base.')) await this.applyScope();
    });
  }

  /** Puts the last removal back, the date range as it was included. */
  async undo() {
    const undoable = this.undoable;
    if (!undoable) return;
    this.endUndo(false);
    const { removal, held, range } = undoable;
    await this.changingData(async () => {
      const outcome = await this.client.undoRemoval(removal.id);
      if (!outcome.ok) return void this.notify('error', outcome.error.message);
      this.held = new Map([...this.held, ...held]);
      for (const [, h] of held) this.keepFile(h.file, { mapping: h.mapping, ...h.choices });
      if (range.preset === 'custom') this.scope.setCustom(range.start, range.end);
      else this.scope.preset = range.preset;
      await this.readChangedData(removal.table);
      if (removal.table.startsWith('base.')) await this.applyScope();
      const what = removal.file ?? removal.table;
      this.log.add({ kind: 'restored', name: what, table: removal.table, rows: removal.rows, notes: [] });
      this.notify('info', tn('remove.undone', removal.rows, { name: what, rows: removal.rows }));
    });
  }

  /**
   * Ends the undo after `ms`, or later while the pointer or focus is on the notices or the
   * notebook is still computing after the removal (the page is busy then: the offer would go
   * before the reader could take it).
   */
  private expireUndo(ms: number): ReturnType<typeof setTimeout> {
    return setTimeout(() => {
      if (!this.undoable) return;
      if (this.attended || this.notebook.run.phase !== 'done') this.undoable.timer = this.expireUndo(fadeMs / 2);
      else this.endUndo(true);
    }, ms);
  }

  /** The removal can no longer be undone: its notice goes, and (`forget`) the worker lets go of its rows. */
  private endUndo(forget: boolean) {
    const undoable = this.undoable;
    if (!undoable) return;
    this.undoable = undefined;
    clearTimeout(undoable.timer);
    this.dismiss(undoable.notice);
    if (forget) void this.client.forgetRemoval(undoable.removal.id);
  }

  /**
   * After `table` went or came back: the tables listed and, for a canonical table, the data's
   * range and currency (the caller then applies the scope). Returns whether the range was reset.
   */
  private async readChangedData(table: string): Promise<boolean> {
    await this.refreshTables();
    return table.startsWith('base.') ? this.readDataFacts() : false;
  }

  async choosePreset(preset: Preset) {
    this.scope.choose(preset);
    if (preset !== 'custom') await this.changingData(() => this.applyScope(true));
  }

  async chooseCompare(mode: CompareMode) {
    this.scope.compareMode = mode;
    await this.applyScope(true);
  }

  /** Applies a range checked by checkRange (src/lib/customRange.ts); the range in use again changes nothing. */
  async setCustomRange(start: string, end: string) {
    if (!this.scope.setCustom(start, end)) return;
    await this.changingData(() => this.applyScope(true));
  }

  /** `periodOnly`: only the dates (or the comparison) changed, not the data or the filters. */
  async applyScope(periodOnly = false) {
    if (!this.scope.start) return;
    const outcome = await this.client.setScope(this.scope.toScope(this.notebook.segments));
    if (!outcome.ok) return this.notify('error', outcome.error.message);
    this.notebook.build(this.tables);
    this.notebook.runAll(this.scope.comparable, { periodOnly });
    this.explorer.scopeChanged();
  }

  /** The facets or the segment changed (the explorer, the active-facet bar): every cell reads the new customers. */
  async applyFilters() {
    await this.changingData(() => this.applyScope());
  }

  private forget(gone: (sourceId: string, held: HeldFile) => boolean) {
    this.held = new Map([...this.held].filter(([id, held]) => !gone(id, held)));
  }

  /**
   * Errors and warnings stay until dismissed; information fades after `fadeMs` (twice that with
   * an action), not while the pointer or focus is on it.
   */
  notify(kind: Notice['kind'], text: string, action?: Notice['action'], sourceId?: string): number {
    const id = this.show({ kind, text, action, sourceId });
    if (kind === 'info') this.fade(id, action ? 2 * fadeMs : fadeMs);
    return id;
  }

  /** A notice that stays until dismissed or taken away. */
  private show(notice: Omit<Notice, 'id'>): number {
    const id = noticeId++;
    this.notices = [...this.notices, { id, ...notice }];
    return id;
  }

  private fade(id: number, after: number) {
    setTimeout(() => (this.attended ? this.fade(id, fadeMs / 2) : this.dismiss(id)), after);
  }

  /** The pointer or focus came to the notices (`on`) or left them. */
  attend(on: boolean) {
    this.attended = on;
  }

  dismiss(id: number) {
    if (this.undoable?.notice === id) return this.endUndo(true);
    if (this.cellUndo?.notice === id) return this.endCellUndo();
    this.notices = this.notices.filter((n) => n.id !== id);
  }

  label(key: MessageKey, vars?: Record<string, string | number>) {
    return t(key, vars);
  }

  private async refreshTables() {
    this.tables = await this.client.listTables();
    this.sources = await this.client.listSources();
  }

  /**
   * The user's currency: shown for data without one, or kept among several (then the KPIs rerun
   * on that currency's orders). Remembered in this browser either way.
   */
  async chooseCurrency(code: string | undefined) {
    this.chosenCurrency = isCurrencyCode(code) ? code : undefined;
    rememberCurrency(this.chosenCurrency);
    if (this.dataCurrencies.kind !== 'several') return;
    this.keepCurrency();
    await this.applyScope();
  }

  /**
   * The data's first and last order day anchor the date presets; its currency formats money.
   * Returns whether the date range had to be reset (src/state/scope.svelte.ts).
   */
  private async readDataFacts(): Promise<boolean> {
    let facts = await this.client.query(dataFactsSql, 'data-facts');
    // Another file's load stopped it: ask again, after that load.
    while (!facts.ok && facts.error.code === 'data-changed') facts = await this.client.query(dataFactsSql, 'data-facts');
    if (!facts.ok) return false;
    const row = tableFromIPC(facts.value.ipc).get(0)?.toJSON() as { first: string; last: string; currency: string | null; several_currencies: boolean } | undefined;
    const rangeReset = row?.first && row.last ? this.scope.setDataRange(row.first, row.last) : false;
    let data: DataCurrencies = row?.currency ? { kind: 'single', code: row.currency } : { kind: 'none' };
    if (row?.several_currencies) {
      const breakdown = await this.client.query(currencyBreakdownSql, 'data-currencies');
      if (breakdown.ok) data = fromBreakdown(tableFromIPC(breakdown.value.ipc).toArray().map((r) => r.toJSON()));
    }
    this.dataCurrencies = data;
    this.keepCurrency();
    return rangeReset;
  }

  private currencyNotice?: number;

  /** Puts the kept currency in the scope and says, in a notice that stays, that the others are left out. */
  private keepCurrency() {
    const data = this.dataCurrencies;
    this.scope.currency = pageCurrency(data, this.chosenCurrency).keep;
    if (this.currencyNotice !== undefined) this.dismiss(this.currencyNotice);
    this.currencyNotice = undefined;
    if (data.kind !== 'several') return;
    const list = listCurrencies(data.currencies, (orders) => tn('currency.orders', orders, { orders }));
    const without = data.linesWithout ? ` ${tn('currency.linesWithout', data.linesWithout, { lines: data.linesWithout })}` : '';
    this.currencyNotice = this.notify('warning', `${t('currency.several', { count: data.currencies.length, list, code: this.scope.currency! })}${without}`, {
      label: t('currency.choose'),
      run: () => document.getElementById('currency')?.focus(),
    });
  }

  private logSample(tables: TableInfo[]) {
    const rows = tables.reduce((n, table) => n + table.rows, 0);
    this.log.add({ kind: 'sample', name: t('sample.name'), rows, notes: [tn('log.sampleTables', tables.length, { tables: tables.length })] });
  }

  private track(name: string, progress: LoadProgress) {
    // A progress callback can arrive after the load it reports on has returned.
    if (!this.active.has(name)) return;
    const others = this.loading.filter((l) => l.name !== name);
    this.loading = [...others, { name, progress }];
  }

  private begin(name: string, progress: LoadProgress) {
    this.active.add(name);
    this.track(name, progress);
  }

  private untrack(name: string) {
    this.active.delete(name);
    this.loading = this.loading.filter((l) => l.name !== name);
  }

  private failStart(message: string) {
    this.status = 'failed';
    this.notify('error', message);
  }
}

/** A cell as the page names it in a notice or a button. */
export function cellTitle(cell: NotebookCell): string {
  if (cell instanceof MarkdownCell) return t('note.title');
  if (cell instanceof UnknownCell) return cell.doc.ref;
  return cell.title || t('cell.untitled');
}
