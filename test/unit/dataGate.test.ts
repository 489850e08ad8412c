// The data gate (src/worker/dataGate.ts): a change of data stops the queries under way, waits
// for them and holds new ones back until it is done, so no query reads a view halfway through
// a load; changes run one at a time. On DuckDB-WASM's Node bundle, with the very statements that
// made cells fail when a file was dropped while the notebook ran.
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { Activity } from '../../src/worker/activity';
import { DataGate } from '../../src/worker/dataGate';
import { openWasmDb, type WasmDb } from '../support/wasmDb';

let db: WasmDb;
beforeAll(async () => {
  db = await openWasmDb();
});
afterAll(() => db.close());
beforeEach(async () => {
  await db.exec('drop view if exists orders');
  await db.exec('drop schema if exists base cascade');
  await db.exec('create schema base');
  await db.exec("create table base.orders as select 'A1' as order_id, 10.0::double as revenue");
  await db.exec('create view orders as select * from base.orders');
});

/** A load as ingestion and the scope layer do it: the table altered, other work, then the view rebuilt. */
async function load(between: () => Promise<void>) {
  await db.exec('alter table base.orders add column if not exists source_file varchar');
  await between();
  await db.exec('create or replace view orders as select * from base.orders');
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

test('without the gate, a query reading the view in the middle of a load fails as the cells did', async () => {
  let failure = '';
  await load(async () => {
    failure = await db.rows('select count(*) as n from orders').then(() => '', (e: Error) => e.message);
  });
  expect(failure).toMatch(/Contents of view were altered: types don't match/);
});

test('a query asked for during a change waits for it, reads the new view, and knows the data changed', async () => {
  const gate = new DataGate();
  const changed = gate.change(() => load(tick));
  const read = gate.read(async (interrupted) => ({ rows: await db.rows('select * from orders'), interrupted: interrupted() }));
  await changed;
  const { rows, interrupted } = await read;
  expect(rows).toEqual([{ order_id: 'A1', revenue: 10, source_file: null }]);
  expect(interrupted).toBe(true);
});

test('a change stops the readers under way and starts only once they have ended', async () => {
  const gate = new DataGate();
  const events: string[] = [];
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const reader = gate.read(
    async (interrupted) => {
      events.push('reader started');
      await stopped; // a long query, until it is cancelled
      events.push(`reader ended, interrupted: ${interrupted()}`);
    },
    () => {
      events.push('reader interrupted');
      stop();
    },
  );
  // A listing that cannot be interrupted: the change waits for it to end on its own.
  const listing = gate.read(async (interrupted) => {
    await tick();
    await tick();
    events.push(`listing ended, interrupted: ${interrupted()}`);
  });
  await tick();
  await gate.change(async () => {
    events.push('change');
    await load(tick);
  });
  await Promise.all([reader, listing]);
  expect(events).toEqual(['reader started', 'reader interrupted', 'reader ended, interrupted: true', 'listing ended, interrupted: true', 'change']);
});

test('a reader with no change to wait for is not told the data changed', async () => {
  const gate = new DataGate();
  expect(await gate.read(async (interrupted) => interrupted())).toBe(false);
  await gate.change(() => load(tick));
  expect(await gate.read(async (interrupted) => interrupted())).toBe(false);
});

test('changes run one at a time, in the order they were asked for, even when one fails', async () => {
  const gate = new DataGate();
  const events: string[] = [];
  const change = (name: string, fails = false) =>
    gate.change(async () => {
      events.push(`${name} begins`);
      await tick();
      events.push(`${name} ends`);
      if (fails) throw new Error(`${name} failed`);
    });
  const outcomes = await Promise.allSettled([change('first'), change('second', true), change('third')]);
  expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  expect(events).toEqual(['first begins', 'first ends', 'second begins', 'second ends', 'third begins', 'third ends']);
  // The gate is open again once the last change is done.
  expect(await gate.read(async (interrupted) => interrupted())).toBe(false);
});

test('work done ahead gives way: another reader stops it and starts once it has ended; a reader under way is not stopped', async () => {
  const gate = new DataGate();
  const events: string[] = [];
  let release!: () => void;
  const fitMath = new Promise<void>((resolve) => (release = resolve));
  // A reader already under way (the fit, waiting on its math) is not held up by work done ahead.
  const fit = gate.read(async (interrupted) => {
    await fitMath;
    events.push(`fit ended, interrupted: ${interrupted()}`);
  });
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const ahead = gate.read(
    async (interrupted) => {
      events.push('ahead started');
      await stopped;
      await tick();
      events.push(`ahead ended, interrupted: ${interrupted()}`);
    },
    () => {
      events.push('ahead stopped');
      stop();
    },
    'background',
  );
  await tick();
  const cell = gate.read(async (interrupted) => events.push(`cell ran, interrupted: ${interrupted()}`));
  await Promise.all([ahead, cell]);
  release();
  await fit;
  expect(events).toEqual(['ahead started', 'ahead stopped', 'ahead ended, interrupted: true', 'cell ran, interrupted: false', 'fit ended, interrupted: false']);
});

test('idle time is told once no request of the page is under way; work done ahead is not a request', async () => {
  const activity = new Activity(20);
  const gate = new DataGate(activity);
  let idle = 0;
  activity.onIdle(() => idle++);
  let finish!: () => void;
  const fit = gate.read(() => new Promise<void>((resolve) => (finish = resolve)));
  expect(activity.busy).toBe(true);
  await new Promise((resolve) => setTimeout(resolve, 40));
  expect(idle).toBe(0);
  finish();
  await fit;
  expect(activity.busy).toBe(false);
  await gate.read(async () => undefined, undefined, 'background');
  await new Promise((resolve) => setTimeout(resolve, 40));
  expect(idle).toBe(1);
  await gate.change(() => load(tick));
  await new Promise((resolve) => setTimeout(resolve, 40));
  expect(idle).toBe(2);
});

test('a yielding reader (the fit) keeps the page neither busy nor from work done ahead', async () => {
  const activity = new Activity(20);
  const gate = new DataGate(activity);
  let idle = 0;
  activity.onIdle(() => idle++);
  let finishFit!: () => void;
  const fit = gate.read(() => new Promise<void>((resolve) => (finishFit = resolve)), undefined, 'yielding');
  expect(activity.busy).toBe(false);
  await gate.read(async () => undefined);
  await new Promise((resolve) => setTimeout(resolve, 40));
  expect(idle).toBe(1);
  const events: string[] = [];
  let finishAhead!: () => void;
  const ahead = gate.read(
    () => new Promise<void>((resolve) => (finishAhead = resolve)),
    () => events.push('ahead stopped'),
    'background',
  );
  // Another yielding reader does not stop the work done ahead; a request does.
  await gate.read(async () => events.push('yielding ran'), undefined, 'yielding');
  expect(events).toEqual(['yielding ran']);
  const request = gate.read(async () => events.push('request ran'));
  await tick();
  expect(events).toEqual(['yielding ran', 'ahead stopped']);
  finishAhead();
  await Promise.all([ahead, request]);
  expect(events).toEqual(['yielding ran', 'ahead stopped', 'request ran']);
  finishFit();
  await fit;
});
