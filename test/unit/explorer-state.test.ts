// The explorer's page state (src/state/explorer.svelte.ts) when the lifetime-value fit writes new
// predictions: the list on show asks again for the rows it holds, in place (not from the top),
// and the open report too; a list off screen asks when it is shown again. The worker is a fake
// client that records every call.
import { expect, test } from 'vitest';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { ExplorerState } from '../../src/state/explorer.svelte';
import type { AppState } from '../../src/state/app.svelte';

class FakeWorker {
  calls: string[] = [];
  /** What P(alive) the worker answers: the last fit's, or none. */
  chance: number | null = null;
  client = {
    customerPage: async (query: { offset: number }) => {
      this.calls.push(`customerPage ${query.offset}`);
      const ids = Array.from({ length: 3 }, (_, i) => `C${query.offset + i}`);
      const ipc = tableToIPC(tableFromArrays({ customer_id: ids, p_alive: Float64Array.from(ids.map(() => this.chance ?? NaN)) }), 'stream');
      return { ok: true, value: { ipc, rows: ids.length, total: 3, columns: [{ name: 'customer_id', type: 'Utf8' }, { name: 'p_alive', type: 'Float64' }] } };
    },
    facetValues: async () => {
      this.calls.push('facetValues');
      return { ok: true, value: [] };
    },
    rfmMap: async () => {
      this.calls.push('rfmMap');
      return { ok: true, value: { segments: [], grid: [] } };
    },
    customerReport: async (id: string) => {
      this.calls.push(`customerReport ${id}`);
      return { ok: true, value: { identity: { customer_id: id }, summary: {}, monthly: [], products: [], activity: [], ...(this.chance === null ? {} : { prediction: { p_alive: this.chance } }) } };
    },
  };
  take(): string[] {
    const calls = this.calls;
    this.calls = [];
    return calls;
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function explorerOn(worker: FakeWorker) {
  const app = { client: worker.client, notebook: { setShown() {}, clv: undefined }, scope: { facets: {} } } as unknown as AppState;
  return new ExplorerState(app);
}

test('a fit asks again for the rows at hand and the open report, in place', async () => {
  const worker = new FakeWorker();
  const explorer = explorerOn(worker);
  explorer.show('customers');
  await settle();
  expect(worker.take().sort()).toEqual(['customerPage 0', 'facetValues', 'rfmMap']);
  expect(explorer.list.row(0)?.p_alive).toBeNaN();
  await explorer.openReport('C0');
  expect(explorer.report?.report?.prediction).toBeUndefined();
  worker.take();
  const generation = explorer.list.generation;

  worker.chance = 0.8;
  explorer.predictionsChanged();
  await settle();
  expect(worker.take().sort()).toEqual(['customerPage 0', 'customerReport C0']);
  expect(explorer.list.row(0)?.p_alive).toBe(0.8);
  expect(explorer.report?.report?.prediction).toEqual({ p_alive: 0.8 });
  // The same query: the list stays where it was scrolled.
  expect(explorer.list.generation).toBe(generation);
});

test('a list off screen asks again when it is shown, and only the list', async () => {
  const worker = new FakeWorker();
  const explorer = explorerOn(worker);
  explorer.show('customers');
  await settle();
  explorer.show('notebook');
  worker.take();
  worker.chance = 0.5;
  explorer.predictionsChanged();
  await settle();
  expect(worker.take()).toEqual([]);
  explorer.show('customers');
  await settle();
  expect(worker.take()).toEqual(['customerPage 0']);
  expect(explorer.list.row(0)?.p_alive).toBe(0.5);
  explorer.show('notebook');
  explorer.show('customers');
  await settle();
  expect(worker.take()).toEqual([]);
});
