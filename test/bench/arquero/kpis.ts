/**
 * Six KPI modules written with Arquero, the dataframe library an analyst in the browser would
 * otherwise reach for, on the orders table with `order_date` as epoch milliseconds (UTC).
 * Each returns the module's rows in the module's shape and order, so the SQL and the Arquero
 * answers can be compared value for value: new_customers (by month), average_order_value,
 * repeat_customer_rate, churn_rate, clv_summary (the per-customer recency / frequency /
 * monetary aggregate) and cohort_retention.
 */
import * as aq from 'arquero';
import type { Row } from '../../../src/lib/db';
import type { Period } from '../notebook';

const { op } = aq;
type Table = aq.ColumnTable;

const day = 86_400_000;
const ms = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
const monthIso = (key: number) => `${Math.floor(key / 12)}-${String((key % 12) + 1).padStart(2, '0')}`;
const monthKey = (t: number) => new Date(t).getUTCFullYear() * 12 + new Date(t).getUTCMonth();
const bounds = (p: Period) => ({ s: ms(p.start), e: ms(p.end) + day });

/** Orders that are sales: a customer, revenue, not cancelled. */
const sales = (orders: Table): Table =>
  orders.filter((d: any) => d.customer_id != null && d.revenue > 0 && d.status !== 'cancelled');

/** Sorted by the first key with NULL first (the grand-total row), as the SQL's `order by x nulls first`. */
function withTotal(total: Row, rows: Row[], key: string): Row[] {
  return [total, ...rows.sort((a, b) => String(a[key]).localeCompare(String(b[key])))];
}

export function newCustomers(orders: Table, p: Period): Row[] {
  const firsts = sales(orders)
    .groupby('customer_id')
    .rollup({ first_at: op.min('order_date') })
    .params(bounds(p))
    .filter((d: any, $: any) => d.first_at >= $.s && d.first_at < $.e)
    .derive({ m: (d: any) => op.utcyear(d.first_at) * 12 + op.utcmonth(d.first_at) });
  const months = firsts.groupby('m').count({ as: 'n' }).objects() as { m: number; n: number }[];
  const rows = months.map((r) => ({ period: `${monthIso(r.m)}-01`, new_customers: r.n }));
  return withTotal({ period: null, new_customers: firsts.numRows() }, rows, 'period');
}

export function averageOrderValue(orders: Table, p: Period): Row[] {
  const perOrder = orders
    .filter((d: any) => d.revenue > 0 && d.status !== 'cancelled')
    .derive({ net: (d: any) => d.revenue - (d.refund == null ? 0 : d.refund) })
    .groupby('order_id')
    .rollup({ order_date: op.min('order_date'), net: op.sum('net') })
    .params(bounds(p))
    .filter((d: any, $: any) => d.order_date >= $.s && d.order_date < $.e)
    .derive({ m: (d: any) => op.utcyear(d.order_date) * 12 + op.utcmonth(d.order_date) });
  const summary = { orders: op.count(), revenue: op.sum('net'), aov: op.mean('net') };
  const months = perOrder.groupby('m').rollup(summary).objects() as Record<string, number>[];
  const [total] = perOrder.rollup(summary).objects() as Record<string, number>[];
  const rows = months.map(({ m, orders, revenue, aov }) => ({ month: `${monthIso(m)}-01`, orders, revenue, aov }));
  return withTotal({ month: null, ...total }, rows, 'month');
}

export function repeatCustomerRate(orders: Table, p: Period, minOrders = 2): Row[] {
  const counts = sales(orders)
    .params(bounds(p))
    .filter((d: any, $: any) => d.order_date >= $.s && d.order_date < $.e)
    .groupby('customer_id')
    .rollup({ orders: op.distinct('order_id') });
  const customers = counts.numRows();
  const repeat = counts.params({ min: minOrders }).filter((d: any, $: any) => d.orders >= $.min).numRows();
  return [{ customers, repeat_customers: repeat, rate: customers ? repeat / customers : null }];
}

export function churnRate(orders: Table, p: Period): Row[] {
  const { s, e } = bounds(p);
  const len = e - s;
  const buyers = (from: number, to: number) =>
    sales(orders)
      .params({ from, to })
      .filter((d: any, $: any) => d.order_date >= $.from && d.order_date < $.to)
      .select('customer_id')
      .dedupe();
  const previous = buyers(s - len, s);
  const retained = previous.semijoin(buyers(s, e), 'customer_id').numRows();
  const n = previous.numRows();
  return [{ previous_customers: n, retained, churned: n - retained, churn_rate: n ? (n - retained) / n : null, retention_rate: n ? retained / n : null }];
}

