-- id: average_order_value
-- version: 3
-- title: Average order value
-- needs: orders(order_id, customer_id, order_date, revenue, refund, status); customer_orders(order_id, order_date, revenue, refund); customer_refunds(day, refund)
-- view: line(month, aov)
-- headline: aov currency
-- better: higher
-- show: month month | Month
-- show: orders integer | Orders
-- show: revenue currency | Net revenue
-- show: aov currency | Average order value
-- columns: month date, orders integer, revenue double, aov double
-- Net revenue of the period divided by the orders placed in it, by month and for the period. Net
-- means sales less refunds, including refunds and credit notes issued on their own, which count on
-- the day they were issued. Cancelled orders and free trials are not orders; guest checkouts count.

-- An order is all sale lines sharing an order id. Stand-alone refunds and credit notes lower the
-- value of the period's orders without being orders; guests' credit notes count. Version 3
-- subtracts stand-alone refunds and credit notes; version 2 did not.
with sales as (
  select order_date, revenue - refund as net, true as is_order
  from customer_orders
  where order_date >= getvariable('period_start')
    and order_date < getvariable('period_end') + interval 1 day
  union all
  -- guests (no customer id): their orders, and apart from them their credit notes
  select min(order_date), sum(revenue - coalesce(refund, 0)), coalesce(revenue > 0, false)
  from orders
  where customer_id is null
    and (revenue > 0 or refund > 0)
    and coalesce(status, '') <> 'cancelled'
  group by order_id, coalesce(revenue > 0, false)
  having min(order_date) >= getvariable('period_start')
     and min(order_date) < getvariable('period_end') + interval 1 day
  union all
  select day, -refund, false
  from customer_refunds
  where day >= getvariable('period_start')
    and day <= getvariable('period_end')
)
select date_trunc('month', order_date)::date as month,
       count(*) filter (where is_order)::integer as orders,
       sum(net)::double as revenue,
       (sum(net) / nullif(count(*) filter (where is_order), 0))::double as aov
from sales
group by grouping sets ((date_trunc('month', order_date)::date), ())
order by month nulls first
