// The mapping step's Load: a click that lands while the preview reads the file is not lost (it
// was: the button looked enabled, confirm() saw the preview under way and did nothing, and the
// dialog stayed open). The load waits for the read, then goes ahead with the columns chosen by
// then; a preview that fails holds it back, so the user sees why first. The worker is a fake
// whose previews answer when the test lets them.
import { describe, expect, test } from 'vitest';
import { MappingStep, type MappingChoice } from '../../src/state/mappingStep.svelte';
import type { Client } from '../../src/state/client';
import type { MappingRequest, Outcome } from '../../src/lib/api';
import type { Row } from '../../src/lib/db';

const request: MappingRequest = {
  file: 'caisse.csv',
  headers: ['ref', 'client', 'date', 'montant'],
  proposal: { guesses: [{ table: 'orders', mapping: { table: 'orders', columns: { customer_id: 'client', order_date: 'date', revenue: 'montant' } } }] } as unknown as MappingRequest['proposal'],
  preview: [],
  dialect: { kind: 'csv', header: true, delimiter: ';' } as MappingRequest['dialect'],
  warnings: [],
};

class FakeWorker {
  previews: ((outcome: Outcome<Row[]>) => void)[] = [];
  client = {
    previewMapping: () => new Promise<Outcome<Row[]>>((resolve) => this.previews.push(resolve)),
  } as unknown as Client;
}

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

async function previewUnderWay(step: MappingStep, worker: FakeWorker) {
  step.setColumn('order_id', 'ref');
  // The preview starts 250 ms after the last change.
  await tick(300);
  expect(step.previewing).toBe(true);
  expect(worker.previews).toHaveLength(1);
}

function settled(step: MappingStep): { choice?: MappingChoice } {
  const seen: { choice?: MappingChoice } = {};
  void step.choice.then((c) => (seen.choice = c));
  return seen;
}

describe('mapping step: Load during a preview', () => {
  test('waits for the preview, then loads with the columns chosen', async () => {
    const worker = new FakeWorker();
    const step = new MappingStep(worker.client, new File(['x'], 'caisse.csv'), request);
    const seen = settled(step);
    await previewUnderWay(step, worker);
    step.confirm();
    await tick();
    expect(seen.choice).toBeUndefined();
    expect(step.loadWaiting).toBe(true);
    worker.previews[0]({ ok: true, value: [{ order_id: 'X1' }] });
    await tick();
    expect(step.loadWaiting).toBe(false);
    expect(seen.choice).toEqual({ kind: 'mapping', mapping: expect.objectContaining({ table: 'orders', columns: expect.objectContaining({ order_id: 'ref', customer_id: 'client' }) }), choices: expect.objectContaining({ delimiter: ';' }) });
  });

  test('a preview that fails holds the load back; Load again then loads', async () => {
    const worker = new FakeWorker();
    const step = new MappingStep(worker.client, new File(['x'], 'caisse.csv'), request);
    const seen = settled(step);
    await previewUnderWay(step, worker);
    step.confirm();
    worker.previews[0]({ ok: false, error: { code: 'sql', message: 'Column "ref" has no dates.' } } as Outcome<Row[]>);
    await tick();
    expect(seen.choice).toBeUndefined();
    expect(step.loadWaiting).toBe(false);
    expect(step.previewError).toBe('Column "ref" has no dates.');
    step.confirm();
    await tick();
    expect(seen.choice?.kind).toBe('mapping');
  });

  test('with no read under way, Load loads at once', async () => {
    const worker = new FakeWorker();
    const step = new MappingStep(worker.client, new File(['x'], 'caisse.csv'), request);
    const seen = settled(step);
    step.confirm();
    await tick();
    expect(seen.choice?.kind).toBe('mapping');
    expect(worker.previews).toHaveLength(0);
  });
});
