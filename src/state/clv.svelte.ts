/**
 * The predicted-lifetime-value section: fits the models on the orders in scope, then runs
 * the cells that read their per-customer predictions.
 */
import type { ClvFit, ClvOptions } from '../lib/clv/fitClv';
import { discountPercentText, horizonMonths, monthlyDiscount, parseDiscountPercent, parseHorizon } from '../lib/clv/clvOptions';
import type { QueryModule } from '../lib/queryModule';
import type { WorkerError } from '../lib/api';
import { Cell } from './cell.svelte';
import type { Client } from './client';

export class ClvState {
  /** 'waiting': the notebook is recomputing and the fit will follow. */
  status = $state<'idle' | 'waiting' | 'fitting' | 'done' | 'error'>('idle');
  fit = $state.raw<ClvFit | undefined>(undefined);
  error = $state.raw<WorkerError | undefined>(undefined);
  /** The holdout check's last day of learning, as chosen; '' for the automatic one. */
  calibrationEnd = $state('');
  /** The calibration end the last fit left automatic worked out (shown in the field when it is automatic). */
  autoCalibrationEnd = $state('');
  /** The last good values: a fit always uses these. */
  horizonMonths = $state(horizonMonths.default);
  monthlyDiscount = $state(monthlyDiscount.default);
  /** What the fields hold, as typed, and why a value was refused (then not used). */
  horizonText = $state(String(horizonMonths.default));
  discountText = $state(discountPercentText(monthlyDiscount.default));
  horizonProblem = $state<string | undefined>();
  discountProblem = $state<string | undefined>();
  cells = $state.raw<Cell[]>([]);
  private seq = 0;
  private ticket?: string;

  constructor(
    private client: Client,
    /** Called when a change of data stopped the fit or one of the cells, to run it again later. */
    private onInterrupted?: (stopped: Cell | ClvState) => void,
    /** Called when a fit wrote new predictions (the customer list shows them). */
    private onFitted?: () => void,
  ) {}

  get problem(): string | undefined {
    return this.horizonProblem ?? this.discountProblem;
  }

  /** Takes the horizon field's text; a bad value is refused with a message and the last good one stays. */
  setHorizon(text: string) {
    this.horizonText = text;
    const parsed = parseHorizon(text);
    this.horizonProblem = parsed.ok ? undefined : parsed.problem;
    if (parsed.ok) this.horizonMonths = parsed.value;
  }

  /** Takes the discount field's text, a percent. */
  setDiscount(text: string) {
    this.discountText = text;
    const parsed = parseDiscountPercent(text);
    this.discountProblem = parsed.ok ? undefined : parsed.problem;
    if (parsed.ok) this.monthlyDiscount = parsed.value;
  }

  setModules(modules: QueryModule[]) {
    const kept = new Map(this.cells.map((c) => [c.module!.id, c]));
    this.cells = modules.map((m) => kept.get(m.id) ?? new Cell(this.client, { module: m, onInterrupted: this.onInterrupted }));
  }

  async run(): Promise<void> {
    const seq = ++this.seq;
    // A newer fit replaces one under way (they would both write the predictions).
    if (this.ticket) void this.client.cancel(this.ticket);
    const ticket = `clv-fit:${seq}`;
    this.ticket = ticket;
    this.status = 'fitting';
    this.error = undefined;
    const options: ClvOptions = {
      calibrationEnd: this.calibrationEnd || null,
      horizonMonths: this.horizonMonths,
      monthlyDiscount: this.monthlyDiscount,
    };
    const outcome = await this.client.fitClv(options, ticket);
    if (seq !== this.seq) return;
    this.ticket = undefined;
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
    if (!options.calibrationEnd) this.autoCalibrationEnd = outcome.value.check.calibrationEnd ?? '';
    this.status = 'done';
    this.onFitted?.();
    // They run one after another: those not reached yet say they are waiting, not blank.
    for (const cell of this.cells) cell.queued = true;
    for (const cell of this.cells) await cell.run();
  }
}
