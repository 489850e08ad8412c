-- id: customer_types
-- version: 1
-- title: Free-trial, one-time and repeat customers
-- needs: orders(customer_id, order_id, order_date, revenue, status, is_trial)
-- view: hbar(kind, customers)
-- headline: repeat_share percent
-- columns: kind varchar, customers integer, share double, repeat_share double
-- Customers with any order in the period, by what they have done up to the period's end:
-- 'trial only' (only free-trial or zero-revenue orders), 'one-time' (one paid order ever) or
-- 'repeat' (two or more). Trial customers who went on to pay count as one-time or repeat.
-- The headline is the repeat customers' share.
with upto as (
  select customer_id, order_id, order_date, revenue > 0 and not coalesce(is_trial, false) as paid
  from orders
  where customer_id is not null
    and coalesce(status, '') <> 'cancelled'
    and order_date < getvariable('period_end') + interval 1 day
),
active as (
  select distinct customer_id
  from upto
  where order_date >= getvariable('period_start')
),
kinds as (
  select customer_id,
         case count(distinct order_id) filter (where paid) when 0 then 'trial only' when 1 then 'one-time' else 'repeat' end as kind
  from upto
  where customer_id in (select customer_id from active)
  group by all
)
select kind,
       count(*)::integer as customers,
       (2.0 * count(*) / sum(count(*)) over ())::double as share,
       case when grouping(kind) = 1 then (count(*) filter (where kind = 'repeat') / count(*)) end::double as repeat_share
from kinds
group by grouping sets ((kind), ())
order by kind nulls first
