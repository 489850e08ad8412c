/**
 * The notebook: module cells for every KPI whose inputs are loaded, grouped by family,
 * then the user's own SQL cells. Modules whose inputs are missing are listed with what
 * they need.
 */
import { explorerFamilies, familyOrder, scopeFamilies } from '../lib/moduleCatalog';
import { moduleCatalog } from '../lib/queryModules';
import type { QueryModule } from '../lib/queryModule';
import type { TableInfo } from '../lib/api';
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

export class Notebook {
  moduleCells = $state.raw<Cell[]>([]);
  sqlCells = $state.raw<Cell[]>([]);
  missing = $state.raw<MissingModule[]>([]);

  /** Present when orders are loaded: the lifetime-value models and their cells. */
  clv = $state.raw<ClvState | undefined>(undefined);

  /** Segments the user built and kept, by name (the notebook document's `segments`). */
  segments = $state.raw<SegmentDef[]>([]);

  constructor(private client: Client) {}

  /** Rebuilds the module cells for what is loaded, keeping cells (and their edits) that still apply. */
  build(tables: TableInfo[]) {
    const columns = availableColumns(
      tables.filter((t) => t.name.startsWith('base.')).map((t) => ({ table: t.name.slice(5), columns: t.columns.map((c) => c.name), empty: t.empty })),
    );
    const kept = new Map(this.moduleCells.map((c) => [c.module!.id, c]));
    const cells: Cell[] = [];
    const missing: MissingModule[] = [];
    const derived: QueryModule[] = [];
    for (const module of moduleCatalog().current) {
      // The customer explorer's modules (list, report, RFM scores) and the scope's are not cells.
      if (explorerFamilies.includes(module.family) || scopeFamilies.includes(module.family)) continue;
      if (module.needs.some((n) => n.table in derivedTables)) {
        derived.push(module);
        continue;
      }
      const absent = missingInputs(module, columns);
      if (absent.length) missing.push({ module, needs: absent });
      else cells.push(kept.get(module.id) ?? new Cell(this.client, { module, onInterrupted: this.interrupt }));
    }
    this.moduleCells = cells;
    this.missing = missing;
    const summary = moduleCatalog().current.find((m) => m.id === 'clv_summary');
    const canFit = summary && !missing.some((m) => m.module.id === 'clv_summary');
    if (canFit) {
      this.clv ??= new ClvState(this.client, this.interrupt);
      this.clv.setModules(derived);
    } else this.clv = undefined;
  }

  get families(): { family: string; cells: Cell[] }[] {
    const groups = new Map<string, Cell[]>();
    for (const cell of this.moduleCells) {
      const family = cell.module!.family;
      if (family === 'clv') continue; // shown by the lifetime-value section
      groups.set(family, [...(groups.get(family) ?? []), cell]);
    }
    return [...groups].sort(([a], [b]) => familyOrder.indexOf(a) - familyOrder.indexOf(b)).map(([family, cells]) => ({ family, cells }));
  }

  addSqlCell(sql: string, title?: string): Cell {
    const cell = new Cell(this.client, { sql, title, onInterrupted: this.interrupt });
    this.sqlCells = [...this.sqlCells, cell];
    return cell;
  }

  removeSqlCell(cell: Cell) {
    cell.dispose();
    this.sqlCells = this.sqlCells.filter((c) => c !== cell);
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
    const wanted = (c: Cell) => c.status !== 'cancelled' && (!only || only.has(c)) && (!periodOnly || c.readsPeriod || c.queued);
    // The summary module only feeds the lifetime-value fit; it is not a cell of its own.
    const kpis = this.moduleCells.filter((c) => c.module?.id !== 'clv_summary' && wanted(c));
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
      await Promise.all(Array.from({ length: parallel }, lane));
    };
    await lanes(kpis);
    if (generation !== this.generation) return;
    this.run = { generation, phase: 'model' };
    const fit = async () => {
      if (clv && stale()) this.interrupt(clv);
      else await clv?.run();
      await lanes(afterFit);
    };
    await Promise.all([fit(), lanes(free)]);
    if (generation === this.generation) this.run = { generation, phase: 'done' };
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
