// Golden answers for the value modules on the shared fixture (storeFixture.ts), worked by hand.
import { expect, test } from 'vitest';
import { goldenSuite } from './golden';

const run = goldenSuite();

test('average_order_value: net revenue per order, guests in, cancelled and trial orders out', async () => {
  // Feb: O2 (50 + 30 - 30 refunded = 50), O3 80 -> 130 / 2 = 65.
  // Mar: O4 40, O6 (guest) 70, O9 20 -> 130 / 3. Period 260 / 5 = 52.
  expect(await run('average_order_value')).toEqual([
    { month: null, orders: 5, revenue: 260, aov: 52 },
    { month: '2024-02-01', orders: 2, revenue: 130, aov: 65 },
    { month: '2024-03-01', orders: 3, revenue: 130, aov: 130 / 3 },
  ]);
});

test('revenue_per_customer: identified customers only, each counted once in the period', async () => {
  // Feb: A 50, B 80. Mar: B 40, O'Brien 20. Period: 190 over A, B, O'Brien.
  expect(await run('revenue_per_customer')).toEqual([
    { month: null, customers: 3, revenue: 190, revenue_per_customer: 190 / 3 },
    { month: '2024-02-01', customers: 2, revenue: 130, revenue_per_customer: 65 },
    { month: '2024-03-01', customers: 2, revenue: 60, revenue_per_customer: 30 },
  ]);
});

test('profit_per_customer: revenue - cost - refunds', async () => {
  // A: (50 - 20) + (30 - 10 - 30) = 20; B: 80 - 30 = 50 and 40 - 15 = 25; O'Brien: 20 - 5 = 15.
  expect(await run('profit_per_customer')).toEqual([
    { month: null, customers: 3, profit: 110, profit_per_customer: 110 / 3, lines_without_cost: 0 },
    { month: '2024-02-01', customers: 2, profit: 70, profit_per_customer: 35, lines_without_cost: 0 },
    { month: '2024-03-01', customers: 2, profit: 40, profit_per_customer: 20, lines_without_cost: 0 },
  ]);
});

test('refund_rate: refunded money over gross sales', async () => {
  // Feb: 50 + 30 + 80 = 160 gross, 30 refunded. Mar: 40 + 70 + 20 = 130, none. Period 30 / 290.
  expect(await run('refund_rate')).toEqual([
    { month: null, revenue: 290, refunded: 30, refund_rate: 30 / 290 },
    { month: '2024-02-01', revenue: 160, refunded: 30, refund_rate: 0.1875 },
    { month: '2024-03-01', revenue: 130, refunded: 0, refund_rate: 0 },
  ]);
});

test('top_customer_share: the best 20% (rounded up to one customer) and the Pareto curve', async () => {
  // Net in the period: B 120, A 50, O'Brien 20 (total 190). Top 20% of 3 -> 1 customer: 120 / 190.
  // Curve: 1/3 of customers (step 0.34) -> 120/190, 2/3 (0.67) -> 170/190, all -> 1.
  expect(await run('top_customer_share')).toEqual([
    { customer_share: null, revenue_share: 120 / 190 },
    { customer_share: 0.34, revenue_share: 120 / 190 },
    { customer_share: 0.67, revenue_share: 170 / 190 },
    { customer_share: 1, revenue_share: 1 },
  ]);
  // With the parameter at 0.7: ceil(2.1) = 3 customers, the whole revenue.
  expect((await run('top_customer_share', { top_share: 0.7 }))[0]).toEqual({ customer_share: null, revenue_share: 1 });
});

test('lifetime_value_all: every customer who had bought by the end of the period, whenever they first bought', async () => {
  // A 100 + (80 - 30) = 150, B 80 + 40 = 120, O'Brien 20 (O5 cancelled), E 90 (bought in December);
  // D's only order is a zero-revenue trial, the guest order has no customer: (150 + 120 + 20 + 90) / 4.
  // Only the customers acquired in the period (B and O'Brien) would give 70.
  expect(await run('lifetime_value_all')).toEqual([{ customers: 4, average_ltv: 95 }]);
});

test('historical_ltv: what customers acquired in the period have spent to date', async () => {
  // New in the period: B (120 over all time) and O'Brien (20). Bands of 50: 100 and 0.
  expect(await run('historical_ltv')).toEqual([
    { ltv_band: null, customers: 2, average_ltv: 70 },
    { ltv_band: 0, customers: 1, average_ltv: 20 },
    { ltv_band: 100, customers: 1, average_ltv: 120 },
  ]);
});
