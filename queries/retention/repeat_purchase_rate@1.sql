-- id: repeat_purchase_rate
-- version: 1
-- title: Repeat purchase rate
-- needs: orders(customer_id, order_id, order_date, revenue, status)
-- view: line(month, rate)
-- headline: rate percent
-- columns: month date, orders integer, repeat_orders integer, rate double
-- Of the orders identified customers placed in the period, the share that were repeat
-- purchases: not the customer's first order ever (orders before the period count as history).
-- By month and for the period. An order is all lines sharing an order id; cancelled and
-- zero-revenue orders are not orders, and guest orders are left out (nobody to repeat). Two
-- orders at the same moment are told apart by order id. The customer-based measure (share
-- of customers with two or more orders) is the repeat customer rate.
with sales as (
  select customer_id, order_id, min(order_date) as order_date
  from orders
  where customer_id is not null
    and revenue > 0
    and coalesce(status, '') <> 'cancelled'
  group by all
),
ranked as (
  select order_date,
         row_number() over (partition by customer_id order by order_date, order_id) > 1 as is_repeat
  from sales
)
select date_trunc('month', order_date)::date as month,
       count(*)::integer as orders,
       count(*) filter (where is_repeat)::integer as repeat_orders,
       (count(*) filter (where is_repeat) / count(*))::double as rate
from ranked
where order_date >= getvariable('period_start')
  and order_date < getvariable('period_end') + interval 1 day
group by grouping sets ((date_trunc('month', order_date)::date), ())
order by month nulls first
