-- id: customer_return_rate
-- version: 1
-- title: Customer return rate
-- needs: orders(customer_id, order_date, revenue, refund, status)
-- view: line(month, rate)
-- headline: rate percent
-- param: definition varchar = returning | 'returning': customers who had bought before; 'refunds': customers who got money back
-- columns: month date, customers integer, returning integer, rate double
-- Of the customers who bought in the period, the share who were returning customers: they had
-- a sale before (before the period for the headline, before the month for each month). With
-- definition 'refunds' it is the share who returned goods instead: had a refund on a sale of
-- the period. Month by month and for the whole period.
with sales as (
  select customer_id, order_date, coalesce(refund, 0) > 0 as refunded
  from orders
  where customer_id is not null
    and revenue > 0
    and coalesce(status, '') <> 'cancelled'
),
firsts as (
  select customer_id, min(order_date) as first_at
  from sales
  group by all
),
in_period as (
  select s.customer_id, date_trunc('month', s.order_date)::date as month, f.first_at, s.refunded
  from sales s
  join firsts f using (customer_id)
  where s.order_date >= getvariable('period_start')
    and s.order_date < getvariable('period_end') + interval 1 day
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
