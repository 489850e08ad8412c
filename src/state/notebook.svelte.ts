/**
 * The notebook: an ordered list of cells the user edits — module cells (a pinned `id@version`,
 * its parameters, maybe edited SQL), SQL cells and markdown notes — and what it needs to run
 * them. A module cell whose inputs are not loaded stays in its place and says what to add. The
 * lifetime-value section is the cell of `clv_summary`, the module that feeds its fit.
 */
import { explorerFamilies, familyOrder, scopeFamilies } from '../lib/moduleCatalog';
import { moduleCatalog } from '../lib/queryModules';
import type { QueryModule } from '../lib/queryModule';
import type { TableInfo } from '../lib/api';
import type { CellDoc } from '../lib/notebookDoc';
import { Cell } from './cell.svelte';
import { ClvState } from './clv.svelte';
import { derivedTables } from '../lib/canonical';
import { availableColumns, missingInputs, type MissingInput } from '../lib/loadedColumns';
import { readsFit } from '../lib/periodReads';
import type { Client } from './client';
import type { SegmentDef } from '../lib/customerSets';

export interface RunOptions {
  /** Cells run at once (DuckDB-WASM interleaves their queries on its one thread). */
  parallel?: number;
  /** Only these cells (and the fit, if in it or one of its cells is). */
  only?: Set<Cell | ClvState>;
  /** Only the dates changed: cells that do not read the period keep their answers. */
  periodOnly?: boolean;
}

export interface MissingModule {
  module: QueryModule;
  /** What is missing: canonical tables and their columns (a prepared table is asked for as the orders). */
  needs: MissingInput[];
}

let nextNoteId = 1;

/** A note in markdown, rendered sanitised (src/lib/markdown.ts). */
export class MarkdownCell {
  readonly id = `note-${nextNoteId++}`;
  readonly kind = 'markdown';
  text = $state('');
  constructor(text = '') {
    this.text = text;
  }
}

/** A module cell naming a version this page does not have: kept as it was, so saving loses nothing. */
export class UnknownCell {
  readonly id = `unknown-${nextNoteId++}`;
  readonly kind = 'unknown';
  constructor(readonly doc: CellDoc & { kind: 'module' }) {}
}

export type NotebookCell = Cell | MarkdownCell | UnknownCell;

/** The module that feeds the lifetime-value fit: its cell is the lifetime-value section. */
export const clvModuleId = 'clv_summary';

const isDerived = (m: QueryModule) => m.needs.some((n) => n.table in derivedTables);
/** The customer explorer's modules (list, report, RFM scores) and the scope layer's (facets) are not cells. */
const isCellModule = (m: QueryModule) => !explorerFamilies.includes(m.family) && !scopeFamilies.includes(m.family);
export const moduleRefOf = (m: QueryModule) => `${m.id}@${m.version}`;

/**
 * The first visit's notebook: every current module in family order, the headline-only ones of a
 * family first (as the page lays them out), the lifetime-value section in its family's place.
 */
export function defaultCellDocs(): CellDoc[] {
  const rank = (m: QueryModule) => familyOrder.indexOf(m.family);
  return moduleCatalog()
    .current.filter((m) => !isDerived(m) && isCellModule(m))
    .map((m, i) => ({ m, i }))
    .sort((a, b) => rank(a.m) - rank(b.m) || Number(b.m.view.kind === 'metric') - Number(a.m.view.kind === 'metric') || a.i - b.i)
    .map(({ m }) => ({ kind: 'module', ref: moduleRefOf(m) }));
}

export class Notebook {
  /** The cells in the user's order. */
  cells = $state.raw<NotebookCell[]>([]);

  /** Present when the notebook has the lifetime-value cell and orders are loaded: the models and their cells. */
  clv = $state.raw<ClvState | undefined>(undefined);

  /** Segments the user built and kept, by name (the notebook document's `segments`). */
  segments = $state.raw<SegmentDef[]>([]);
  /** What is loaded, as `build` last saw it: decides which module cells can run. */
  private columns = $state.raw<ReturnType<typeof availableColumns> | undefined>(undefined);

  constructor(private client: Client) {}

  /** Called when the lifetime-value fit wrote new predictions. */
  onFitted?: () => void;

