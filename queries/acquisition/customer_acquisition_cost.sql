-- id: customer_acquisition_cost
-- version: 2
-- title: Customer acquisition cost
-- needs: customer_orders(order_number, first_at, first_channel); marketing_spend(day, channel, spend)
-- view: bar(channel, cac)
-- headline: cac currency
-- better: lower
-- show: channel category | Channel
-- show: spend currency | Marketing spend
-- show: new_customers integer | New customers
-- show: cac currency | Acquisition cost
-- columns: channel varchar, spend double, new_customers integer, cac double
-- What it cost to win one new customer in the period: each channel's marketing spend divided by the
-- customers who bought for the first time through that channel. The total divides all spend by all
-- new customers, including those from unpaid channels. A channel with spend but no new customer
-- shows no cost.

-- New: first sale ever in the period. The total row is the blended CAC. A channel with spend and no
-- new customers has no CAC (NULL) rather than an infinite one. Version 2 reads the prepared
-- customer_orders (one row per sale, built once per load) instead of every order line of all
-- history; its answers are version 1's.
with acquired as (
  select first_channel as channel, count(*) as new_customers
  from customer_orders
  where order_number = 1
    and first_at >= getvariable('period_start')
    and first_at < getvariable('period_end') + interval 1 day
  group by all
),
spent as (
  select channel, sum(spend) as spend
  from marketing_spend
  where day between getvariable('period_start') and getvariable('period_end')
  group by all
),
joined as (
  select coalesce(s.channel, a.channel) as channel,
         coalesce(s.spend, 0) as spend,
         coalesce(a.new_customers, 0) as new_customers
  from spent s
  full join acquired a on a.channel = s.channel
)
select channel,
       sum(spend)::double as spend,
       sum(new_customers)::integer as new_customers,
       (sum(spend) / nullif(sum(new_customers), 0))::double as cac
from joined
group by grouping sets ((channel), ())
having grouping(channel) = 1 or sum(spend) > 0
order by channel nulls first
