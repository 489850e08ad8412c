-- id: average_order_value
-- version: 1
-- title: Average order value
-- needs: orders(order_id, order_date, revenue, refund, status)
-- view: line(month, aov)
-- headline: aov currency
-- columns: month date, orders integer, revenue double, aov double
-- Net revenue (revenue - refunds) of the orders placed in the period divided by their
-- number, by month and for the period. An order is all lines sharing an order id; cancelled
-- orders and zero-revenue orders (free trials) are not orders here. Guest orders count.
with sales as (
  select order_id,
         min(order_date) as order_date,
         sum(revenue - coalesce(refund, 0)) as net
  from orders
  where revenue > 0
    and coalesce(status, '') <> 'cancelled'
  group by all
)
select date_trunc('month', order_date)::date as month,
       count(*)::integer as orders,
       sum(net)::double as revenue,
       avg(net)::double as aov
from sales
where order_date >= getvariable('period_start')
  and order_date < getvariable('period_end') + interval 1 day
group by grouping sets ((date_trunc('month', order_date)::date), ())
order by month nulls first
