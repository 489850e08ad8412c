// Idle time (src/worker/activity.ts): work done ahead starts only once no request of the page's
// has been under way for the quiet time.
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { Activity } from '../../src/worker/activity';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

test('idle is told once the quiet time has passed with nothing under way, and not while work overlaps', async () => {
  const activity = new Activity(500);
  const events: string[] = [];
  activity.onIdle(() => events.push('idle'));
  let endFirst!: () => void;
  let endSecond!: () => void;
  const first = activity.during(() => new Promise<void>((resolve) => (endFirst = resolve)));
  const second = activity.during(() => new Promise<void>((resolve) => (endSecond = resolve)));
  endFirst();
  await first;
  await vi.advanceTimersByTimeAsync(1000);
  expect(events).toEqual([]);
  expect(activity.busy).toBe(true);
  endSecond();
  await second;
  await vi.advanceTimersByTimeAsync(499);
  expect(events).toEqual([]);
  await vi.advanceTimersByTimeAsync(1);
  expect(events).toEqual(['idle']);
});

test('work that begins within the quiet time puts idle off until the quiet time after it', async () => {
  const activity = new Activity(500);
  let idle = 0;
  activity.onIdle(() => idle++);
  await activity.during(async () => undefined);
  await vi.advanceTimersByTimeAsync(300);
  await activity.during(async () => undefined);
  await vi.advanceTimersByTimeAsync(300);
  expect(idle).toBe(0);
  await vi.advanceTimersByTimeAsync(200);
  expect(idle).toBe(1);
});

test('work that fails still ends', async () => {
  const activity = new Activity(100);
  let idle = 0;
  activity.onIdle(() => idle++);
  await expect(activity.during(async () => Promise.reject(new Error('bad SQL')))).rejects.toThrow('bad SQL');
  expect(activity.busy).toBe(false);
  await vi.advanceTimersByTimeAsync(100);
  expect(idle).toBe(1);
});
