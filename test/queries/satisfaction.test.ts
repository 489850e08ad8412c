// Golden answers for NPS, CSAT and CES, worked by hand: on the shared fixture (storeFixture.ts),
// and for CSAT and CES on survey fixtures of their own that pin the answer scale: read from the
// answers (1-5, 1-7, 1-10, 0-10) or given, said in `scale`, and answers outside it counted.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readCatalog } from '../../src/cli/readModules';
import { runModule, type ParamValues } from '../../src/lib/runModule';
import { loadTables, type FixtureRow } from '../support/loadTables';
import { openWasmDb, type WasmDb } from '../support/wasmDb';
import { goldenSuite } from './golden';

const run = goldenSuite();

test('nps: promoters minus detractors, out-of-range and missing scores left out', async () => {
  // Feb: 10, 9 -> 2 promoters -> 100. Mar: 7 (passive), 3 (detractor) -> (0 - 1) / 2 = -50.
  // 11 and NULL are dropped; the 0 on 31 Jan is outside. Period: (2 - 1) / 4 = 25.
  expect(await run('nps')).toEqual([
    { month: null, answers: 4, promoters: 2, passives: 1, detractors: 1, nps: 25 },
    { month: '2024-02-01', answers: 2, promoters: 2, passives: 0, detractors: 0, nps: 100 },
    { month: '2024-03-01', answers: 2, promoters: 0, passives: 1, detractors: 1, nps: -50 },
  ]);
});

test('csat: share of 4 and 5 on the 1-5 scale read from the answers, kind matched case-blind, the 0 counted out of scale', async () => {
  // Highest answer 5 -> 1-5. Feb: 5, 4, 2 -> 2/3. Mar: 3, 5 ('CSAT') -> 1/2, and the 0 is out
  // of scale. Period 3/5, one out of scale.
  expect(await run('csat')).toEqual([
    { month: null, scale: '1-5', answers: 5, satisfied: 3, out_of_scale: 1, csat: 0.6 },
    { month: '2024-02-01', scale: '1-5', answers: 3, satisfied: 2, out_of_scale: 0, csat: 2 / 3 },
    { month: '2024-03-01', scale: '1-5', answers: 2, satisfied: 1, out_of_scale: 1, csat: 0.5 },
  ]);
});

test('ces: an 8 among the answers makes the scale 1-10; mean effort and the share below its midpoint', async () => {
  // Answers 1, 4 (Feb), 7, 8 (Mar): highest 8 -> 1-10, midpoint 5.5. Feb: mean 2.5, both low
  // effort. Mar: mean 7.5, none. Period: 20 / 4 = 5, 2 of 4.
  expect(await run('ces')).toEqual([
    { month: null, scale: '1-10', answers: 4, ces: 5, low_effort_share: 0.5, out_of_scale: 0 },
    { month: '2024-02-01', scale: '1-10', answers: 2, ces: 2.5, low_effort_share: 1, out_of_scale: 0 },
    { month: '2024-03-01', scale: '1-10', answers: 2, ces: 7.5, low_effort_share: 0, out_of_scale: 0 },
  ]);
});

test('ces: told the scale is 1-7, the 8 is counted out of scale and the answers are version 1\'s', async () => {
  // Feb: 1, 4 -> mean 2.5, 1 of 2 at 1-3. Mar: 7 (8 out of scale) -> 7, none. Period: 12/3 = 4, 1/3.
  expect(await run('ces', { scale: '1-7' })).toEqual([
    { month: null, scale: '1-7', answers: 3, ces: 4, low_effort_share: 1 / 3, out_of_scale: 1 },
    { month: '2024-02-01', scale: '1-7', answers: 2, ces: 2.5, low_effort_share: 0.5, out_of_scale: 0 },
    { month: '2024-03-01', scale: '1-7', answers: 1, ces: 7, low_effort_share: 0, out_of_scale: 1 },
  ]);
});

