/**
 * One notebook cell: a query module (with the SQL the user may have edited) or free SQL.
 * Each run takes a ticket; an answer for an older ticket is dropped, so a slow earlier run
 * never overwrites a newer result. A SQL cell gets its result's first rows; the worker holds
 * the rest under the run's ticket and the table asks for them a page at a time.
 */
import { tableFromIPC } from 'apache-arrow';
import { arrowToRows } from '../lib/arrowRows';
import { chartRows, headlineRow, type ParamValues } from '../lib/runModule';
import type { Row, SqlValue } from '../lib/db';
import type { QueryModule } from '../lib/queryModule';
import type { ColumnInfo, WorkerError } from '../lib/api';
import type { ChartDoc } from '../lib/notebookDoc';
import type { MissingInput } from '../lib/loadedColumns';
import { readsPeriodWith } from '../lib/periodReads';
import { localizeModule } from '../lib/moduleText';
import type { Client } from './client';

export type CellStatus = 'idle' | 'running' | 'done' | 'error' | 'cancelled';

/** 'data-changed' when a run must go again; nothing when it showed its result or error. */
type RunEnd = 'data-changed' | undefined;

let nextId = 1;

export class Cell {
  readonly id = `cell-${nextId++}`;
  /** The module as written (English), whose SQL the cell runs. */
  private readonly source?: QueryModule;
  /** A title the cell was given; else it reads its module's, in the reader's language. */
  private ownTitle = $state<string | undefined>(undefined);
  sql = $state('');
  status = $state<CellStatus>('idle');
  error = $state.raw<WorkerError | undefined>(undefined);
  columns = $state.raw<ColumnInfo[]>([]);
  /** The result's rows, or a SQL cell's first rows (what its chart draws) when `total` is larger. */
  rows = $state.raw<Row[]>([]);
  /** Rows in a SQL cell's whole result. */
  total = $state(0);
  headline = $state.raw<SqlValue | undefined>(undefined);
  previous = $state.raw<SqlValue | undefined>(undefined);
  elapsedMs = $state(0);
  /** Values the user set for the module's parameters; the rest take their defaults. */
  params = $state<ParamValues>({});
  /** Waiting in the notebook's run queue; its result, if any, is for the previous scope. */
  queued = $state(false);
  /** Showing the sample's precomputed result until the live run replaces it. */
  precomputed = $state(false);
  /** A module's inputs not loaded: the cell waits for them and says what to add. */
  missing = $state.raw<MissingInput[]>([]);
  /**
   * SQL that came with a link and differs from the pinned modules: it runs only when the user
   * approves it (the review dialog's Run, or the cell's own Run), never with the notebook.
   */
  held = $state(false);
  /** How the result is drawn when the user chose: a chart type that suits it, or a Vega-Lite spec of their own. */
  chart = $state.raw<ChartDoc | undefined>(undefined);
  private ticket = '';
  /** The run whose result the worker holds for paging, if it holds one. */
  private heldTicket?: string;
  private seq = 0;
  private onInterrupted?: (cell: Cell) => void;

  constructor(
    private client: Client,
    init: { module?: QueryModule; sql?: string; title?: string; onInterrupted?: (cell: Cell) => void },
  ) {
    this.source = init.module;
    this.onInterrupted = init.onInterrupted;
    this.sql = init.sql ?? init.module?.sql ?? '';
    this.ownTitle = init.title;
  }

  /** The cell's module, its words (title, definition, labels) in the reader's language: src/lib/moduleText.ts. */
  get module(): QueryModule | undefined {
    return this.source && localizeModule(this.source);
  }

  get title(): string {
    return this.ownTitle ?? this.module?.title ?? '';
  }

  set title(title: string) {
    this.ownTitle = title;
  }

  /** Whether its answer depends on the date range (src/lib/periodReads.ts): a change of dates runs it again. */
  get readsPeriod(): boolean {
    return readsPeriodWith(this.sql, this.module?.views);
  }

  get kind(): 'module' | 'sql' {
    return this.module ? 'module' : 'sql';
  }

  get edited(): boolean {
    return !!this.module && this.sql.trim() !== this.module.sql.trim();
  }

  revert() {
    if (this.module) this.sql = this.module.sql;
  }

  async run(compare?: { start: string; end: string }) {
    const seq = ++this.seq;
    this.held = false;
    const before = this.status;
    this.queued = false;
    if (this.status === 'running') await this.client.cancel(this.ticket);
    const ticket = `${this.id}:${seq}`;
    this.ticket = ticket;
    this.status = 'running';
    this.error = undefined;
    const current = (): boolean => seq === this.seq;
    const end = this.module ? await this.runModule(ticket, current, compare) : await this.runSql(ticket, current);
    if (end !== 'data-changed' || !current()) return;
    // A change of data (a file loaded, the scope applied) stopped it. It waits for the page to
    // catch up with the new data (the change may also take its tables away), which runs it again.
    // Its last result (this run's, when only the comparison was stopped) stays on show meanwhile.
    if ((this.status as CellStatus) !== 'done') this.status = before === 'done' ? 'done' : 'idle';
    this.queued = true;
    this.onInterrupted?.(this);
  }