  /** Module cells whose inputs are loaded (the lifetime-value cell included). */
  get moduleCells(): Cell[] {
    return this.cells.filter((c): c is Cell => c instanceof Cell && !!c.module && c.missing.length === 0);
  }

  get sqlCells(): Cell[] {
    return this.cells.filter((c): c is Cell => c instanceof Cell && !c.module);
  }

  /** Module cells waiting for inputs, with what they need. */
  get missing(): MissingModule[] {
    return this.cells.flatMap((c) => (c instanceof Cell && c.module && c.missing.length ? [{ module: c.module, needs: c.missing }] : []));
  }

  /** The lifetime-value cell, if the notebook has one. */
  get clvCell(): Cell | undefined {
    return this.cells.find((c): c is Cell => c instanceof Cell && c.module?.id === clvModuleId);
  }

  /** Notes which cells can run on what is loaded, and sets up the lifetime-value models when they can. */
  build(tables: TableInfo[]) {
    this.columns = availableColumns(
      tables.filter((t) => t.name.startsWith('base.')).map((t) => ({ table: t.name.slice(5), columns: t.columns.map((c) => c.name), empty: t.empty })),
    );
    for (const cell of this.cells) if (cell instanceof Cell && cell.module) this.check(cell);
    this.setUpClv();
  }

  /** What `module` needs that is not loaded (nothing before the data is known). */
  inputsMissing(module: QueryModule): MissingInput[] {
    return this.columns ? missingInputs(module, this.columns) : [];
  }

  /** Modules a user can add: every current one but those only the lifetime-value section shows. */
  get addable(): QueryModule[] {
    return moduleCatalog().current.filter((m) => !isDerived(m) && isCellModule(m));
  }

  private check(cell: Cell) {
    if (!this.columns) return;
    const absent = missingInputs(cell.module!, this.columns);
    if (absent.length !== cell.missing.length || absent.some((a, i) => JSON.stringify(a) !== JSON.stringify(cell.missing[i]))) cell.missing = absent;
  }

  private setUpClv() {
    const cell = this.clvCell;
    if (cell && this.columns && cell.missing.length === 0) {
      this.clv ??= new ClvState(this.client, this.interrupt, () => this.onFitted?.());
      this.clv.setModules(moduleCatalog().current.filter((m) => isDerived(m) && isCellModule(m)));
    } else this.clv = undefined;
  }

  /** A cell made from its document; a module reference this page does not know is kept as it is. */
  makeCell(doc: CellDoc): NotebookCell {
    if (doc.kind === 'markdown') return new MarkdownCell(doc.text);
    if (doc.kind === 'sql') {
      const cell = new Cell(this.client, { sql: doc.sql, title: doc.title, onInterrupted: this.interrupt });
      cell.chart = doc.chart;
      return cell;
    }
    const module = moduleCatalog().byRef.get(doc.ref);
    if (!module) return new UnknownCell(doc);
    const cell = new Cell(this.client, { module, sql: doc.sql, onInterrupted: this.interrupt });
    if (doc.params) cell.params = { ...doc.params };
    cell.chart = doc.chart;
    this.check(cell);
    return cell;
  }

  /** The cells as a document (src/lib/notebookDoc.ts). */
  toCellDocs(): CellDoc[] {
    return this.cells.map(cellDoc);
  }

  /**
   * Replaces every cell with the document's; the old ones let go of their runs and results. With
   * `hold`, SQL cells and edited module cells wait for the user's approval (Cell.held).
   */
  applyCellDocs(docs: CellDoc[], hold = false) {
    for (const cell of this.cells) if (cell instanceof Cell) cell.dispose();
    this.cells = docs.map((d) => this.makeCell(d));
    // A cell kept while it waited for approval (the link was opened, then the page reloaded) still waits.
    docs.forEach((d, i) => {
      const cell = this.cells[i];
      if (cell instanceof Cell && d.kind !== 'markdown' && d.held) cell.held = true;
    });
    if (hold) for (const cell of this.cells) if (cell instanceof Cell && (!cell.module || cell.edited)) cell.held = true;
    this.setUpClv();
  }

  /** Puts a cell at `index` (the end by default). */
  insert(cell: NotebookCell, index = this.cells.length) {
    const cells = [...this.cells];
    cells.splice(Math.max(0, Math.min(index, cells.length)), 0, cell);
    this.cells = cells;
    if (cell instanceof Cell && cell.module?.id === clvModuleId) this.setUpClv();
  }

