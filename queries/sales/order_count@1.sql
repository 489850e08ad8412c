-- id: order_count
-- version: 1
-- title: Orders
-- needs: orders(order_id, customer_id, order_date, revenue, status)
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
-- distinct customer ids among those orders.
with sale_lines as (
  select order_id,
         customer_id,
         min(order_date) over (partition by order_id) as placed_at
  from orders
  where revenue > 0
    and coalesce(status, '') <> 'cancelled'
)
select date_trunc('month', placed_at)::date as month,
       count(distinct order_id)::integer as orders,
       count(distinct customer_id)::integer as customers,
       count(distinct order_id) filter (where customer_id is null)::integer as guest_orders
from sale_lines
where placed_at >= getvariable('period_start')
  and placed_at < getvariable('period_end') + interval 1 day
group by grouping sets ((date_trunc('month', placed_at)::date), ())
order by month nulls first
