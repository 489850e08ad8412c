-- id: historical_ltv
-- version: 1
-- title: Historical lifetime value
-- needs: orders(customer_id, order_date, revenue, refund, status)
-- view: bar(ltv_band, customers)
-- headline: average_ltv currency
-- columns: ltv_band double, customers integer, average_ltv double
-- What customers acquired in the period have spent so far: each one's net revenue over all
-- their orders to date (not only those in the period), averaged, with the distribution in
-- bands of 50 (the band's lower bound; 1000 holds everything from 1000 up). This looks back; predicted value is in the
-- lifetime-value cells.
with firsts as (
  select customer_id, min(order_date) as first_at, sum(revenue - coalesce(refund, 0)) as ltv
  from orders
  where customer_id is not null
    and revenue > 0
    and coalesce(status, '') <> 'cancelled'
  group by all
),
cohort as (
  select ltv
  from firsts
  where first_at >= getvariable('period_start')
    and first_at < getvariable('period_end') + interval 1 day
)
select least(floor(ltv / 50) * 50, 1000)::double as ltv_band,
       count(*)::integer as customers,
       avg(ltv)::double as average_ltv
from cohort
group by grouping sets ((least(floor(ltv / 50) * 50, 1000)), ())
order by ltv_band nulls first
