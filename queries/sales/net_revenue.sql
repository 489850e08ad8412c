-- id: net_revenue
-- version: 1
-- title: Net revenue
-- needs: orders(order_date, revenue, refund, status)
-- view: line(month, net_revenue)
-- headline: net_revenue currency
-- better: higher
-- show: month month | Month
-- show: revenue currency | Revenue
-- show: refunds currency | Refunds
-- show: net_revenue currency | Net revenue
-- columns: month date, revenue double, refunds double, net_revenue double
-- Revenue minus refunds of every order line dated in the period, by month and for the period:
-- guests' lines included. A refund on a sale line counts at that line's date; a stand-alone
-- refund or credit note (no revenue, a refund) counts at its own date. Cancelled lines never
-- became sales and count for neither; free trials (no revenue) add nothing.
select date_trunc('month', order_date)::date as month,
       sum(revenue)::double as revenue,
       sum(coalesce(refund, 0))::double as refunds,
       sum(revenue - coalesce(refund, 0))::double as net_revenue
from orders
where (revenue > 0 or refund > 0)
  and coalesce(status, '') <> 'cancelled'
  and order_date >= getvariable('period_start')
  and order_date < getvariable('period_end') + interval 1 day
group by grouping sets ((date_trunc('month', order_date)::date), ())
order by month nulls first
