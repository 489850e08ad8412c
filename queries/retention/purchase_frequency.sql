-- id: purchase_frequency
-- version: 2
-- title: Purchase frequency
-- needs: customer_orders(customer_id, order_date, previous_at)
-- view: bar(orders_per_customer, customers)
-- headline: orders_per_customer_avg number
-- better: higher
-- show: orders_per_customer integer | Orders in the period (10 = 10 or more)
-- show: customers integer | Customers
-- show: orders_per_customer_avg number | Average orders per customer
-- show: median_days_between days | Median time between orders
-- columns: orders_per_customer integer, customers integer, orders_per_customer_avg double, median_days_between double
-- How many orders each customer who bought in the period placed in it (10 means 10 or more) and the
-- average, with the median number of days between one order and the same customer's next, over
-- consecutive orders both in the period.

-- Version 2 reads the prepared customer_orders (one row per sale, built once per load) instead of
-- every order line of all history; its answers are version 1's.
with sales as (
  select customer_id, order_date, previous_at
  from customer_orders
  where order_date >= getvariable('period_start')
    and order_date < getvariable('period_end') + interval 1 day
),
gaps as (
  select date_diff('day', previous_at, order_date) as days
  from sales
  where previous_at >= getvariable('period_start')
),
per_customer as (
  select customer_id, count(*) as orders
  from sales
  group by all
)
select least(orders, 10)::integer as orders_per_customer,
       count(*)::integer as customers,
       avg(orders)::double as orders_per_customer_avg,
       case when grouping(least(orders, 10)) = 1 then (select median(days) from gaps) end::double as median_days_between
from per_customer
group by grouping sets ((least(orders, 10)), ())
order by orders_per_customer nulls first
