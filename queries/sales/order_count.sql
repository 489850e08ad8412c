-- id: order_count
-- version: 2
-- title: Orders
-- needs: orders(order_id, customer_id, order_date, revenue, status); customer_orders(order_id, customer_id, order_date)
-- view: line(month, orders)
-- headline: orders integer
-- better: higher
-- show: month month | Month
-- show: orders integer | Orders
-- show: customers integer | Customers
-- show: guest_orders integer | Guest orders
-- columns: month date, orders integer, customers integer, guest_orders integer
-- Orders placed in the period, by month and for the period, guest checkouts included and also
-- counted apart. Beside them, the customers who ordered (guests cannot be told apart, so they are
-- not counted as customers). Cancelled orders, free trials and refunds issued on their own are not
-- orders.

-- Orders: distinct order ids with a sale line (revenue above 0, not cancelled), each dated by its
-- earliest sale line. Guest orders (no customer id) are also counted in guest_orders. Customers:
-- distinct customer ids among those orders. Version 2 reads the identified customers' orders from
-- the prepared customer_orders (one row per customer and order, dated by its earliest sale line)
-- and only the guests' lines from orders, and dates only the orders with a sale from the period's
-- start on, instead of every sale line of all history; its answers are version 1's.
with sale_orders as (
  select order_id, customer_id, order_date
  from customer_orders
  union all
  select order_id, null, min(order_date)
  from orders
  where customer_id is null
    and revenue > 0
    and coalesce(status, '') <> 'cancelled'
  group by order_id
),
-- an order with a sale before the period's start was placed before it
placed as (
  select s.order_id,
         s.customer_id,
         min(s.order_date) over (partition by s.order_id) as placed_at
  from sale_orders s
  where s.order_date >= getvariable('period_start')
    and not exists (
      select 1
      from sale_orders e
      where e.order_id = s.order_id
        and e.order_date < getvariable('period_start')
    )
)
select date_trunc('month', placed_at)::date as month,
       count(distinct order_id)::integer as orders,
       count(distinct customer_id)::integer as customers,
       count(distinct order_id) filter (where customer_id is null)::integer as guest_orders
from placed
where placed_at < getvariable('period_end') + interval 1 day
group by grouping sets ((date_trunc('month', placed_at)::date), ())
order by month nulls first
