-- id: retention_rate
-- version: 3
-- title: Retention rate (churn is what is left)
-- needs: customer_orders(order_date, next_at)
-- view: line(month, retention_rate)
-- headline: retention_rate percent
-- better: higher
-- show: month month | Month
-- show: previous_customers integer | Customers the month before
-- show: retained integer | Retained
-- show: churned integer | Churned
-- show: retention_rate percent | Retention rate
-- show: churn_rate percent | Churn rate
-- columns: month date, previous_customers integer, retained integer, churned integer, retention_rate double, churn_rate double
-- Of the customers who bought in the period of the same length just before this one, the share who
-- bought again in this one; the line does the same for each calendar month against the month
-- before. Churn is the rest: the customers who did not buy again, and their share. Without
-- subscriptions this depends on the period's length; New, lost and loyal customers counts a fixed
-- number of days without an order instead.

-- Each calendar month the period touches is taken whole. Churn is 1 - retention. Guest orders,
-- cancelled orders and zero-revenue orders do not make a customer active. Version 3 adds churn
-- beside retention (it replaces the churn_rate module, which computed the same number in a second
-- query); its retention is version 2's.
with bounds as (
  select getvariable('period_start')::date as s,
         getvariable('period_end')::date as e,
         date_diff('day', getvariable('period_start'), getvariable('period_end')) + 1 as len
),
-- each customer of a stretch once: their last order in it; they stayed when their next order
-- falls in the stretch that follows
last_in_previous as (
  select next_at is not null and next_at < e + interval 1 day as stayed
  from customer_orders, bounds
  where order_date >= s - len * interval 1 day
    and order_date < s
    and (next_at is null or next_at >= s)
),
last_in_month as (
  select (date_trunc('month', order_date) + interval 1 month)::date as month,
         next_at is not null and date_trunc('month', next_at) = date_trunc('month', order_date) + interval 1 month as stayed
  from customer_orders
  -- the months of the line: from the one before the period's first month to the period's last
  where order_date >= date_trunc('month', getvariable('period_start')) - interval 1 month
    and order_date < date_trunc('month', getvariable('period_end')) + interval 1 month
    and (next_at is null or date_trunc('month', next_at) > date_trunc('month', order_date))
    and date_trunc('month', order_date) + interval 1 month >= date_trunc('month', getvariable('period_start'))
    and date_trunc('month', order_date) + interval 1 month <= getvariable('period_end')
)
select null::date as month,
       count(*)::integer as previous_customers,
       count(*) filter (where stayed)::integer as retained,
       count(*) filter (where not stayed)::integer as churned,
       (count(*) filter (where stayed) / nullif(count(*), 0))::double as retention_rate,
       (count(*) filter (where not stayed) / nullif(count(*), 0))::double as churn_rate
from last_in_previous
union all
select month,
       count(*)::integer,
       count(*) filter (where stayed)::integer,
       count(*) filter (where not stayed)::integer,
       (count(*) filter (where stayed) / count(*))::double,
       (count(*) filter (where not stayed) / count(*))::double
from last_in_month
group by month
order by month nulls first
