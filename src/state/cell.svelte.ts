/**
 * One notebook cell: a query module (with the SQL the user may have edited) or free SQL.
 * Each run takes a ticket; an answer for an older ticket is dropped, so a slow earlier run
 * never overwrites a newer result.
 */
import { tableFromIPC, type Table } from 'apache-arrow';
import { arrowToRows } from '../lib/arrowRows';
import { chartRows, headlineRow, type ParamValues } from '../lib/runModule';
import type { Row, SqlValue } from '../lib/db';
import type { QueryModule } from '../lib/queryModule';
import type { ColumnInfo, WorkerError } from '../lib/api';
import type { Client } from './client';

export type CellStatus = 'idle' | 'running' | 'done' | 'error' | 'cancelled';

/** 'data-changed' when a run must go again; nothing when it showed its result or error. */
type RunEnd = 'data-changed' | undefined;

/** Charts draw at most this many rows; the table pages through all of them. */
const chartRowLimit = 5000;

let nextId = 1;

export class Cell {
  readonly id = `cell-${nextId++}`;
  readonly module?: QueryModule;
  title = $state('');
  sql = $state('');
  status = $state<CellStatus>('idle');
  error = $state.raw<WorkerError | undefined>(undefined);
  table = $state.raw<Table | undefined>(undefined);
  columns = $state.raw<ColumnInfo[]>([]);
  rows = $state.raw<Row[]>([]);
  headline = $state.raw<SqlValue | undefined>(undefined);
  previous = $state.raw<SqlValue | undefined>(undefined);
  elapsedMs = $state(0);
  /** Values the user set for the module's parameters; the rest take their defaults. */
  params = $state<ParamValues>({});
  /** Waiting in the notebook's run queue; its result, if any, is for the previous scope. */
  queued = $state(false);
  /** Showing the sample's precomputed result until the live run replaces it. */
  precomputed = $state(false);
  private ticket = '';
  private seq = 0;
  private onInterrupted?: (cell: Cell) => void;

  constructor(
    private client: Client,
    init: { module?: QueryModule; sql?: string; title?: string; onInterrupted?: (cell: Cell) => void },
  ) {
    this.module = init.module;
    this.onInterrupted = init.onInterrupted;
    this.sql = init.sql ?? init.module?.sql ?? '';
    this.title = init.title ?? init.module?.title ?? '';
  }

  get edited(): boolean {
    return !!this.module && this.sql.trim() !== this.module.sql.trim();
  }

  revert() {
    if (this.module) this.sql = this.module.sql;
  }

  async run(compare?: { start: string; end: string }) {
    const seq = ++this.seq;
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
    this.table = undefined;
    this.elapsedMs = outcome.value.elapsedMs;
    this.status = 'done';
    this.precomputed = false;
    this.previous = undefined;
    if (compare && module.headline) {
      const before = await this.client.runModule(ref, `${ticket}:compare`, params, sql, compare);
      if (!before.ok && before.error.code === 'data-changed') return 'data-changed';
      if (current() && before.ok) this.previous = headlineRow(module, before.value.rows)?.[module.headline.column];
    }
  }

  private async runSql(ticket: string, current: () => boolean): Promise<RunEnd> {
    const outcome = await this.client.query(this.sql, ticket);
    if (!current()) return;
    if (!outcome.ok) return this.fail(outcome.error);
    const table = tableFromIPC(outcome.value.ipc);
    this.table = table;
    this.columns = outcome.value.columns;
    this.rows = arrowToRows(table, chartRowLimit);
    this.elapsedMs = outcome.value.elapsedMs;
    this.status = 'done';
  }

  private fail(error: WorkerError): RunEnd {
    if (error.code === 'data-changed') return 'data-changed';
    this.error = error;
    this.status = error.code === 'cancelled' ? 'cancelled' : 'error';
  }

  get rowCount(): number {
    return this.table?.numRows ?? this.rows.length;
  }
}