describe('survey scales', () => {
  const catalog = readCatalog();
  const period = { start: '2024-02-01', end: '2024-03-31' };
  let db: WasmDb;
  beforeAll(async () => {
    db = await openWasmDb();
  });
  afterAll(() => db.close());

  const answers = (kind: string, scores: [string, number | null][]): FixtureRow[] =>
    scores.map(([day, score], i) => ({ customer_id: `C${i}`, answered_at: `${day} 12:00:00`, kind, score }));
  const on = async (rows: FixtureRow[], ref: string, params: ParamValues = {}) => {
    await loadTables(db, { surveys: rows }, period);
    const module = catalog.byRef.get(ref) ?? catalog.current.find((m) => m.id === ref);
    return runModule(db, module!, params);
  };

  // A 1-10 CSAT export: Feb 10, 9, 8, 6; Mar 10, 7, 3, 1 and a missing score (no answer).
  const csat10 = answers('csat', [
    ['2024-02-03', 10], ['2024-02-04', 9], ['2024-02-05', 8], ['2024-02-06', 6],
    ['2024-03-03', 10], ['2024-03-04', 7], ['2024-03-05', 3], ['2024-03-06', 1], ['2024-03-07', null],
  ]);

  test('csat on a 1-10 export: the top two points are 9-10, no answer lost', async () => {
    // Feb: 10, 9 of 4 -> 1/2. Mar: 10 of 4 -> 1/4. Period: 3 of 8.
    expect(await on(csat10, 'csat')).toEqual([
      { month: null, scale: '1-10', answers: 8, satisfied: 3, out_of_scale: 0, csat: 0.375 },
      { month: '2024-02-01', scale: '1-10', answers: 4, satisfied: 2, out_of_scale: 0, csat: 0.5 },
      { month: '2024-03-01', scale: '1-10', answers: 4, satisfied: 1, out_of_scale: 0, csat: 0.25 },
    ]);
  });

  test('the 1-5-only definition (version 1) loses six of those eight answers and reads 0 %', async () => {
    // Only 3 and 1 are within 1-5: no 4 or 5 -> 0, where version 2 says 37.5 %.
    expect((await on(csat10, 'csat@1'))[0]).toEqual({ month: null, answers: 2, satisfied: 0, csat: 0 });
  });

  test('csat told the scale is 1-5 counts the answers above it out of scale, not silently', async () => {
    // Feb: all four above 5. Mar: 3 and 1 in scale, 10 and 7 out.
    expect(await on(csat10, 'csat', { scale: '1-5' })).toEqual([
      { month: null, scale: '1-5', answers: 2, satisfied: 0, out_of_scale: 6, csat: 0 },
      { month: '2024-02-01', scale: '1-5', answers: 0, satisfied: 0, out_of_scale: 4, csat: null },
      { month: '2024-03-01', scale: '1-5', answers: 2, satisfied: 0, out_of_scale: 2, csat: 0 },
    ]);
  });

  test('csat on a 1-5 export: 4-5 are satisfied, a 0 is out of scale', async () => {
    // Answers 5, 4, 3 (Feb), 2, 1, 5, 0 (Mar): highest 5 -> 1-5.
    const rows = answers('csat', [['2024-02-03', 5], ['2024-02-04', 4], ['2024-02-05', 3], ['2024-03-03', 2], ['2024-03-04', 1], ['2024-03-05', 5], ['2024-03-06', 0]]);
    // Feb: 2 of 3. Mar: 5 of 3 in scale -> 1/3, the 0 out of scale. Period: 3 of 6.
    expect(await on(rows, 'csat')).toEqual([
      { month: null, scale: '1-5', answers: 6, satisfied: 3, out_of_scale: 1, csat: 0.5 },
      { month: '2024-02-01', scale: '1-5', answers: 3, satisfied: 2, out_of_scale: 0, csat: 2 / 3 },
      { month: '2024-03-01', scale: '1-5', answers: 3, satisfied: 1, out_of_scale: 1, csat: 1 / 3 },
    ]);
  });

  test('the scale is read from every answer of all time, not only the period\'s', async () => {
    // A 10 in January makes the scale 1-10, so February's 5 and 4 are not satisfied.
    const rows = answers('csat', [['2024-01-15', 10], ['2024-02-03', 5], ['2024-02-04', 4]]);
    expect((await on(rows, 'csat'))[0]).toEqual({ month: null, scale: '1-10', answers: 2, satisfied: 0, out_of_scale: 0, csat: 0 });
  });

  test('a 0 among answers up to 10 makes the scale 0-10', async () => {
    const rows = answers('csat', [['2024-02-03', 0], ['2024-02-04', 10], ['2024-02-05', 9], ['2024-02-06', 5]]);
    expect((await on(rows, 'csat'))[0]).toEqual({ month: null, scale: '0-10', answers: 4, satisfied: 2, out_of_scale: 0, csat: 0.5 });
  });

  test('a scale that is not one of the four is refused; an emptied one is read from the answers', async () => {
    // The page and the runner refuse it before the SQL runs (paramProblem); the SQL's own guard stays behind it.
    await expect(on(csat10, 'csat', { scale: '2-9' })).rejects.toThrow(/scale is one of 1-5, 1-7, 1-10, 0-10/);
    expect((await on(csat10, 'csat', { scale: ' ' }))[0]).toMatchObject({ scale: '1-10', csat: 0.375 });
  });

  test('ces on 1-5: mean effort, low effort below 3, a 0 out of scale', async () => {
    // Feb: 1, 2, 5 -> 8/3, 2 of 3 low. Mar: 3 (the 0 out of scale) -> 3, none low.
    // Period: 11/4, 2 of 4.
    const rows = answers('ces', [['2024-02-03', 1], ['2024-02-04', 2], ['2024-02-05', 5], ['2024-03-03', 3], ['2024-03-04', 0]]);
    expect(await on(rows, 'ces')).toEqual([
      { month: null, scale: '1-5', answers: 4, ces: 2.75, low_effort_share: 0.5, out_of_scale: 1 },
      { month: '2024-02-01', scale: '1-5', answers: 3, ces: 8 / 3, low_effort_share: 2 / 3, out_of_scale: 0 },
      { month: '2024-03-01', scale: '1-5', answers: 1, ces: 3, low_effort_share: 0, out_of_scale: 1 },
    ]);
  });

  test('ces on 1-7: mean effort, low effort below 4, a missing score no answer', async () => {
    // Feb: 1, 7, 6 -> 14/3, 1 of 3 low. Mar: 3, 4 -> 3.5, 1 of 2. Period: 21/5 = 4.2, 2 of 5.
    const rows = answers('ces', [['2024-02-03', 1], ['2024-02-04', 7], ['2024-02-05', 6], ['2024-03-03', 3], ['2024-03-04', 4], ['2024-03-05', null]]);
    expect(await on(rows, 'ces')).toEqual([
      { month: null, scale: '1-7', answers: 5, ces: 4.2, low_effort_share: 0.4, out_of_scale: 0 },
      { month: '2024-02-01', scale: '1-7', answers: 3, ces: 14 / 3, low_effort_share: 1 / 3, out_of_scale: 0 },
      { month: '2024-03-01', scale: '1-7', answers: 2, ces: 3.5, low_effort_share: 0.5, out_of_scale: 0 },
    ]);
  });
});
