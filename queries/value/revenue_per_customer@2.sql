-- id: revenue_per_customer
-- version: 2
-- title: Average revenue per customer
-- needs: customer_orders(order_date, revenue, refund, previous_at)
-- view: line(month, revenue_per_customer)
-- headline: revenue_per_customer currency
-- columns: month date, customers integer, revenue double, revenue_per_customer double
-- Net revenue (revenue - refunds) from identified customers in the period divided by the
-- number of customers who bought in it, by month and for the period (a customer buying in
-- two months counts once in the period). Guest orders are left out.
-- Version 2 reads the prepared customer_orders (one row per sale, built once per
-- load) instead of every order line of all history; its answers are version 1's.
with sales as (
  select order_date,
         revenue - refund as value,
         -- the customer's first order in the period's part of its month, and in the period
         previous_at is null or previous_at < greatest(date_trunc('month', order_date), getvariable('period_start')) as first_in_month,
         previous_at is null or previous_at < getvariable('period_start') as first_in_period
  from customer_orders
  where order_date >= getvariable('period_start')
    and order_date < getvariable('period_end') + interval 1 day
)
select date_trunc('month', order_date)::date as month,
       count(*) filter (where first_in_month)::integer as customers,
       sum(value)::double as revenue,
       (sum(value) / count(*) filter (where first_in_month))::double as revenue_per_customer
from sales
group by date_trunc('month', order_date)::date
union all
select null,
       count(*) filter (where first_in_period)::integer,
       sum(value)::double as revenue,
       (sum(value) / count(*) filter (where first_in_period))::double as revenue_per_customer
from sales
order by month nulls first
