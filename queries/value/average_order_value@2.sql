-- id: average_order_value
-- version: 2
-- title: Average order value
-- needs: orders(order_id, customer_id, order_date, revenue, refund, status); customer_orders(order_id, order_date, revenue, refund)
-- view: line(month, aov)
-- headline: aov currency
-- columns: month date, orders integer, revenue double, aov double
-- Net revenue (revenue - refunds) of the orders placed in the period divided by their
-- number, by month and for the period. An order is all lines sharing an order id; cancelled
-- orders and zero-revenue orders (free trials) are not orders here. Guest orders count.
-- Version 2 reads the prepared customer_orders (one row per sale, built once per
-- load) instead of every order line of all history; its answers are version 1's.
with sales as (
  select order_id, order_date, revenue - refund as net
  from customer_orders
  where order_date >= getvariable('period_start')
    and order_date < getvariable('period_end') + interval 1 day
  union all
  -- guest orders (no customer id)
  select order_id, min(order_date), sum(revenue - coalesce(refund, 0))
  from orders
  where customer_id is null
    and revenue > 0
    and coalesce(status, '') <> 'cancelled'
  group by order_id
  having min(order_date) >= getvariable('period_start')
     and min(order_date) < getvariable('period_end') + interval 1 day
)
select date_trunc('month', order_date)::date as month,
       count(*)::integer as orders,
       sum(net)::double as revenue,
       avg(net)::double as aov
from sales
group by grouping sets ((date_trunc('month', order_date)::date), ())
order by month nulls first
