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
-- Sales less refunds of every order dated in the period, guest checkouts included, by month and for
-- the period. A refund counts on the date of its sale, or on its own date when it was issued on its
-- own (a credit note). Cancelled orders count for nothing and free trials add nothing.

-- A refund on a sale line counts at that line's date; a stand-alone refund or credit note (no
-- revenue, a refund) at its own. Cancelled lines never became sales; free trials have no revenue.
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
