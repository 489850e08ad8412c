-- id: inactive_customers
-- version: 1
-- title: New, lost and loyal customers
-- needs: orders(customer_id, order_date, revenue, status)
-- view: bar(month, customers, kind)
-- headline: lost_rate percent
-- param: window_days integer = 180 | Days without an order after which a customer counts as lost
-- columns: month date, kind varchar, customers integer, lost_rate double
-- Month by month in the period: new customers (first sale ever that month), loyal customers
-- (bought that month and also before), and lost customers (their last sale was exactly
-- `window_days` before a day of that month, so the window ran out then with no order since).
-- The headline is the share of customers active at the period's start (bought in the
-- `window_days` before it) who were lost by its end (no sale in the last `window_days`).
with sales as (
  select customer_id, order_date
  from orders
  where customer_id is not null
    and revenue > 0
    and coalesce(status, '') <> 'cancelled'
),
per_customer as (
  select customer_id, min(order_date) as first_at
  from sales
  group by all
),
months as (
  select distinct date_trunc('month', s.order_date)::date as month, s.customer_id, p.first_at
  from sales s
  join per_customer p using (customer_id)
  where s.order_date >= getvariable('period_start')
    and s.order_date < getvariable('period_end') + interval 1 day
),
lapses as (
  select customer_id,
         order_date + getvariable('window_days') * interval 1 day as lost_at
  from (select customer_id, order_date, lead(order_date) over (partition by customer_id order by order_date) as next_at from sales)
  where next_at is null or next_at > order_date + getvariable('window_days') * interval 1 day
),
series as (
  select month, case when first_at >= month then 'new' else 'loyal' end as kind, count(*) as customers
  from months
  group by all
  union all
  select date_trunc('month', lost_at)::date, 'lost', count(*)
  from lapses
  where lost_at >= getvariable('period_start')
    and lost_at < getvariable('period_end') + interval 1 day
  group by all
),
active_at_start as (
  select distinct customer_id
  from sales
  where order_date >= getvariable('period_start') - getvariable('window_days') * interval 1 day
    and order_date < getvariable('period_start')
),
active_at_end as (
  select distinct customer_id
  from sales
  where order_date >= getvariable('period_end') + interval 1 day - getvariable('window_days') * interval 1 day
    and order_date < getvariable('period_end') + interval 1 day
)
select null::date as month,
       null::varchar as kind,
       (select count(*) from active_at_start)::integer as customers,
       ((select count(*) from active_at_start s where s.customer_id not in (select customer_id from active_at_end))
         / nullif((select count(*) from active_at_start), 0))::double as lost_rate
union all
select month, kind, customers::integer, null::double
from series
order by month nulls first, kind
