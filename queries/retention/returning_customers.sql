-- id: returning_customers
-- version: 1
-- title: Returning customers (bought before the period)
-- needs: customer_orders(order_date, first_at, previous_at)
-- view: line(month, rate)
-- headline: rate percent
-- better: higher
-- show: month month | Month
-- show: customers integer | Customers
-- show: returning integer | Returning customers
-- show: rate percent | Share returning
-- columns: month date, customers integer, returning integer, rate double
-- Of the customers who bought in the period, the share who had already bought before it; month by
-- month, the share of the month's customers who had bought before that month. Cancelled orders,
-- free orders and guest checkouts do not count. The share who came back after their first order in
-- the period is the customer return rate.

-- Cancelled and zero-revenue orders are not sales; guest orders (no customer id) are left out.
with in_period as (
  select date_trunc('month', order_date)::date as month,
         first_at,
         -- the customer's first order in the period's part of its month, and in the period
         previous_at is null or previous_at < greatest(date_trunc('month', order_date), getvariable('period_start')) as first_in_month,
         previous_at is null or previous_at < getvariable('period_start') as first_in_period
  from customer_orders
  where order_date >= getvariable('period_start')
    and order_date < getvariable('period_end') + interval 1 day
)
select month,
       count(*) filter (where first_in_month)::integer as customers,
       count(*) filter (where first_in_month and first_at < month)::integer as returning,
       (count(*) filter (where first_in_month and first_at < month) / count(*) filter (where first_in_month))::double as rate
from in_period
group by month
union all
select null,
       count(*) filter (where first_in_period)::integer,
       count(*) filter (where first_in_period and first_at < getvariable('period_start'))::integer,
       (count(*) filter (where first_in_period and first_at < getvariable('period_start')) / nullif(count(*) filter (where first_in_period), 0))::double
from in_period
order by month nulls first
