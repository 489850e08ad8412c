-- id: repeat_customer_rate
-- version: 1
-- title: Repeat customer rate
-- needs: orders(customer_id, order_id, order_date, revenue, status)
-- view: metric
-- headline: rate percent
-- better: higher
-- param: min_orders integer = 2 | Orders a customer needs to count as a repeat customer
-- columns: customers integer, repeat_customers integer, rate double
-- Of the customers who bought in the period, the share who placed at least `min_orders`
-- orders in it (distinct order ids; cancelled and zero-revenue orders do not count).
with counts as (
  select customer_id, count(distinct order_id) as orders
  from orders
  where customer_id is not null
    and revenue > 0
    and coalesce(status, '') <> 'cancelled'
    and order_date >= getvariable('period_start')
    and order_date < getvariable('period_end') + interval 1 day
  group by all
)
select count(*)::integer as customers,
       count(*) filter (where orders >= getvariable('min_orders'))::integer as repeat_customers,
       (count(*) filter (where orders >= getvariable('min_orders')) / nullif(count(*), 0))::double as rate
from counts
