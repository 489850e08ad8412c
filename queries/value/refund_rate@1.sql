-- id: refund_rate
-- version: 1
-- title: Refunds rate
-- needs: orders(order_date, revenue, refund, status)
-- view: line(month, refund_rate)
-- headline: refund_rate percent
-- columns: month date, revenue double, refunded double, refund_rate double
-- Money refunded as a share of gross revenue, for sales placed in the period (by the
-- order's date, not the refund's). Cancelled orders are neither revenue nor refund here.
select date_trunc('month', order_date)::date as month,
       sum(revenue)::double as revenue,
       sum(coalesce(refund, 0))::double as refunded,
       (sum(coalesce(refund, 0)) / nullif(sum(revenue), 0))::double as refund_rate
from orders
where revenue > 0
  and coalesce(status, '') <> 'cancelled'
  and order_date >= getvariable('period_start')
  and order_date < getvariable('period_end') + interval 1 day
group by grouping sets ((date_trunc('month', order_date)::date), ())
order by month nulls first
