// Golden answers for the acquisition modules on the shared fixture (storeFixture.ts), worked by hand.
import { expect, test } from 'vitest';
import { goldenSuite } from './golden';

const run = goldenSuite();

test('new_customers: first sale ever in the period; trials, guests and cancellations make nobody new', async () => {
  // A's first sale is in January (before the period); B's is 29 Feb; O'Brien's cancelled O5
  // does not count, his O9 on 16 Mar does; D only has a zero-revenue trial; E bought in December.
  expect(await run('new_customers')).toEqual([
    { period: null, new_customers: 2 },
    { period: '2024-02-01', new_customers: 1 },
    { period: '2024-03-01', new_customers: 1 },
  ]);
  // By day, and by week: 29 Feb 2024 is a Thursday (week of Monday 26 Feb), 16 Mar a Saturday (week of 11 Mar).
  expect(await run('new_customers', { grain: 'day' })).toEqual([
    { period: null, new_customers: 2 },
    { period: '2024-02-29', new_customers: 1 },
    { period: '2024-03-16', new_customers: 1 },
  ]);
  expect(await run('new_customers', { grain: 'week' })).toEqual([
    { period: null, new_customers: 2 },
    { period: '2024-02-26', new_customers: 1 },
    { period: '2024-03-11', new_customers: 1 },
  ]);
});

test('new_customers_per_day: 2 new customers over the 60 days, one bar per day, empty days included', async () => {
  const rows = await run('new_customers_per_day');
  expect(rows[0]).toEqual({ day: null, new_customers: 2, per_day: 2 / 60 });
  expect(rows).toHaveLength(61);
  expect(rows.filter((r) => r.new_customers !== 0).map((r) => [r.day, r.new_customers])).toEqual([[null, 2], ['2024-02-29', 1], ['2024-03-16', 1]]);
  expect([rows[1].day, rows[60].day]).toEqual(['2024-02-01', '2024-03-31']);
});

test('new_customer_interval: 60 days / 2 new customers', async () => {
  // 60 x 1440 / 2 = 43200 minutes; 60 x 24 / 2 = 720 hours.
  expect(await run('new_customer_interval')).toEqual([{ new_customers: 2, minutes_between: 43200, hours_between: 720 }]);
});

test("acquisition_mix: the first sale's channel, and what those customers spent in the period", async () => {
  // B: paid_social, spent 80 + 40; O'Brien: paid_search (O9; cancelled O5 ignored), spent 20.
  expect(await run('acquisition_mix')).toEqual([
    { channel: null, new_customers: 2, revenue: 140, share: 1 },
    { channel: 'paid_search', new_customers: 1, revenue: 20, share: 0.5 },
    { channel: 'paid_social', new_customers: 1, revenue: 120, share: 0.5 },
  ]);
});

test('customer_acquisition_cost: period spend / new customers of the same channel', async () => {
  // In the period: paid_social 300, paid_search 100 + 50 (999 in January is outside), affiliate 40.
  // Total 490 over 2 new customers = 245; affiliate has spend but nobody new: no CAC.
  expect(await run('customer_acquisition_cost')).toEqual([
    { channel: null, spend: 490, new_customers: 2, cac: 245 },
    { channel: 'affiliate', spend: 40, new_customers: 0, cac: null },
    { channel: 'paid_search', spend: 150, new_customers: 1, cac: 150 },
    { channel: 'paid_social', spend: 300, new_customers: 1, cac: 300 },
  ]);
});

test('lead_conversion: leads created in the period that ever converted', async () => {
  // L1 (converted), L2 (not), L3 (converted after the period: counts), L5 (no channel, not);
  // L4 was created the day before the period.
  expect(await run('lead_conversion')).toEqual([
    { channel: null, leads: 4, converted: 2, rate: 0.5 },
    { channel: 'email', leads: 1, converted: 1, rate: 1 },
    { channel: 'paid_search', leads: 2, converted: 1, rate: 0.5 },
    { channel: 'unknown', leads: 1, converted: 0, rate: 0 },
  ]);
});

test('cac_by_month: all spend of the month over all customers new that month', async () => {
  // Feb: 300 spend (paid_social), B new -> 300. Mar: 100 + 50 + 40 = 190, O'Brien new -> 190.
  // Period: 490 / 2 = 245.
  expect(await run('cac_by_month')).toEqual([
    { month: null, spend: 490, new_customers: 2, cac: 245 },
    { month: '2024-02-01', spend: 300, new_customers: 1, cac: 300 },
    { month: '2024-03-01', spend: 190, new_customers: 1, cac: 190 },
  ]);
});
