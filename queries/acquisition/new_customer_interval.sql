-- id: new_customer_interval
-- version: 2
-- title: A new customer every…
-- needs: customer_orders(order_number, first_at)
-- view: metric
-- headline: minutes_between interval
-- better: lower
-- show: new_customers integer | New customers
-- show: minutes_between interval | Time between new customers
-- show: hours_between hours | Hours between new customers
-- columns: new_customers integer, minutes_between double, hours_between double
-- How often the shop wins a new customer: the length of the period divided by the number of
-- customers who bought for the first time in it. The shorter, the better.

-- New as in new_customers: first sale ever falls in the period. Version 2 reads the prepared
-- customer_orders (one row per sale, built once per load) instead of every order line of all
-- history; its answers are version 1's.
with counted as (
  select count(*) as n
  from customer_orders
  where order_number = 1
    and first_at >= getvariable('period_start')
    and first_at < getvariable('period_end') + interval 1 day
)
select n::integer as new_customers,
       (date_diff('day', getvariable('period_start'), getvariable('period_end')) + 1) * 1440.0 / nullif(n, 0) as minutes_between,
       (date_diff('day', getvariable('period_start'), getvariable('period_end')) + 1) * 24.0 / nullif(n, 0) as hours_between
from counted
