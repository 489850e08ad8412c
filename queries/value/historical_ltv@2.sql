-- id: historical_ltv
-- version: 2
-- title: Historical lifetime value
-- needs: customer_orders(customer_id, revenue, refund, first_at)
-- view: bar(ltv_band, customers)
-- headline: average_ltv currency
-- better: higher
-- columns: ltv_band double, customers integer, average_ltv double
-- What customers acquired in the period have spent so far: each one's net revenue over all
-- their orders to date (not only those in the period), averaged, with the distribution in
-- bands of 50 (the band's lower bound; 1000 holds everything from 1000 up). This looks back; predicted value is in the
-- lifetime-value cells.
-- Version 2 reads the prepared customer_orders (one row per sale, built once per
-- load) instead of every order line of all history; its answers are version 1's, except that
-- the band is read from the amount rounded to a millionth: sums added up in another order can
-- land a hair below a band's edge (149.99999999999997 for 150).
with cohort as (
  select customer_id, sum(revenue - refund) as ltv
  from customer_orders
  where first_at >= getvariable('period_start')
    and first_at < getvariable('period_end') + interval 1 day
  group by all
)
select least(floor(round(ltv, 6) / 50) * 50, 1000)::double as ltv_band,
       count(*)::integer as customers,
       avg(ltv)::double as average_ltv
from cohort
group by grouping sets ((least(floor(round(ltv, 6) / 50) * 50, 1000)), ())
order by ltv_band nulls first
