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
-- and only the guests' lines from orders, and dates only the orders with a sale in the period,
-- instead of every sale line of all history; its answers are version 1's.
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
-- the rows dated in the period, and the later rows of the same orders (another customer's part)
candidates as (
  select order_id, customer_id, order_date
  from sale_orders
  where order_date >= getvariable('period_start')
    and order_date < getvariable('period_end') + interval 1 day
  union all
  select l.order_id, l.customer_id, l.order_date
  from sale_orders l
  semi join sale_orders p
    on p.order_id = l.order_id
   and p.order_date >= getvariable('period_start')
   and p.order_date < getvariable('period_end') + interval 1 day
  where l.order_date >= getvariable('period_end') + interval 1 day
),
-- an order with a sale before the period's start was placed before it; an order is counted on
-- one of its rows (several when customers share an order id)
placed as (
  select c.customer_id,
         min(c.order_date) over o as placed_at,
         row_number() over o = 1 as counts_order,
         bool_or(c.customer_id is null) over o as guest_order
  from candidates c
  anti join sale_orders e
    on e.order_id = c.order_id
   and e.order_date < getvariable('period_start')
  window o as (partition by c.order_id)
),
in_period as (
  select date_trunc('month', placed_at)::date as month, customer_id, counts_order, guest_order
  from placed
  where placed_at < getvariable('period_end') + interval 1 day
)
select month,
       (count(*) filter (where counts_order))::integer as orders,
       count(distinct customer_id)::integer as customers,
       (count(*) filter (where counts_order and guest_order))::integer as guest_orders
from in_period
group by month
union all
select null,
       (count(*) filter (where counts_order))::integer,
       count(distinct customer_id)::integer,
       (count(*) filter (where counts_order and guest_order))::integer
from in_period
order by month nulls first
