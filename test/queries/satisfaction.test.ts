// Golden answers for NPS, CSAT and CES on the shared fixture (storeFixture.ts), worked by hand.
import { expect, test } from 'vitest';
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

test('csat: share of 4 and 5, kind matched case-blind', async () => {
  // Feb: 5, 4, 2 -> 2/3. Mar: 3, 5 ('CSAT') -> 1/2; the 0 is out of range. Period 3/5.
  expect(await run('csat')).toEqual([
    { month: null, answers: 5, satisfied: 3, csat: 0.6 },
    { month: '2024-02-01', answers: 3, satisfied: 2, csat: 2 / 3 },
    { month: '2024-03-01', answers: 2, satisfied: 1, csat: 0.5 },
  ]);
});

test('ces: mean effort on 1-7 and the share of low-effort answers', async () => {
  // Feb: 1, 4 -> mean 2.5, 1 of 2 at 1-3. Mar: 7 (8 is out of range) -> 7, none. Period: 12/3 = 4, 1/3.
  expect(await run('ces')).toEqual([
    { month: null, answers: 3, ces: 4, low_effort_share: 1 / 3 },
    { month: '2024-02-01', answers: 2, ces: 2.5, low_effort_share: 0.5 },
    { month: '2024-03-01', answers: 1, ces: 7, low_effort_share: 0 },
  ]);
});
