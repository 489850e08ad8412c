/**
 * A KPI cell's headline for a compared segment and for everyone else in scope: the cell's module
 * run twice more, once over each side (`runModule`'s `side`, src/lib/scope.ts). Each run has a
 * number; an answer for an older one is dropped.
 */
import { headlineRow } from '../lib/runModule';
import type { SqlValue } from '../lib/db';
import type { WorkerError } from '../lib/api';
import type { CompareSide } from '../lib/scope';
import type { Cell } from './cell.svelte';
import type { Client } from './client';

export class SegmentComparison {
  segment = $state.raw<SqlValue | undefined>();
  rest = $state.raw<SqlValue | undefined>();
  status = $state<'idle' | 'running' | 'done' | 'error'>('idle');
  error = $state.raw<WorkerError | undefined>();
  private seq = 0;

  async run(client: Client, cell: Cell) {
    const module = cell.module;
    if (!module?.headline) return;
    const seq = ++this.seq;
    this.status = 'running';
    const ref = `${module.id}@${module.version}`;
    const sql = cell.edited ? cell.sql : undefined;
    const params = $state.snapshot(cell.params);
    const sides: CompareSide[] = ['segment', 'rest'];
    const [inside, outside] = await Promise.all(sides.map((side) => client.runModule(ref, `${cell.id}:vs:${seq}:${side}`, params, sql, undefined, side)));
    if (seq !== this.seq) return;
    if (!inside.ok || !outside.ok) {
      const error = !inside.ok ? inside.error : !outside.ok ? outside.error : undefined;
      // A change of data stopped it: the cell's next result asks again.
      if (error?.code === 'data-changed') return void (this.status = 'idle');
      this.error = error;
      this.status = 'error';
      return;
    }
    const column = module.headline.column;
    this.segment = headlineRow(module, inside.value.rows)?.[column];
    this.rest = headlineRow(module, outside.value.rows)?.[column];
    this.status = 'done';
  }

  clear() {
    this.seq++;
    this.status = 'idle';
  }
}
