-- id: acquisition_mix
-- version: 2
-- title: New customers and their revenue by channel
-- needs: customer_orders(customer_id, order_date, revenue, refund, first_at, first_channel)
-- view: hbar(channel, new_customers)
-- headline: new_customers integer
-- better: higher
-- show: channel category | Channel
-- show: new_customers integer | New customers
-- show: revenue currency | Their net revenue
-- show: share percent | Share of new customers
-- columns: channel varchar, new_customers integer, revenue double, share double
-- New customers of the period by the channel that brought them in (the channel of their first
-- order), with the net revenue (sales less refunds) those customers spent in the period. Shows
-- which channels bring customers who go on to spend.

-- The channel is the order export's channel of the customer's first sale, which is where the
-- customer came from. Version 2 reads the prepared customer_orders (one row per sale, built once
-- per load) instead of every order line of all history; its answers are version 1's.
with new_in_period as (
  -- a customer is new in the period when their first sale is in it; all their orders are then
  -- on or after the period's start
  select customer_id,
         any_value(first_channel) as channel,
         sum(revenue - refund) filter (where order_date < getvariable('period_end') + interval 1 day) as revenue
  from customer_orders
  where first_at >= getvariable('period_start')
    and first_at < getvariable('period_end') + interval 1 day
  group by customer_id
)
select channel,
       count(*)::integer as new_customers,
       coalesce(sum(revenue), 0)::double as revenue,
       -- the window also sums the total row, which equals the sum of the channels: hence 2 x
       (2.0 * count(*) / sum(count(*)) over ())::double as share
from new_in_period
group by grouping sets ((channel), ())
order by new_customers desc, channel nulls first
