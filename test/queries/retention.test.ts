// Golden answers for the retention modules on the shared fixture (storeFixture.ts), worked by hand.
// Cohort retention needs cohorts of several customers: test/queries/cohorts.test.ts.
import { expect, test } from 'vitest';
import { goldenSuite } from './golden';

const run = goldenSuite();

test('visit_frequency: visit days of known customers over the customers who visited, month by month', async () => {
  // February: A on 5 Feb (twice: one day) and 20 Feb, B on 29 Feb: 3 days / 2 customers. March: A, B
  // (1 Mar, past the month edge) and O'Brien once each: 3 / 3. The period: 6 days / 5 customer-months;
  // the anonymous visitor and E's visits outside the period do not count. Counting rows (7) or per
  // customer over the whole period (6 / 3) would give other answers.
  expect(await run('visit_frequency')).toEqual([
    { month: null, customers: 5, visits: 6, visits_per_customer: 1.2 },
    { month: '2024-02-01', customers: 2, visits: 3, visits_per_customer: 1.5 },
    { month: '2024-03-01', customers: 3, visits: 3, visits_per_customer: 1 },
  ]);
});

test('purchase_frequency: orders per customer and the median gap', async () => {
  // A 1, B 2, O'Brien 1 -> mean 4/3. B's gap: 29 Feb 23:30 -> 1 Mar 00:10 crosses one day boundary.
  expect(await run('purchase_frequency')).toEqual([
    { orders_per_customer: null, customers: 3, orders_per_customer_avg: 4 / 3, median_days_between: 1 },
    { orders_per_customer: 1, customers: 2, orders_per_customer_avg: 1, median_days_between: null },
    { orders_per_customer: 2, customers: 1, orders_per_customer_avg: 2, median_days_between: null },
  ]);
});

test('inactive_customers: new, loyal and lost by month with a 30-day window', async () => {
  // Feb: A (first sale in Jan) is loyal, B is new. Mar: B loyal, O'Brien new.
  // Lost: A's last sale 5 Feb + 30 d = 6 Mar; B's last 1 Mar 00:10 + 30 d = 31 Mar: both in March.
  // Headline: active in the 30 days before 1 Feb: A only; active in the last 30 days: O'Brien -> A lost: 1/1.
  expect(await run('inactive_customers', { window_days: 30 })).toEqual([
    { month: null, kind: null, customers: 1, lost_rate: 1 },
    { month: '2024-02-01', kind: 'loyal', customers: 1, lost_rate: null },
    { month: '2024-02-01', kind: 'new', customers: 1, lost_rate: null },
    { month: '2024-03-01', kind: 'lost', customers: 2, lost_rate: null },
    { month: '2024-03-01', kind: 'loyal', customers: 1, lost_rate: null },
    { month: '2024-03-01', kind: 'new', customers: 1, lost_rate: null },
  ]);
});

test('inactive_customers: at its default 180-day window nobody lapses in the period', async () => {
  // Active in the 180 days before 1 Feb: E (20 Dec) and A (10 Jan); both bought again or still
  // fall in the 180 days that end with the period (from 4 Oct) -> lost 0 of 2. No sale is 180
  // days before a day of the period (that would be 5 Aug - 3 Oct 2023): no 'lost' bars.
  expect(await run('inactive_customers')).toEqual([
    { month: null, kind: null, customers: 2, lost_rate: 0 },
    { month: '2024-02-01', kind: 'loyal', customers: 1, lost_rate: null },
    { month: '2024-02-01', kind: 'new', customers: 1, lost_rate: null },
    { month: '2024-03-01', kind: 'loyal', customers: 1, lost_rate: null },
    { month: '2024-03-01', kind: 'new', customers: 1, lost_rate: null },
  ]);
});

