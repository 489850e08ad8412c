-- id: churn_rate
-- version: 2
-- title: Churn rate
-- needs: customer_orders(order_date, next_at)
-- view: metric
-- headline: churn_rate percent
-- better: lower
-- columns: previous_customers integer, retained integer, churned integer, churn_rate double, retention_rate double
-- Customers who bought in the previous period of the same length and did not buy in this
-- one, as a share of the previous period's customers; retention is its complement. For a
-- store without subscriptions this depends on the period's length: see also "Lost
-- customers" (inactive_customers), which uses a fixed inactivity window.
-- Version 2 reads the prepared customer_orders (one row per sale, built once per
-- load) instead of every order line of all history; its answers are version 1's.
with bounds as (
  select getvariable('period_start')::date as s,
         getvariable('period_end')::date as e,
         date_diff('day', getvariable('period_start'), getvariable('period_end')) + 1 as len
),
-- each customer of the previous period once: their last order in it (the next one, if any,
-- falls on or after the period's start); they stayed when that next order falls in the period
last_in_previous as (
  select next_at is not null and next_at < e + interval 1 day as stayed
  from customer_orders, bounds
  where order_date >= s - len * interval 1 day
    and order_date < s
    and (next_at is null or next_at >= s)
)
select count(*)::integer as previous_customers,
       count(*) filter (where stayed)::integer as retained,
       count(*) filter (where not stayed)::integer as churned,
       (count(*) filter (where not stayed) / nullif(count(*), 0))::double as churn_rate,
       (count(*) filter (where stayed) / nullif(count(*), 0))::double as retention_rate
from last_in_previous
