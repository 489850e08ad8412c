-- id: customer_report_summary
-- version: 1
-- title: Customer summary
-- needs: customer_orders(customer_id, order_date, revenue, refund, cost, lines_without_cost, first_at); customer_refunds(customer_id, day, refund)
-- view: table
-- param: customer_id varchar = null | The customer
-- show: orders integer | Orders
-- show: revenue currency | Revenue
-- show: sales currency | Total sales
-- show: refunds currency | Refunds
-- show: profit currency | Profit
-- show: first_order date | First order
-- show: last_order date | Last order
-- show: lifetime_orders integer | Orders ever
-- show: lifetime_revenue currency | Revenue ever
-- columns: orders integer, revenue double, sales double, refunds double, profit double, first_order timestamp, last_order timestamp, lifetime_orders integer, lifetime_revenue double
-- The customer's orders, total sales, refunds, net revenue and profit (where costs are known) in
-- the period; their first and last order and their orders and net revenue up to the period's end.

-- Money as customer_rfm counts it (sales less refunds on them and stand-alone refunds, by their own
-- dates; profit NULL when a sale line has no cost). One row, zeros when nothing in the period.
with sold as (
  select *
  from customer_orders
  where customer_id = getvariable('customer_id')
    and order_date < getvariable('period_end') + interval 1 day
),
given_back as (
  select day, refund
  from customer_refunds
  where customer_id = getvariable('customer_id')
    and day <= getvariable('period_end')
),
in_period as (
  select count(*) as orders,
         coalesce(sum(revenue), 0) as sales,
         coalesce(sum(refund), 0) as order_refunds,
         coalesce(sum(cost), 0) as cost,
         coalesce(sum(lines_without_cost), 0) as lines_without_cost
  from sold
  where order_date >= getvariable('period_start')
),
refunded as (
  select coalesce(sum(refund) filter (where day >= getvariable('period_start')), 0) as in_period,
         coalesce(sum(refund), 0) as ever
  from given_back
),
ever as (
  select count(*) as orders, coalesce(sum(revenue - refund), 0) as net, min(order_date) as first_order, max(order_date) as last_order
  from sold
)
select p.orders::integer as orders,
       (p.sales - p.order_refunds - r.in_period)::double as revenue,
       p.sales::double as sales,
       (p.order_refunds + r.in_period)::double as refunds,
       case when p.orders > 0 and p.lines_without_cost = 0 then p.sales - p.order_refunds - r.in_period - p.cost end::double as profit,
       e.first_order::timestamp as first_order,
       e.last_order::timestamp as last_order,
       e.orders::integer as lifetime_orders,
       (e.net - r.ever)::double as lifetime_revenue
from in_period p, refunded r, ever e
