-- id: customer_report_monthly
-- version: 1
-- title: Customer orders by month
-- needs: customer_orders(customer_id, order_date, revenue, refund); customer_refunds(customer_id, day, refund)
-- view: bar(month, revenue)
-- param: customer_id varchar = null | The customer
-- show: month month | Month
-- show: orders integer | Orders
-- show: revenue currency | Revenue
-- columns: month date, orders integer, revenue double
-- The customer's orders and net revenue per month, from their first order to the period's end.

-- Months with neither an order nor a refund are left out.
with money as (
  select date_trunc('month', order_date)::date as month, 1 as orders, revenue - refund as revenue
  from customer_orders
  where customer_id = getvariable('customer_id')
    and order_date < getvariable('period_end') + interval 1 day
  union all
  select date_trunc('month', day)::date, 0, -refund
  from customer_refunds
  where customer_id = getvariable('customer_id')
    and day <= getvariable('period_end')
)
select month::date as month,
       sum(orders)::integer as orders,
       sum(revenue)::double as revenue
from money
group by all
order by month
