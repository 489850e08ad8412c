-- id: customer_return_rate
-- version: 2
-- title: Customer return rate
-- needs: customer_orders(customer_id, order_date, refunded, first_at)
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
  select customer_id, date_trunc('month', order_date)::date as month, first_at, refunded
  from customer_orders
  where order_date >= getvariable('period_start')
    and order_date < getvariable('period_end') + interval 1 day
),
flagged as (
  select customer_id,
         month,
         case when getvariable('definition') = 'refunds' then bool_or(refunded) else min(first_at) < month end as in_month,
         case when getvariable('definition') = 'refunds' then bool_or(refunded) else min(first_at) < getvariable('period_start') end as in_period
  from in_period
  group by customer_id, month
)
select month,
       count(*)::integer as customers,
       count(*) filter (where in_month)::integer as returning,
       (count(*) filter (where in_month) / count(*))::double as rate
from flagged
group by month
union all
select null, count(*)::integer, count(*) filter (where flag)::integer, (count(*) filter (where flag) / nullif(count(*), 0))::double
from (select customer_id, bool_or(in_period) as flag from flagged group by customer_id)
order by month nulls first