test('customer_return_rate: customers of the period who ordered again after their first order in it', async () => {
  // First orders in the period: A's O2 (5 Feb, nothing after it), B's O3 (29 Feb, then O4 on
  // 1 Mar: came back), O'Brien's O9 (16 Mar, nothing after). By month of that first order:
  // Feb A and B -> 1/2; Mar O'Brien -> 0/1. Period 1/3. (Having bought before the period, as A
  // did, is not coming back: that reading gives A, not B.)
  expect(await run('customer_return_rate')).toEqual([
    { month: null, customers: 3, returned: 1, rate: 1 / 3 },
    { month: '2024-02-01', customers: 2, returned: 1, rate: 0.5 },
    { month: '2024-03-01', customers: 1, returned: 0, rate: 0 },
  ]);
});

test('returning_customers: customers of the period (or month) who had a sale before it', async () => {
  // Feb: A (first sale in Jan) returning; B new. Mar: B (first sale 29 Feb) returning; O'Brien new.
  // Period: A had bought before 1 Feb; B and O'Brien had not -> 1/3.
  expect(await run('returning_customers')).toEqual([
    { month: null, customers: 3, returning: 1, rate: 1 / 3 },
    { month: '2024-02-01', customers: 2, returning: 1, rate: 0.5 },
    { month: '2024-03-01', customers: 2, returning: 1, rate: 0.5 },
  ]);
});

test('customer_types: trial only, one-time and repeat, by orders up to the period end', async () => {
  // Active in the period: A (O1 + O2: repeat), B (O3, O4: repeat), O'Brien (O9 paid, O5 cancelled:
  // one-time), D (only the zero-revenue trial O7: trial only). The guest has no id. A is
  // 'repeat' here (O1 was before the period) but not among those who ordered twice in it.
  expect(await run('customer_types')).toEqual([
    { kind: null, customers: 4, share: 1, ever_repeat_share: 0.5 },
    { kind: 'one-time', customers: 1, share: 0.25, ever_repeat_share: null },
    { kind: 'repeat', customers: 2, share: 0.5, ever_repeat_share: null },
    { kind: 'trial only', customers: 1, share: 0.25, ever_repeat_share: null },
  ]);
});

test('repeat_purchase_rate: orders that were not the customer\'s first ever', async () => {
  // Sales orders of identified customers in the period: O2 (A, whose first was O1 in January:
  // repeat), O3 (B's first), O4 (B's second: repeat), O9 (O'Brien's first; cancelled O5 is none).
  // The guest's O6 and D's zero-revenue trial O7 are not counted. Feb 1/2, Mar 1/2, period 2/4.
  expect(await run('repeat_purchase_rate')).toEqual([
    { month: null, orders: 4, repeat_orders: 2, rate: 0.5 },
    { month: '2024-02-01', orders: 2, repeat_orders: 1, rate: 0.5 },
    { month: '2024-03-01', orders: 2, repeat_orders: 1, rate: 0.5 },
  ]);
});

test('orders_per_customer: orders over the customers who placed them', async () => {
  // Feb: O2 (two lines, one order) by A, O3 by B -> 2 / 2. Mar: O4 by B, O9 by O'Brien -> 2 / 2
  // (the guest's O6 is left out). Period: 4 orders by A, B, O'Brien -> 4 / 3.
  expect(await run('orders_per_customer')).toEqual([
    { month: null, customers: 3, orders: 4, orders_per_customer: 4 / 3 },
    { month: '2024-02-01', customers: 2, orders: 2, orders_per_customer: 1 },
    { month: '2024-03-01', customers: 2, orders: 2, orders_per_customer: 1 },
  ]);
});

test('retention_rate: previous period, and month over month, with churn as the rest', async () => {
  // Period: of A and E (previous period 3 Dec - 31 Jan), A came back, E churned -> 1/2 and 1/2.
  // Feb: of January's customers (A), A bought in February -> 1/1, none churned.
  // Mar: of February's (A, B), only B bought in March -> 1/2, A churned.
  expect(await run('retention_rate')).toEqual([
    { month: null, previous_customers: 2, retained: 1, churned: 1, retention_rate: 0.5, churn_rate: 0.5 },
    { month: '2024-02-01', previous_customers: 1, retained: 1, churned: 0, retention_rate: 1, churn_rate: 0 },
    { month: '2024-03-01', previous_customers: 2, retained: 1, churned: 1, retention_rate: 0.5, churn_rate: 0.5 },
  ]);
});
