-- id: repeat_customer_rate
-- version: 2
-- title: Repeat customer rate
-- needs: customer_orders(customer_id, order_date)
-- view: metric
-- headline: rate percent
-- better: higher
-- param: min_orders integer = 2 | Orders a customer needs to count as a repeat customer
-- columns: customers integer, repeat_customers integer, rate double
-- Of the customers who bought in the period, the share who placed at least `min_orders`
-- orders in it (distinct order ids; cancelled and zero-revenue orders do not count).
-- Version 2 reads the prepared customer_orders (one row per sale, built once per
-- load) instead of every order line of all history; its answers are version 1's.
with counts as (
  select customer_id, count(*) as orders
  from customer_orders
  where order_date >= getvariable('period_start')
    and order_date < getvariable('period_end') + interval 1 day
  group by all
)
select count(*)::integer as customers,
       count(*) filter (where orders >= getvariable('min_orders'))::integer as repeat_customers,
       (count(*) filter (where orders >= getvariable('min_orders')) / nullif(count(*), 0))::double as rate
from counts
