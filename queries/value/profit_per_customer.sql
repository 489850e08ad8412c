-- id: profit_per_customer
-- version: 2
-- title: Average profit per customer
-- needs: customer_orders(customer_id, order_date, revenue, refund, cost)
-- view: line(month, profit_per_customer)
-- headline: profit_per_customer currency
-- columns: month date, customers integer, profit double, profit_per_customer double
-- Revenue - cost of goods - refunds of identified customers' sales in the period, divided by
-- the customers who bought. A line without a cost counts as cost 0 (so profit reads high
-- when costs are missing). Cancelled orders are left out; guest orders too.
-- Version 2 reads the prepared customer_orders (one row per sale, built once per
-- load) instead of every order line of all history; its answers are version 1's.
with sales as (
  select customer_id, order_date, revenue - cost - refund as profit
  from customer_orders
  where order_date >= getvariable('period_start')
    and order_date < getvariable('period_end') + interval 1 day
)
select date_trunc('month', order_date)::date as month,
       count(distinct customer_id)::integer as customers,
       sum(profit)::double as profit,
       (sum(profit) / count(distinct customer_id))::double as profit_per_customer
from sales
group by grouping sets ((date_trunc('month', order_date)::date), ())
order by month nulls first