  addSqlCell(sql: string, title?: string): Cell {
    const cell = new Cell(this.client, { sql, title, onInterrupted: this.interrupt });
    this.insert(cell);
    return cell;
  }

  addModuleCell(module: QueryModule): Cell {
    const cell = this.makeCell({ kind: 'module', ref: moduleRefOf(module) }) as Cell;
    this.insert(cell);
    return cell;
  }

  addMarkdownCell(text = ''): MarkdownCell {
    const cell = new MarkdownCell(text);
    this.insert(cell);
    return cell;
  }

  /** Takes a cell out; returns where it was, for an undo. The caller disposes of it once the undo is over. */
  remove(cell: NotebookCell): number {
    const index = this.cells.indexOf(cell);
    if (index === -1) return -1;
    this.cells = this.cells.filter((c) => c !== cell);
    if (cell instanceof Cell && cell.module?.id === clvModuleId) this.setUpClv();
    return index;
  }

  removeSqlCell(cell: Cell) {
    this.remove(cell);
    cell.dispose();
  }

  /** A copy of the cell right after it (its result is computed again). The lifetime-value section has one place. */
  duplicate(cell: NotebookCell): NotebookCell | undefined {
    if (!this.canDuplicate(cell)) return undefined;
    const copy = this.makeCell(cellDoc(cell));
    this.insert(copy, this.cells.indexOf(cell) + 1);
    return copy;
  }

  canDuplicate(cell: NotebookCell): boolean {
    return !(cell instanceof Cell && cell.module?.id === clvModuleId) && !(cell instanceof UnknownCell);
  }

  /** Moves a cell `by` places (-1 up, +1 down); false at either end. */
  move(cell: NotebookCell, by: number): boolean {
    const from = this.cells.indexOf(cell);
    const to = from + by;
    if (from === -1 || to < 0 || to >= this.cells.length) return false;
    const cells = [...this.cells];
    cells.splice(from, 1);
    cells.splice(to, 0, cell);
    this.cells = cells;
    return true;
  }

  /**
   * The latest run of the whole notebook: its number, and whether its KPI cells (comparison
   * runs included), then the lifetime-value model and the user's SQL cells, are still
   * computing. Shown on the page (data-run, data-run-phase) for the benchmark and tests.
   */
  run = $state<{ generation: number; phase: 'cells' | 'model' | 'done' }>({ generation: 0, phase: 'done' });

  /**
   * Runs every cell (or, given `only`, those of them), a few at a time in page order:
   * DuckDB-WASM has one thread, so running all at once would only make the first cell on
   * screen the last to finish. The KPI cells go first; then the lifetime-value fit and the
   * user's SQL cells run side by side, so a slow query of the user's never holds the fit up
   * (SQL that reads the fit's predictions follows the fit). A cancelled cell waits for the
   * user to run it; after a change of dates only (`periodOnly`), cells whose answer does not
   * depend on the period keep theirs.
   */
  async runAll(compare?: { start: string; end: string }, options: RunOptions = {}) {
    const { parallel = 3, only, periodOnly = false } = options;
    const generation = ++this.generation;
    const changes = this.changes;
    if (!only) this.interrupted.clear();
    this.run = { generation, phase: 'cells' };
    // A cell still queued by an earlier run that this one replaced has yet to run at all.
    const wanted = (c: Cell) => c.status !== 'cancelled' && !c.held && (!only || only.has(c)) && (!periodOnly || c.readsPeriod || c.queued);
    // The summary module only feeds the lifetime-value fit; it is not a cell of its own.
    const kpis = this.moduleCells.filter((c) => c.module?.id !== clvModuleId && wanted(c));
    const sql = this.sqlCells.filter(wanted);
    const afterFit = sql.filter((c) => readsFit(c.sql));
    const free = sql.filter((c) => !afterFit.includes(c));
    for (const cell of [...kpis, ...sql]) cell.queued = true;
    const clv = this.clv && (!only || only.has(this.clv) || this.clv.cells.some((c) => only.has(c))) ? this.clv : undefined;
    if (clv) clv.status = 'waiting';
    // Once a change of data begins, what is left waits for the page to catch up with it: a
    // module may read a table the change took away.
    const stale = () => changes !== this.changes;
    const lanes = async (queue: Cell[]) => {
      const lane = async () => {
        for (let cell = queue.shift(); cell && generation === this.generation; cell = queue.shift()) {
          if (stale()) this.interrupt(cell);
          else await cell.run(compare);
        }
      };
      // The first cell runs alone: DuckDB-WASM takes turns between the lanes' queries, so with
      // company the first number on screen waited for three (at 1M orders it came 0.74 s after
      // the cells started, alone 0.25-0.42 s). The total is the same either way: one thread.
      const first = queue.length > 1 ? queue.shift() : undefined;
      if (first && generation === this.generation) {
        if (stale()) this.interrupt(first);
        else await first.run(compare);
      }
      await Promise.all(Array.from({ length: parallel }, lane));
    };
    const fitClv = async () => {
      if (clv && stale()) this.interrupt(clv);
      else await clv?.run();
    };
    // Off screen, the cells wait (queued) for the notebook to come back; the fit does not, as
    // the customer list shows its predictions.
    const fitting = this.hidden ? fitClv() : undefined;
    await this.whenShown();
    if (generation !== this.generation) return;
    await lanes(kpis);
    if (generation !== this.generation) return;
    this.run = { generation, phase: 'model' };
    const fit = async () => {
      await (fitting ?? fitClv());
      await lanes(afterFit);
    };
    await Promise.all([fit(), lanes(free)]);
    if (generation === this.generation) this.run = { generation, phase: 'done' };
  }

