-- id: cohort_retention
-- version: 2
-- title: Monthly cohort retention
-- needs: customer_orders(order_date, order_number, first_at, previous_at)
-- view: heatmap(month_offset, cohort, retention)
-- show: cohort month | First order month
-- show: month_offset integer | Months since first order
-- show: customers integer | Customers buying
-- show: retention percent | Share still buying
-- columns: cohort varchar, month_offset integer, customers integer, retention double
-- Customers grouped by the month they first bought (first purchases in the period), and for each
-- month from then on the share of them who bought in that month. Month 0 is the first month, always
-- 100%; the months run to the end of the period.

-- Cohorts are the months of the first sale ever; offsets run to the period's end. Version 2 reads
-- the prepared customer_orders (one row per sale, built once per load) instead of every order line
-- of all history; its answers are version 1's.
with sales as (
  select order_number,
         -- the customer's first order in its month: each customer counts once a month
         previous_at is null or previous_at < date_trunc('month', order_date) as first_in_month,
         date_trunc('month', order_date)::date as month,
         date_trunc('month', first_at)::date as cohort
  from customer_orders
  where date_trunc('month', first_at)::date >= date_trunc('month', getvariable('period_start'))
    and date_trunc('month', first_at)::date <= getvariable('period_end')
),
sizes as (
  select cohort, count(*) as size
  from sales
  where order_number = 1
  group by all
),
activity as (
  select cohort, date_diff('month', cohort, month) as month_offset, count(*) as customers
  from sales
  where month <= getvariable('period_end')
    and first_in_month
  group by all
)
select strftime(a.cohort, '%Y-%m') as cohort,
       a.month_offset::integer as month_offset,
       a.customers::integer as customers,
       (a.customers / z.size)::double as retention
from activity a
join sizes z using (cohort)
order by cohort, month_offset
