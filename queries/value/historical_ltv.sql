-- id: historical_ltv
-- version: 3
-- title: Historical lifetime value
-- needs: customer_orders(customer_id, revenue, refund, first_at); customer_refunds(customer_id, refund)
-- view: bar(ltv_band, customers)
-- headline: average_ltv currency
-- better: higher
-- columns: ltv_band double, customers integer, average_ltv double
-- What customers acquired in the period have spent so far: each one's net revenue over all
-- their orders to date (not only those in the period), averaged, with the distribution in
-- bands of 50 (the band's lower bound; 1000 holds everything from 1000 up). Net: sales less
-- the refunds on them and less every refund or credit note the customer was given on its own.
-- This looks back; predicted value is in the lifetime-value cells.
-- Version 3 subtracts stand-alone refunds and credit notes (customer_refunds); version 2 did
-- not. The band is read from the amount rounded to a millionth: sums added up in another
-- order can land a hair below a band's edge (149.99999999999997 for 150).
with cohort as (
  select customer_id, sum(revenue - refund) as spent
  from customer_orders
  where first_at >= getvariable('period_start')
    and first_at < getvariable('period_end') + interval 1 day
  group by all
),
refunds as (
  select customer_id, sum(refund) as refund
  from customer_refunds
  group by all
),
net as (
  select c.spent - coalesce(r.refund, 0) as ltv
  from cohort c
  left join refunds r using (customer_id)
)
select least(floor(round(ltv, 6) / 50) * 50, 1000)::double as ltv_band,
       count(*)::integer as customers,
       avg(ltv)::double as average_ltv
from net
group by grouping sets ((least(floor(round(ltv, 6) / 50) * 50, 1000)), ())
order by ltv_band nulls first