  /**
   * Whether the notebook is on screen (the Customers view replaces it). While it is not, a run's
   * cells stay queued until it comes back: at 1M orders the explorer's answers took turns with
   * two dozen cells on DuckDB's one thread, and a customer's report took 0.7-0.9 s instead of
   * 0.1 s.
   */
  setShown(shown: boolean) {
    this.hidden = !shown;
    if (!shown) return;
    const waiting = this.shownWaiters;
    this.shownWaiters = [];
    for (const resume of waiting) resume();
  }

  private hidden = false;
  private shownWaiters: (() => void)[] = [];
  private whenShown(): Promise<void> {
    return this.hidden ? new Promise((resume) => this.shownWaiters.push(resume)) : Promise.resolve();
  }

  private generation = 0;
  /** Changes of data begun (dataChangeBegins): runs asked for before one are held back. */
  private changes = 0;

  /** Cells and the fit that a change of data stopped or held back, to run once the page has caught up with it. */
  private interrupted = new Set<Cell | ClvState>();
  private interrupt = (stopped: Cell | ClvState) => void this.interrupted.add(stopped);

  /** A load, a removal or a new scope begins: cells not yet started wait for it. */
  dataChangeBegins() {
    this.changes++;
  }

  /**
   * Runs again what a change of data stopped or held back, when no run of the whole notebook
   * followed it (a table of its own loaded, a file waiting for its mapping). Cells the change
   * took away (their tables gone) are not in the notebook any more and are not run.
   */
  rerunInterrupted(compare?: { start: string; end: string }) {
    if (this.interrupted.size === 0) return;
    const stopped = new Set(this.interrupted);
    this.interrupted.clear();
    void this.runAll(compare, { only: stopped });
  }
}

/** One cell's document: only what differs from the module is written (edited SQL, parameters set, a chart chosen). */
export function cellDoc(cell: NotebookCell): CellDoc {
  if (cell instanceof MarkdownCell) return { kind: 'markdown', text: cell.text };
  if (cell instanceof UnknownCell) return structuredClone(cell.doc);
  const chart = cell.chart ? { chart: structuredClone($state.snapshot(cell.chart)) } : {};
  const held = cell.held ? { held: true as const } : {};
  if (!cell.module) return { kind: 'sql', ...(cell.title ? { title: cell.title } : {}), sql: cell.sql, ...chart, ...held };
  const params = $state.snapshot(cell.params);
  return {
    kind: 'module',
    ref: moduleRefOf(cell.module),
    ...(Object.keys(params).length ? { params } : {}),
    ...(cell.edited ? { sql: cell.sql } : {}),
    ...chart,
    ...held,
  };
}
