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
-- Orders placed in the period, by month and for the period: distinct order ids with a sale line
-- (revenue above 0, not cancelled), each dated by its earliest sale line. Guest orders (no
-- customer id) count, and are also counted apart in guest_orders; free trials, cancelled orders
-- and stand-alone refunds are not orders. Beside them, the customers who bought: distinct
-- customer ids among those orders (guests cannot be told apart, so none of them is counted).
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