  async cancel() {
    if (this.status !== 'running') return;
    await this.client.cancel(this.ticket);
  }

  /** The cell leaves the notebook: its run stops and the worker lets go of its result. */
  dispose() {
    this.seq++;
    void this.client.cancel(this.ticket);
    this.letGo();
  }

  /** Rows `from` to `from + count` if the cell has them at hand (the first rows came with the result). */
  rowsAtHand(from: number, count: number): Row[] | undefined {
    if (from + count <= this.rows.length || this.rowCount === this.rows.length) return this.rows.slice(from, from + count);
  }

  /**
   * Rows `from` to `from + count`, asked of the worker. Undefined when the result is no longer
   * there (the data changed, or too many results were held): the cell then runs again.
   */
  async fetchRows(from: number, count: number): Promise<Row[] | undefined> {
    const ticket = this.heldTicket;
    if (!ticket) return undefined;
    const outcome = await this.client.queryPage(ticket, from, count);
    if (outcome.ok) return arrowToRows(tableFromIPC(outcome.value.ipc));
    if (ticket !== this.heldTicket) return undefined;
    if (outcome.error.code === 'expired' || outcome.error.code === 'data-changed') {
      this.heldTicket = undefined;
      // A cell waiting in the run queue, or running, gets its new result anyway; a cancelled
      // one waits for the user to run it.
      if (!this.queued && this.status !== 'running' && this.status !== 'cancelled') void this.run();
    } else this.fail(outcome.error);
  }

  /** Shows a result computed ahead of time (the sample's snapshot) until the cell runs. */
  showPrecomputed(rows: Row[], previous: SqlValue | undefined) {
    const module = this.module!;
    this.headline = headlineRow(module, rows)?.[module.headline?.column ?? ''];
    this.previous = previous;
    this.rows = chartRows(module, rows);
    this.columns = module.columns.map((c) => ({ name: c.name, type: c.type }));
    this.status = 'done';
    this.precomputed = true;
    this.queued = true;
  }

  private async runModule(ticket: string, current: () => boolean, compare?: { start: string; end: string }): Promise<RunEnd> {
    const module = this.module!;
    const sql = this.edited ? this.sql : undefined;
    const ref = `${module.id}@${module.version}`;
    const params = $state.snapshot(this.params);
    const outcome = await this.client.runModule(ref, ticket, params, sql);
    if (!current()) return;
    if (!outcome.ok) return this.fail(outcome.error);
    const rows = outcome.value.rows;
    this.headline = headlineRow(module, rows)?.[module.headline?.column ?? ''];
    this.rows = chartRows(module, rows);
    this.columns = module.columns.map((c) => ({ name: c.name, type: c.type }));
    this.elapsedMs = outcome.value.elapsedMs;
    this.status = 'done';
    this.precomputed = false;
    this.previous = undefined;
    // A cell that does not read the period answers the same for the comparison period.
    if (compare && module.headline && this.readsPeriod) {
      const before = await this.client.runModule(ref, `${ticket}:compare`, params, sql, compare);
      if (!before.ok && before.error.code === 'data-changed') return 'data-changed';
      if (current() && before.ok) this.previous = headlineRow(module, before.value.rows)?.[module.headline.column];
    }
  }

  private async runSql(ticket: string, current: () => boolean): Promise<RunEnd> {
    const outcome = await this.client.query(this.sql, ticket);
    const held = outcome.ok && outcome.value.total > outcome.value.rows;
    if (!current()) {
      if (held) void this.client.releaseResult(ticket);
      return;
    }
    // A cancelled run keeps the last result on show, and the worker keeps it for paging.
    if (!outcome.ok && outcome.error.code === 'cancelled') return this.fail(outcome.error);
    this.letGo();
    if (!outcome.ok) return this.fail(outcome.error);
    const { value } = outcome;
    this.columns = value.columns;
    this.rows = arrowToRows(tableFromIPC(value.ipc));
    this.total = value.total;
    if (held) this.heldTicket = ticket;
    this.elapsedMs = value.elapsedMs;
    this.status = 'done';
  }

  private letGo() {
    if (this.heldTicket) void this.client.releaseResult(this.heldTicket);
    this.heldTicket = undefined;
  }

  private fail(error: WorkerError): RunEnd {
    if (error.code === 'data-changed') return 'data-changed';
    this.error = error;
    this.status = error.code === 'cancelled' ? 'cancelled' : 'error';
  }

  get rowCount(): number {
    return this.module ? this.rows.length : this.total;
  }
}
