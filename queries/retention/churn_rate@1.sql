-- id: churn_rate
-- version: 1
-- title: Churn rate
-- needs: orders(customer_id, order_date, revenue, status)
-- view: metric
-- headline: churn_rate percent
-- better: lower
-- columns: previous_customers integer, retained integer, churned integer, churn_rate double, retention_rate double
-- Customers who bought in the previous period of the same length and did not buy in this
-- one, as a share of the previous period's customers; retention is its complement. For a
-- store without subscriptions this depends on the period's length: see also "Lost
-- customers" (inactive_customers), which uses a fixed inactivity window.
with bounds as (
  select getvariable('period_start')::date as s,
         getvariable('period_end')::date as e,
         date_diff('day', getvariable('period_start'), getvariable('period_end')) + 1 as len
),
sales as (
  select distinct customer_id, order_date
  from orders
  where customer_id is not null
    and revenue > 0
    and coalesce(status, '') <> 'cancelled'
),
last_period as (
  select distinct customer_id
  from sales, bounds
  where order_date >= s - len * interval 1 day
    and order_date < s
),
this_period as (
  select distinct customer_id
  from sales, bounds
  where order_date >= s
    and order_date < e + interval 1 day
)
select count(*)::integer as previous_customers,
       count(c.customer_id)::integer as retained,
       (count(*) - count(c.customer_id))::integer as churned,
       ((count(*) - count(c.customer_id)) / nullif(count(*), 0))::double as churn_rate,
       (count(c.customer_id) / nullif(count(*), 0))::double as retention_rate
from last_period p
left join this_period c using (customer_id)
