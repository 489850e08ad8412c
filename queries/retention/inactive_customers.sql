-- id: inactive_customers
-- version: 2
-- title: New, lost and loyal customers
-- needs: customer_orders(customer_id, order_date, first_at, previous_at, next_at)
-- view: bar(month, customers, kind)
-- headline: lost_rate percent
-- better: lower
-- param: window_days integer = 180 | Days without an order after which a customer counts as lost
-- input: window_days 7..1095 days
-- show: month month | Month
-- show: kind category | Customer group
-- show: customers integer | Customers
-- show: lost_rate percent | Share lost
-- columns: month date, kind varchar, customers integer, lost_rate double
-- Month by month: new customers (first purchase that month), loyal customers (bought that month and
-- before) and lost customers (that month they reached the number of days without an order you set).
-- The headline is the share of the customers active at the start of the period who were lost by its
-- end. Lower is better.

-- Lost in a month: their last sale was exactly `window_days` before a day of that month, so the
-- window ran out then with no order since. Active at the start: bought in the `window_days` before
-- it; lost by the end: no sale in the last `window_days`. Version 2 reads the prepared
-- customer_orders (one row per sale, built once per load) instead of every order line of all
-- history; its answers are version 1's.
with months as (
  -- each customer once a month: their first order in the period's part of it
  select date_trunc('month', order_date)::date as month, first_at
  from customer_orders
  where order_date >= getvariable('period_start')
    and order_date < getvariable('period_end') + interval 1 day
    and (previous_at is null or previous_at < greatest(date_trunc('month', order_date), getvariable('period_start')))
),
lapses as (
  select order_date + getvariable('window_days') * interval 1 day as lost_at
  from customer_orders
  -- orders whose window runs out in the period
  where order_date >= getvariable('period_start') - getvariable('window_days') * interval 1 day
    and order_date < getvariable('period_end') + interval 1 day - getvariable('window_days') * interval 1 day
    and (next_at is null or next_at > order_date + getvariable('window_days') * interval 1 day)
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
-- each customer once: their last order in the window before the period
active_at_start as (
  select customer_id
  from customer_orders
  where order_date >= getvariable('period_start') - getvariable('window_days') * interval 1 day
    and order_date < getvariable('period_start')
    and (next_at is null or next_at >= getvariable('period_start'))
),
-- each customer once: their first order in the window that ends with the period
active_at_end as (
  select customer_id
  from customer_orders
  where order_date >= getvariable('period_end') + interval 1 day - getvariable('window_days') * interval 1 day
    and order_date < getvariable('period_end') + interval 1 day
    and (previous_at is null or previous_at < getvariable('period_end') + interval 1 day - getvariable('window_days') * interval 1 day)
)
select null::date as month,
       null::varchar as kind,
       (select count(*) from active_at_start)::integer as customers,
       ((select count(*) from active_at_start s where not exists (select 1 from active_at_end e where e.customer_id = s.customer_id))
         / nullif((select count(*) from active_at_start), 0))::double as lost_rate
union all
select month, kind, customers::integer, null::double
from series
order by month nulls first, kind
