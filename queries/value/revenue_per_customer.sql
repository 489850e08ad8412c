-- id: revenue_per_customer
-- version: 2
-- title: Average revenue per customer
-- needs: customer_orders(customer_id, order_date, revenue, refund)
-- view: line(month, revenue_per_customer)
-- headline: revenue_per_customer currency
-- columns: month date, customers integer, revenue double, revenue_per_customer double
-- Net revenue (revenue - refunds) from identified customers in the period divided by the
-- number of customers who bought in it, by month and for the period (a customer buying in
-- two months counts once in the period). Guest orders are left out.
-- Version 2 reads the prepared customer_orders (one row per sale, built once per
-- load) instead of every order line of all history; its answers are version 1's.
with sales as (
  select customer_id, order_date, revenue - refund as net
  from customer_orders
  where order_date >= getvariable('period_start')
    and order_date < getvariable('period_end') + interval 1 day
)
select date_trunc('month', order_date)::date as month,
       count(distinct customer_id)::integer as customers,
       sum(net)::double as revenue,
       (sum(net) / count(distinct customer_id))::double as revenue_per_customer
from sales
group by grouping sets ((date_trunc('month', order_date)::date), ())
order by month nulls first
