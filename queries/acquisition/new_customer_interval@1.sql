-- id: new_customer_interval
-- version: 1
-- title: A new customer every…
-- needs: orders(customer_id, order_date, revenue, status)
-- view: metric
-- headline: minutes_between minutes
-- columns: new_customers integer, minutes_between double, hours_between double
-- The length of the period divided by the number of new customers in it: "a new customer
-- every N minutes". New as in new_customers: first sale ever falls in the period.
with first_sale as (
  select customer_id, min(order_date) as first_at
  from orders
  where customer_id is not null
    and revenue > 0
    and coalesce(status, '') <> 'cancelled'
  group by all
),
counted as (
  select count(*) as n
  from first_sale
  where first_at >= getvariable('period_start')
    and first_at < getvariable('period_end') + interval 1 day
)
select n::integer as new_customers,
       (date_diff('day', getvariable('period_start'), getvariable('period_end')) + 1) * 1440.0 / nullif(n, 0) as minutes_between,
       (date_diff('day', getvariable('period_start'), getvariable('period_end')) + 1) * 24.0 / nullif(n, 0) as hours_between
from counted
