-- id: customer_return_rate
-- version: 2
-- title: Customer return rate
-- needs: customer_orders(customer_id, order_date, refunded, first_at, previous_at)
-- view: line(month, rate)
-- headline: rate percent
-- param: definition varchar = returning | 'returning': customers who had bought before; 'refunds': customers who got money back
-- columns: month date, customers integer, returning integer, rate double
-- Of the customers who bought in the period, the share who were returning customers: they had
-- a sale before (before the period for the headline, before the month for each month). With
-- definition 'refunds' it is the share who returned goods instead: had a refund on a sale of
-- the period. Month by month and for the whole period.
-- Version 2 reads the prepared customer_orders (one row per sale, built once per
-- load) instead of every order line of all history; its answers are version 1's.
with in_period as (
  select customer_id,
         date_trunc('month', order_date)::date as month,
         first_at,
         refunded,
         -- the customer's first order in the period's part of its month, and in the period
         previous_at is null or previous_at < greatest(date_trunc('month', order_date), getvariable('period_start')) as first_in_month,
         previous_at is null or previous_at < getvariable('period_start') as first_in_period
  from customer_orders
  where order_date >= getvariable('period_start')
    and order_date < getvariable('period_end') + interval 1 day
),
monthly as (
  select month,
         count(*) filter (where first_in_month) as customers,
         count(*) filter (where first_in_month and first_at < month) as returned
  from in_period
  group by month
),
-- customers with a refunded sale, by month: few, so counted directly
refunded as (
  select month, count(distinct customer_id) as customers
  from in_period
  where refunded
  group by month
),
flagged as (
  select m.month,
         m.customers,
         case when getvariable('definition') = 'refunds' then coalesce(r.customers, 0) else m.returned end as returned
  from monthly m
  left join refunded r using (month)
)
select month,
       customers::integer as customers,
       returned::integer as returning,
       (returned / customers)::double as rate
from flagged
union all
select null,
       count(*) filter (where first_in_period)::integer,
       case when getvariable('definition') = 'refunds' then count(distinct customer_id) filter (where refunded) else count(*) filter (where first_in_period and first_at < getvariable('period_start')) end::integer,
       (case when getvariable('definition') = 'refunds' then count(distinct customer_id) filter (where refunded) else count(*) filter (where first_in_period and first_at < getvariable('period_start')) end
         / nullif(count(*) filter (where first_in_period), 0))::double
from in_period
order by month nulls first
