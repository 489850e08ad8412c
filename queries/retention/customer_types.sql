-- id: customer_types
-- version: 3
-- title: Customers by paid orders ever: trial only, one, two or more
-- needs: orders(customer_id, order_date, revenue, status); customer_orders(customer_id, order_date, previous_at, next_at, paid_number)
-- view: hbar(kind, customers)
-- headline: ever_repeat_share percent
-- better: higher
-- show: kind category | Customer type
-- show: customers integer | Customers
-- show: share percent | Share of customers
-- show: ever_repeat_share percent | Repeat customers
-- columns: kind varchar, customers integer, share double, ever_repeat_share double
-- Customers who ordered in the period, by the paid orders they have placed up to its end, earlier
-- ones included: trial only (free orders only), one-time (one paid order) or repeat (two or more).
-- The headline is the share of repeat customers; the share who ordered again within the period is
-- the customer return rate.

-- Trial only: only free-trial or zero-revenue orders. Trial customers who went on to pay count as
-- one-time or repeat. Version 3 renamed the cell and its headline column (repeat_share); its
-- numbers are version 2's.
with active as (
  -- customers with a sale in the period (their first order in it, so each once)
  select customer_id
  from customer_orders
  where order_date >= getvariable('period_start')
    and order_date < getvariable('period_end') + interval 1 day
    and (previous_at is null or previous_at < getvariable('period_start'))
  union
  -- and customers with other lines in it: free trials, zero revenue
  select customer_id
  from orders
  where customer_id is not null
    and not coalesce(revenue > 0, false)
    and coalesce(status, '') <> 'cancelled'
    and order_date >= getvariable('period_start')
    and order_date < getvariable('period_end') + interval 1 day
),
-- each customer's last sale up to the period's end carries their paid orders so far
paid_orders as (
  select customer_id, paid_number as orders
  from customer_orders
  where order_date < getvariable('period_end') + interval 1 day
    and (next_at is null or next_at >= getvariable('period_end') + interval 1 day)
),
kinds as (
  select a.customer_id,
         case coalesce(p.orders, 0) when 0 then 'trial only' when 1 then 'one-time' else 'repeat' end as kind
  from active a
  left join paid_orders p using (customer_id)
)
select kind,
       count(*)::integer as customers,
       (2.0 * count(*) / sum(count(*)) over ())::double as share,
       case when grouping(kind) = 1 then (count(*) filter (where kind = 'repeat') / count(*)) end::double as ever_repeat_share
from kinds
group by grouping sets ((kind), ())
order by kind nulls first
