// Who gets DuckDB's thread (src/worker/turns.ts): a statement is polled only while none of a higher
// priority is under way, and carries on from where it stopped once they are done. Run on
// the Node bundle, each poll a macrotask away as the browser's AsyncDuckDBConnection polls.
import { afterAll, afterEach, beforeAll, expect, test, vi } from 'vitest';
import { ConnectionDb } from '../../src/worker/browserDb';
import { Priority, Turns } from '../../src/worker/turns';
import { countedConnection, openBigDb } from '../support/asyncWasm';
import type { WasmDb } from '../support/wasmDb';

let db: WasmDb;
beforeAll(async () => (db = await openBigDb()), 60_000);
afterAll(() => db.close());
afterEach(() => vi.useRealTimers());

const counted = () => countedConnection(db);

/** About 1 s of work in 9 polls on the Node bundle; `k` shifts the answer. */
const slow = (k: number) => `
select g % 5 as g, count(*)::integer as n
from (select i % 2000000 + ${k} as g from s.big group by all)
group by all
order by g`;

/** Polls of another statement (the fit's) made while a statement of the page's ran start to end. */
async function pollsDuring(priority: Priority) {
  // No statement here counts as long: that rule has a test of its own.
  const turns = new Turns(5, 60_000);
  const page = counted();
  const fit = counted();
  let done = false;
  const background = new ConnectionDb(fit.raw as never, turns, priority).rows(slow(7)).finally(() => (done = true));
  while (fit.counter.polls < 2 && !done) await new Promise((resolve) => setImmediate(resolve));
  const before = fit.counter.polls;
  const answer = await new ConnectionDb(page.raw as never, turns).rows(slow(5));
  const during = fit.counter.polls - before;
  const rows = await background;
  await page.raw.close();
  await fit.raw.close();
  return { during, pagePolls: page.counter.polls, answer, rows };
}

test("a statement that yields is not polled while the page's statement runs, and ends with the same answer", async () => {
  const yielding = await pollsDuring(Priority.fit);
  const sharing = await pollsDuring(Priority.page);
  // Taking turns, the background statement is polled about as often as the page's; yielding, at
  // most the poll already sent when the page's statement began.
  const seen = JSON.stringify({ yielding: [yielding.during, yielding.pagePolls], sharing: [sharing.during, sharing.pagePolls] });
  expect(sharing.pagePolls, seen).toBeGreaterThan(4);
  expect(sharing.during, seen).toBeGreaterThan(3);
  expect(yielding.during, seen).toBeLessThanOrEqual(1);
  expect(yielding.rows).toEqual(sharing.rows);
  expect(yielding.rows).toHaveLength(5);
  expect(yielding.rows.reduce((sum, r) => sum + Number(r.n), 0)).toBe(2_000_000);
  expect(yielding.answer).toEqual(sharing.answer);
}, 60_000);

test('a statement that yields and waits for its turn is stopped by a cancel at once', async () => {
  const turns = new Turns(5);
  let endPage!: () => void;
  const page = turns.hold(Priority.page, () => new Promise<void>((resolve) => (endPage = resolve)));
  const fit = counted();
  const c = new ConnectionDb(fit.raw as never, turns, Priority.fit);
  const waiting = c.rows(slow(3)).then(() => 'finished', (e: Error) => e.message);
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(fit.counter.polls).toBe(0);
  await c.cancel();
  expect(await waiting).toMatch(/cancel/i);
  endPage();
  await page;
  await fit.raw.close();
});

test('the turn comes back the grace time after the last statement of a higher priority', async () => {
  vi.useFakeTimers();
  const turns = new Turns(30);
  expect(turns.taken(Priority.ahead)).toBe(false);
  let endA!: () => void;
  let endB!: () => void;
  const a = turns.hold(Priority.page, () => new Promise<void>((resolve) => (endA = resolve)));
  const b = turns.hold(Priority.page, () => new Promise<void>((resolve) => (endB = resolve)));
  let free = false;
  void turns.free(Priority.fit).then(() => (free = true));
  expect(turns.taken(Priority.page)).toBe(false);
  endA();
  await a;
  await vi.advanceTimersByTimeAsync(100);
  expect(free).toBe(false);
  endB();
  await b;
  await vi.advanceTimersByTimeAsync(29);
  expect(free).toBe(false);
  // A statement of the same request, sent within the grace time, keeps the turn.
  let endC!: () => void;
  const c = turns.hold(Priority.page, () => new Promise<void>((resolve) => (endC = resolve)));
  await vi.advanceTimersByTimeAsync(50);
  expect(free).toBe(false);
  endC();
  await c;
  await vi.advanceTimersByTimeAsync(30);
  expect(free).toBe(true);
  expect(turns.taken(Priority.fit)).toBe(false);
});

test("work built ahead waits for the fit's statements as well as the page's; the fit does not wait for it", async () => {
  vi.useFakeTimers();
  const turns = new Turns(30);
  let endAhead!: () => void;
  const ahead = turns.hold(Priority.ahead, () => new Promise<void>((resolve) => (endAhead = resolve)));
  expect(turns.taken(Priority.fit)).toBe(false);
  let endFit!: () => void;
  const fit = turns.hold(Priority.fit, () => new Promise<void>((resolve) => (endFit = resolve)));
  expect(turns.taken(Priority.ahead)).toBe(true);
  expect(turns.taken(Priority.fit)).toBe(false);
  let free = false;
  void turns.free(Priority.ahead).then(() => (free = true));
  endFit();
  await fit;
  await vi.advanceTimersByTimeAsync(30);
  expect(free).toBe(true);
  endAhead();
  await ahead;
});

test("a page's statement that has run for the long time keeps no one waiting: a query of minutes takes turns with the fit", async () => {
  vi.useFakeTimers();
  const turns = new Turns(30, 1000);
  let endQuery!: () => void;
  const query = turns.hold(Priority.page, () => new Promise<void>((resolve) => (endQuery = resolve)));
  let free = false;
  void turns.free(Priority.fit).then(() => (free = true));
  await vi.advanceTimersByTimeAsync(999);
  expect(free).toBe(false);
  await vi.advanceTimersByTimeAsync(1);
  expect(free).toBe(true);
  // A new statement of the page's keeps the fit waiting again, whatever runs beside it.
  const short = turns.hold(Priority.page, () => new Promise<void>((resolve) => setTimeout(resolve, 200)));
  expect(turns.taken(Priority.fit)).toBe(true);
  await vi.advanceTimersByTimeAsync(230);
  await short;
  expect(turns.taken(Priority.fit)).toBe(false);
  endQuery();
  await query;
});

test('a wake-up that comes early, or a clock set back, does not leave a statement waiting for good', async () => {
  vi.useFakeTimers();
  const turns = new Turns(30, 1000);
  await turns.hold(Priority.page, async () => undefined);
  let free = false;
  void turns.free(Priority.fit).then(() => (free = true));
  // The grace time's timer fires while the clock says the grace has 10 ms left.
  vi.setSystemTime(Date.now() - 10);
  await vi.advanceTimersByTimeAsync(30);
  expect(free).toBe(false);
  await vi.advanceTimersByTimeAsync(15);
  expect(free).toBe(true);
});
