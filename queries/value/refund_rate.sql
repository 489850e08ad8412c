-- id: refund_rate
-- version: 2
-- title: Refunds rate
-- needs: orders(order_date, revenue, refund, status)
-- view: line(month, refund_rate)
-- headline: refund_rate percent
-- better: lower
-- show: month month | Month
-- show: revenue currency | Gross revenue
-- show: refunded currency | Refunded
-- show: refund_rate percent | Refund rate
-- columns: month date, revenue double, refunded double, refund_rate double
-- Money refunded as a share of gross revenue, by month and for the period. A refund counts on the
-- date of its sale, since exports rarely date refunds; a credit note issued on its own counts on
-- its own date. Cancelled orders count as neither sale nor refund.

-- A stand-alone credit note is a line with no revenue and a refund. Cancelled orders never became
-- sales.
select date_trunc('month', order_date)::date as month,
       sum(revenue)::double as revenue,
       sum(coalesce(refund, 0))::double as refunded,
       (sum(coalesce(refund, 0)) / nullif(sum(revenue), 0))::double as refund_rate
from orders
where (revenue > 0 or refund > 0)
  and coalesce(status, '') <> 'cancelled'
  and order_date >= getvariable('period_start')
  and order_date < getvariable('period_end') + interval 1 day
group by grouping sets ((date_trunc('month', order_date)::date), ())
order by month nulls first
