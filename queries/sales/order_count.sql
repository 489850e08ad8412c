-- id: order_count
-- version: 2
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
-- distinct customer ids among those orders. Version 2 groups by order only the sale lines of
-- orders with a sale in the period (a hash aggregate), where version 1 sorted every sale line of
-- all history by order for a window, and looks at an order's lines again only when more than one
-- customer shares it. DuckDB-WASM at 1M orders: 0.55 s against 0.70 s for a year, 0.13 s against
-- 0.44 s for 90 days; its answers are version 1's.
-- only an order with a sale line in the period can have been placed in it
with period_orders as (
  select distinct order_id
  from orders
  where revenue > 0
    and coalesce(status, '') <> 'cancelled'
    and order_date >= getvariable('period_start')
    and order_date < getvariable('period_end') + interval 1 day
),
placed as (
  select order_id,
         min(order_date) as placed_at,
         bool_or(customer_id is null) as guest_order,
         min(customer_id) as customer_id,
         min(customer_id) is distinct from max(customer_id) as shared
  from orders
  semi join period_orders using (order_id)
  where revenue > 0
    and coalesce(status, '') <> 'cancelled'
  group by order_id
  having min(order_date) >= getvariable('period_start')
     and min(order_date) < getvariable('period_end') + interval 1 day
),
-- who bought: the order's one customer, or each customer of an order several share
buyers as (
  select date_trunc('month', placed_at)::date as month, customer_id
  from placed
  union all
  select date_trunc('month', p.placed_at)::date, l.customer_id
  from orders l
  join placed p on p.order_id = l.order_id and p.shared
  where l.revenue > 0
    and coalesce(l.status, '') <> 'cancelled'
),
counted as (
  select date_trunc('month', placed_at)::date as month,
         count(*)::integer as orders,
         (count(*) filter (where guest_order))::integer as guest_orders
  from placed
  group by grouping sets ((date_trunc('month', placed_at)::date), ())
),
customers as (
  select month, count(distinct customer_id)::integer as customers
  from buyers
  group by grouping sets ((month), ())
)
select o.month, o.orders, b.customers, o.guest_orders
from counted o
join customers b on b.month is not distinct from o.month
order by o.month nulls first