/** clv_summary@2 with its defaults: calibration over the first 60% of the purchase days' span, weeks. */
export function clvSummary(orders: Table, p: Period, unitDays = 7): Row[] {
  const { s, e } = bounds(p);
  const days = orders
    .params({ s, e })
    .filter((d: any, $: any) => d.customer_id != null && d.revenue >= 0 && d.status !== 'cancelled' && d.order_date >= $.s && d.order_date < $.e)
    .derive({ day: (d: any) => op.floor(d.order_date / 86_400_000) * 86_400_000, net: (d: any) => d.revenue - (d.refund == null ? 0 : d.refund) })
    .groupby('customer_id', 'day')
    .rollup({ value: op.sum('net') });
  const [span] = days.rollup({ lo: op.min('day'), hi: op.max('day') }).objects() as { lo: number; hi: number }[];
  const calEnd = span.lo + Math.floor((0.6 * (span.hi - span.lo)) / day) * day;
  const firsts = days.groupby('customer_id').rollup({ first_day: op.min('day') });
  const per = days
    .join(firsts, 'customer_id')
    .params({ cal: calEnd })
    .filter((d: any, $: any) => d.first_day <= $.cal)
    .derive({
      in_cal: (d: any, $: any) => (d.day <= $.cal ? 1 : 0),
      cal_day: (d: any, $: any) => (d.day <= $.cal ? d.day : null),
      repeat_value: (d: any, $: any) => (d.day <= $.cal && d.day > d.first_day ? d.value : null),
    })
    .groupby('customer_id', 'first_day')
    .rollup({ n_cal: op.sum('in_cal'), n: op.count(), last_day: op.max('cal_day'), monetary: op.mean('repeat_value') })
    .orderby('customer_id')
    .objects() as { customer_id: string; first_day: number; n_cal: number; n: number; last_day: number; monetary: number | undefined }[];
  const unit = unitDays * day;
  return per.map((r) => ({
    customer_id: r.customer_id,
    frequency: r.n_cal - 1,
    recency: (r.last_day - r.first_day) / unit,
    age: (calEnd - r.first_day) / unit,
    monetary_value: r.monetary == null || Number.isNaN(r.monetary) ? 0 : r.monetary,
    holdout_purchases: r.n - r.n_cal,
    calibration_end: isoDay(calEnd),
    holdout_end: isoDay(span.hi),
  }));
}

export function cohortRetention(orders: Table, p: Period): Row[] {
  const { s, e } = bounds(p);
  const months = sales(orders).derive({ month: (d: any) => op.utcyear(d.order_date) * 12 + op.utcmonth(d.order_date) }).select('customer_id', 'month');
  const firsts = months.groupby('customer_id').rollup({ cohort: op.min('month') });
  const sizes = firsts
    .params({ lo: monthKey(s), hi: monthKey(e - day) })
    .filter((d: any, $: any) => d.cohort >= $.lo && d.cohort <= $.hi)
    .groupby('cohort')
    .count({ as: 'size' });
  const activity = months
    .params({ hi: monthKey(e - day) })
    .filter((d: any, $: any) => d.month <= $.hi)
    .join(firsts, 'customer_id')
    .derive({ month_offset: (d: any) => d.month - d.cohort })
    .groupby('cohort', 'month_offset')
    .rollup({ customers: op.distinct('customer_id') })
    .join(sizes, 'cohort')
    .derive({ retention: (d: any) => d.customers / d.size })
    .orderby('cohort', 'month_offset')
    .objects() as { cohort: number; month_offset: number; customers: number; retention: number }[];
  return activity.map((r) => ({ cohort: monthIso(r.cohort), month_offset: r.month_offset, customers: r.customers, retention: r.retention }));
}

export const arqueroKpis: Record<string, (orders: Table, p: Period) => Row[]> = {
  new_customers: newCustomers,
  average_order_value: averageOrderValue,
  'repeat_customer_rate@2': repeatCustomerRate,
  'churn_rate@2': churnRate,
  'clv_summary@2': clvSummary, // the purchase history within the period, as before it ran to the range end
  cohort_retention: cohortRetention,
};
