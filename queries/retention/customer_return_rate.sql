-- id: customer_return_rate
-- version: 3
-- title: Customer return rate
-- needs: customer_orders(order_date, previous_at, next_at)
-- view: line(month, rate)
-- headline: rate percent
-- better: higher
-- show: month month | Month
-- show: customers integer | Customers
-- show: returned integer | Came back
-- show: rate percent | Return rate
-- columns: month date, customers integer, returned integer, rate double
-- Of the customers who bought in the period, the share who came back and ordered again within it.
-- The line groups customers by the month of their first order in the period, so those who first
-- bought in its last days have had little time to come back. Customers who had bought before the
-- period are counted in Returning customers.

-- Came back: placed another order after their first order in the period, within the period. This is
-- also the period's repeat customer rate (customers with two or more orders in it), which no longer
-- has a cell of its own. Version 3 follows the definition above; version 2 counted customers who
-- had bought before the period, and with definition 'refunds' customers who got money back.
with firsts as (
  -- each customer of the period once: their first order in it, and whether another followed in it
  select date_trunc('month', order_date)::date as month,
         next_at is not null and next_at < getvariable('period_end') + interval 1 day as returned
  from customer_orders
  where order_date >= getvariable('period_start')
    and order_date < getvariable('period_end') + interval 1 day
    and (previous_at is null or previous_at < getvariable('period_start'))
)
select month,
       count(*)::integer as customers,
       count(*) filter (where returned)::integer as returned,
       (count(*) filter (where returned) / count(*))::double as rate
from firsts
group by grouping sets ((month), ())
order by month nulls first
