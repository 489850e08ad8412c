// Which cells a run of the notebook runs, and what the lifetime-value fit waits for: a cancelled
// cell stays cancelled until the user runs it; a change of dates runs only the cells whose SQL
// reads the period (comparison runs too); the fit follows the KPI cells but never a user's SQL
// cell, however long that takes. The worker is a fake client that records every call.
import { describe, expect, test } from 'vitest';
import { Cell } from '../../src/state/cell.svelte';
import { ClvState } from '../../src/state/clv.svelte';
import { Notebook } from '../../src/state/notebook.svelte';
import type { Client } from '../../src/state/client';
import { moduleCatalog } from '../../src/lib/queryModules';
import { readsPeriodWith } from '../../src/lib/periodReads';
import { explorerFamilies, scopeFamilies } from '../../src/lib/moduleCatalog';
import type { ClvFit } from '../../src/lib/clv/fitClv';

/** Answers every call at once, except queries whose SQL a test holds back until it lets them go. */
class FakeWorker {
  calls: { method: string; arg: string; compare?: boolean }[] = [];
  held = new Map<string, () => void>();
  private cancels = new Map<string, () => void>();

  client = {
    query: (sql: string, ticket: string) => {
      this.calls.push({ method: 'query', arg: sql });
      const answer = { ok: true, value: { ipc: new Uint8Array(), rows: 0, total: 0, columns: [], elapsedMs: 1 } };
      if (!sql.includes('slow')) return Promise.resolve(answer);
      return new Promise((resolve) => {
        this.held.set(sql, () => resolve(answer));
        this.cancels.set(ticket, () => resolve({ ok: false, error: { code: 'cancelled', message: 'The query was cancelled.' } }));
      });
    },
    runModule: (ref: string, _ticket: string, _params?: unknown, _sql?: string, period?: unknown) => {
      this.calls.push({ method: 'runModule', arg: ref, compare: period !== undefined });
      return Promise.resolve({ ok: true, value: { rows: [], elapsedMs: 1 } });
    },
    fitClv: () => {
      this.calls.push({ method: 'fitClv', arg: '' });
      return Promise.resolve({ ok: true, value: fakeFit });
    },
    cancel: async (ticket: string) => {
      this.cancels.get(ticket)?.();
      return true;
    },
    releaseResult: async () => true,
  };

  ran(method: string) {
    return this.calls.filter((c) => c.method === method);
  }
}

const fakeFit = { prediction: {}, check: { error: 'none' } } as unknown as ClvFit;
const modules = moduleCatalog().current;
const module = (id: string) => {
  const found = modules.find((m) => m.id === id);
  if (!found) throw new Error(`no module ${id}`);
  return found;
};

function notebook(worker: FakeWorker) {
  const client = worker.client as unknown as Client;
  const nb = new Notebook(client);
  nb.cells = [new Cell(client, { module: module('average_order_value') }), new Cell(client, { module: module('repeat_purchase_rate') })];
  nb.clv = new ClvState(client);
  return { nb, client };
}

const compare = { start: '2025-01-01', end: '2025-03-31' };
const until = async (ok: () => boolean) => {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 1));
  expect(ok()).toBe(true);
};

describe('a cancelled cell', () => {
  test('stays cancelled through a change of dates and a change of data, until the user runs it', async () => {
    const worker = new FakeWorker();
    const { nb } = notebook(worker);
    const slow = "select count(*) from orders a, orders b where getvariable('period_start') is not null -- slow";
    const cell = nb.addSqlCell(slow);
    const running = cell.run();
    await until(() => worker.held.has(slow));
    await cell.cancel();
    await running;
    expect(cell.status).toBe('cancelled');

    worker.calls = [];
    await nb.runAll(compare, { periodOnly: true });
    await nb.runAll(compare);
    expect(worker.ran('query')).toEqual([]);
    expect(cell.status).toBe('cancelled');
    // The KPI cells and the fit did run.
    expect(worker.ran('fitClv')).toHaveLength(2);

    const again = cell.run();
    expect(cell.status).toBe('running');
    worker.held.get(slow)!();
    await again;
    expect(cell.status).toBe('done');
  });
});

