-- id: retention_rate
-- version: 2
-- title: Retention rate
-- needs: customer_orders(customer_id, order_date)
-- view: line(month, retention_rate)
-- headline: retention_rate percent
-- columns: month date, previous_customers integer, retained integer, retention_rate double
-- Of the customers who bought in one stretch of time, the share who bought again in the next.
-- The headline compares the period with the one of the same length just before it (churn
-- rate is its complement); the line does it month by month, each calendar month the period
-- touches (taken whole) against the month before. Guest orders, cancelled orders and
-- zero-revenue orders do not make a customer active.
-- Version 2 reads the prepared customer_orders (one row per sale, built once per
-- load) instead of every order line of all history; its answers are version 1's.
with bounds as (
  select getvariable('period_start')::date as s,
         getvariable('period_end')::date as e,
         date_diff('day', getvariable('period_start'), getvariable('period_end')) + 1 as len
),
previous_period as (
  select distinct customer_id
  from customer_orders, bounds
  where order_date >= s - len * interval 1 day
    and order_date < s
),
this_period as (
  select distinct customer_id
  from customer_orders, bounds
  where order_date >= s
    and order_date < e + interval 1 day
),
-- the months the line needs: the one before the period's first month up to its last
active_months as (
  select distinct customer_id, date_trunc('month', order_date)::date as month
  from customer_orders
  where order_date >= date_trunc('month', getvariable('period_start')) - interval 1 month
    and date_trunc('month', order_date)::date <= getvariable('period_end')
),
monthly as (
  select (p.month + interval 1 month)::date as month,
         count(*) as previous_customers,
         count(c.customer_id) as retained
  from active_months p
  left join active_months c
    on c.customer_id = p.customer_id
   and c.month = (p.month + interval 1 month)::date
  where p.month + interval 1 month >= date_trunc('month', getvariable('period_start'))
    and p.month + interval 1 month <= getvariable('period_end')
  group by all
)
select null::date as month,
       count(*)::integer as previous_customers,
       count(c.customer_id)::integer as retained,
       (count(c.customer_id) / nullif(count(*), 0))::double as retention_rate
from previous_period p
left join this_period c using (customer_id)
union all
select month,
       previous_customers::integer,
       retained::integer,
       (retained / previous_customers)::double
from monthly
order by month nulls first
