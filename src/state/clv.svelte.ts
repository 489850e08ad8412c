/**
 * The predicted-lifetime-value section: fits the models on the orders in scope, then runs
 * the cells that read their per-customer predictions.
 */
import type { ClvFit, ClvOptions } from '../lib/clv/fitClv';
import type { QueryModule } from '../lib/queryModule';
import type { WorkerError } from '../lib/api';
import { Cell } from './cell.svelte';
import type { Client } from './client';

export class ClvState {
  /** 'waiting': the notebook is recomputing and the fit will follow. */
  status = $state<'idle' | 'waiting' | 'fitting' | 'done' | 'error'>('idle');
  fit = $state.raw<ClvFit | undefined>(undefined);
  error = $state.raw<WorkerError | undefined>(undefined);
  calibrationEnd = $state('');
  horizonMonths = $state(12);
  monthlyDiscount = $state(0.01);
  cells = $state.raw<Cell[]>([]);
  private seq = 0;

  constructor(
    private client: Client,
    /** Called when a change of data stopped the fit or one of the cells, to run it again later. */
    private onInterrupted?: (stopped: Cell | ClvState) => void,
  ) {}

  setModules(modules: QueryModule[]) {
    const kept = new Map(this.cells.map((c) => [c.module!.id, c]));
    this.cells = modules.map((m) => kept.get(m.id) ?? new Cell(this.client, { module: m, onInterrupted: this.onInterrupted }));
  }

  async run(): Promise<void> {
    const seq = ++this.seq;
    this.status = 'fitting';
    this.error = undefined;
    const options: ClvOptions = {
      calibrationEnd: this.calibrationEnd || null,
      horizonMonths: this.horizonMonths,
      monthlyDiscount: this.monthlyDiscount,
    };
    const outcome = await this.client.fitClv(options);
    if (seq !== this.seq) return;
    if (!outcome.ok && outcome.error.code === 'data-changed') {
      this.status = 'waiting';
      return this.onInterrupted?.(this);
    }
    if (!outcome.ok) {
      this.error = outcome.error;
      this.status = 'error';
      return;
    }
    this.fit = outcome.value;
    this.status = 'done';
    for (const cell of this.cells) await cell.run();
  }
}