describe('a change of dates', () => {
  test('runs the cells that read the period, comparison included, and no others', async () => {
    const worker = new FakeWorker();
    const { nb } = notebook(worker);
    const reads = nb.addSqlCell("select * from orders where order_date >= getvariable('period_start')");
    const plain = nb.addSqlCell('select count(*) from customers');
    const edited = nb.moduleCells[1];
    edited.sql = 'select 0.5 as rate, null as month';
    await nb.runAll(compare, { periodOnly: true });
    expect(worker.ran('query').map((c) => c.arg)).toEqual([reads.sql]);
    // average_order_value reads the period: its value and its comparison; the edit that no longer reads it: neither.
    expect(worker.ran('runModule')).toEqual([
      { method: 'runModule', arg: 'average_order_value@' + module('average_order_value').version, compare: false },
      { method: 'runModule', arg: 'average_order_value@' + module('average_order_value').version, compare: true },
    ]);
    expect(plain.status).toBe('idle');

    worker.calls = [];
    await nb.runAll(compare);
    // A change of data runs every cell; the edited module still has no comparison to make.
    expect(worker.ran('query')).toHaveLength(2);
    expect(worker.ran('runModule').filter((c) => c.arg.startsWith('repeat_purchase_rate')).map((c) => c.compare)).toEqual([false]);
  });

  test('every current module reads the period, or the predictions of a fit that does', () => {
    // Directly or through a module it uses (rfm_segments through customer_rfm). The explorer's
    // modules are not cells (the segment rules, the customer list's id matches read no period).
    for (const m of modules.filter((m) => !explorerFamilies.includes(m.family) && !scopeFamilies.includes(m.family))) expect(readsPeriodWith(m.sql, m.views), m.id).toBe(true);
  });
});

describe('the lifetime-value fit', () => {
  test('runs after the KPI cells and does not wait for a slow SQL cell', async () => {
    const worker = new FakeWorker();
    const { nb } = notebook(worker);
    const slow = 'select count(*) from orders a, orders b -- slow';
    const cell = nb.addSqlCell(slow);
    const run = nb.runAll(compare);
    await until(() => nb.clv!.status === 'done');
    const order = worker.calls.map((c) => c.method);
    expect(order.lastIndexOf('runModule')).toBeLessThan(order.indexOf('fitClv'));
    expect(cell.status).toBe('running');
    expect(nb.run.phase).toBe('model');
    worker.held.get(slow)!();
    await run;
    expect(cell.status).toBe('done');
    expect(nb.run.phase).toBe('done');
  });

  test('SQL that reads its predictions runs after it', async () => {
    const worker = new FakeWorker();
    const { nb } = notebook(worker);
    nb.addSqlCell('select * from clv_predictions order by predicted_clv desc');
    await nb.runAll(compare);
    const order = worker.calls.map((c) => c.method);
    expect(order.indexOf('fitClv')).toBeLessThan(order.indexOf('query'));
  });
});

test('a cell left queued by a run that a change of dates replaced still runs', async () => {
  const worker = new FakeWorker();
  const { nb } = notebook(worker);
  const plain = nb.addSqlCell('select count(*) from customers');
  const first = nb.runAll(compare);
  // The KPI cells are under way, the SQL cell waits its turn; the dates change.
  expect(plain.queued).toBe(true);
  await nb.runAll(compare, { periodOnly: true });
  await first;
  expect(plain.queued).toBe(false);
  expect(plain.status).toBe('done');
});

test('the first cell runs alone, its comparison included, before the others start', async () => {
  // DuckDB-WASM takes turns between queries: with company, the first number would wait for all.
  const worker = new FakeWorker();
  const { nb } = notebook(worker);
  await nb.runAll(compare);
  const [first, second] = nb.moduleCells.map((c) => `${c.module!.id}@${c.module!.version}`);
  expect(worker.ran('runModule').map((c) => `${c.arg}${c.compare ? ' compare' : ''}`)).toEqual([first, `${first} compare`, second, `${second} compare`]);
});

test('while the Customers view replaces the notebook, its cells wait queued and the fit runs; they run once it is back', async () => {
  const worker = new FakeWorker();
  const { nb } = notebook(worker);
  nb.setShown(false);
  const run = nb.runAll(compare);
  await until(() => nb.clv!.status === 'done');
  expect(worker.ran('runModule')).toEqual([]);
  expect(nb.moduleCells.every((c) => c.queued)).toBe(true);
  expect(nb.run.phase).toBe('cells');
  // A second change while away: only the latest run goes on.
  const again = nb.runAll(compare, { periodOnly: true });
  nb.setShown(true);
  await Promise.all([run, again]);
  expect(worker.ran('runModule')).toHaveLength(4);
  expect(worker.ran('fitClv')).toHaveLength(2);
  expect(nb.moduleCells.every((c) => c.status === 'done' && !c.queued)).toBe(true);
  expect(nb.run.phase).toBe('done');
});
