/**
 * The page's state: the worker, what is loaded, the scope and the notebook, and the
 * messages the user must see. Components render this and call its methods.
 */
import { tableFromIPC } from 'apache-arrow';
import { t, tn, type MessageKey } from '../lib/i18n';
import type { LoadProgress, TableInfo } from '../worker/api';
import { callback, startWorker, type Client } from './client';
import { Notebook } from './notebook.svelte';
import { ScopeState, type Preset } from './scope.svelte';

export type AppStatus = 'starting' | 'loading' | 'ready' | 'failed';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

export interface Loading {
  name: string;
  progress: LoadProgress;
}

let noticeId = 1;

export class AppState {
  status = $state<AppStatus>('starting');
  tables = $state.raw<TableInfo[]>([]);
  loading = $state.raw<Loading[]>([]);
  notices = $state.raw<Notice[]>([]);
  currency = $state('USD');
  readonly client: Client;
  private active = new Set<string>();
  readonly scope = new ScopeState();
  readonly notebook: Notebook;

  constructor() {
    this.client = startWorker();
    this.notebook = new Notebook(this.client);
  }

  async start() {
    // The chart library is the largest script; fetch it while the database starts.
    void import('vega-embed');
    const base = new URL('./', document.baseURI).href;
    const started = await this.client.init(base);
    if (!started.ok) return this.failStart(started.error.message);
    this.status = 'loading';
    this.begin('sample', { phase: 'reading' });
    const sample = await this.client.loadSample(callback((p: LoadProgress) => this.track('sample', p)));
    this.untrack('sample');
    // Without the sample the page still works on dropped files.
    if (!sample.ok) this.notify('error', sample.error.message);
    await this.refreshTables();
    await this.readDataFacts();
    await this.applyScope();
    this.status = 'ready';
  }

  async loadFiles(files: File[]) {
    for (const file of files) {
      this.begin(file.name, { phase: 'reading', bytes: 0, totalBytes: file.size });
      const outcome = await this.client.loadFile(file, callback((p: LoadProgress) => this.track(file.name, p)));
      this.untrack(file.name);
      if (!outcome.ok) {
        this.notify('error', outcome.error.message);
        continue;
      }
      this.notify('info', tn('load.done', outcome.value.rows, { name: file.name, rows: outcome.value.rows }));
      await this.refreshTables();
      if (outcome.value.name.startsWith('base.')) {
        // A canonical table: the KPIs now answer for the user's data.
        await this.readDataFacts();
        await this.applyScope();
      } else {
        const cell = this.notebook.addSqlCell(`select count(*) as row_count from ${outcome.value.name}`, outcome.value.name);
        void cell.run();
      }
    }
  }

  async removeTable(name: string) {
    const outcome = await this.client.dropTable(name);
    if (!outcome.ok) this.notify('error', outcome.error.message);
    await this.refreshTables();
    if (name.startsWith('base.')) await this.applyScope();
  }

  async choosePreset(preset: Preset) {
    this.scope.choose(preset);
    if (preset !== 'custom') await this.applyScope();
  }

  async setCustomRange(start: string, end: string) {
    this.scope.setCustom(start, end);
    await this.applyScope();
  }

  async applyScope() {
    if (!this.scope.start) return;
    const outcome = await this.client.setScope(this.scope.toScope());
    if (!outcome.ok) return this.notify('error', outcome.error.message);
    this.notebook.build(this.tables);
    this.notebook.runAll(this.scope.compare);
  }

  /** Errors stay until dismissed; information fades after a few seconds. */
  notify(kind: Notice['kind'], text: string) {
    const id = noticeId++;
    this.notices = [...this.notices, { id, kind, text }];
    if (kind === 'info') setTimeout(() => this.dismiss(id), 6000);
  }

  dismiss(id: number) {
    this.notices = this.notices.filter((n) => n.id !== id);
  }

  label(key: MessageKey, vars?: Record<string, string | number>) {
    return t(key, vars);
  }

  private async refreshTables() {
    this.tables = await this.client.listTables();
  }

  /** The data's first and last order day anchor the date presets; its usual currency formats money. */
  private async readDataFacts() {
    const facts = await this.client.query(
      "select strftime(min(order_date), '%Y-%m-%d') as first, strftime(max(order_date), '%Y-%m-%d') as last, mode(currency) as currency from base.orders",
      'data-facts',
    );
    if (!facts.ok) return;
    const row = tableFromIPC(facts.value.ipc).get(0)?.toJSON() as { first: string; last: string; currency: string | null } | undefined;
    if (row?.first && row.last) this.scope.setDataRange(row.first, row.last);
    if (row?.currency && /^[A-Z]{3}$/.test(row.currency)) this.currency = row.currency;
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
