-- id: historical_ltv
-- version: 3
-- title: Historical lifetime value
-- needs: customer_orders(customer_id, order_date, revenue, refund, first_at); customer_refunds(customer_id, day, refund)
-- view: bar(ltv_band, customers)
-- headline: average_ltv currency
-- better: higher
-- show: ltv_band currency | Lifetime value from
-- show: customers integer | Customers
-- show: average_ltv currency | Average lifetime value
-- columns: ltv_band double, customers integer, average_ltv double
-- param: within_days integer = null | Count only what happened within this many days of the customer's first order (at least 1); empty: everything up to the period's end
-- input: within_days 1..3650 days
-- What the customers who first bought in the period spent on average from their first order to the
-- end of the period (or within the number of days you set, whichever ends first), net of refunds,
-- with how many fall in each band of 50 (the last holds 1,000 and up). Spending stops at the end of
-- the period, so a period compares fairly with the one before it. This looks back; predicted value
-- is in the lifetime-value section.

-- Net: sales less the refunds on them and less every refund or credit note the customer was given
-- on its own in the same window. Version 3 stops each customer's spend at the period's end and
-- subtracts stand-alone refunds; version 2 counted every order to the data's last day, so an older
-- cohort had had longer to spend, and left stand-alone refunds out. The band is read from the
-- amount rounded to a millionth: sums added up in another order can land a hair below a band's
-- edge.
with cohort as (
  select customer_id,
         min(first_at) as first_at,
         sum(revenue - refund) as spent
  from customer_orders
  where first_at >= getvariable('period_start')
    and first_at < getvariable('period_end') + interval 1 day
    and order_date < getvariable('period_end') + interval 1 day
    and (getvariable('within_days') is null
      or order_date < first_at + to_days(greatest(getvariable('within_days'), 1)))
  group by all
),
refunds as (
  select c.customer_id, sum(r.refund) as refund
  from cohort c
  join customer_refunds r using (customer_id)
  where r.day <= getvariable('period_end')
    and (getvariable('within_days') is null
      or r.day < c.first_at + to_days(greatest(getvariable('within_days'), 1)))
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
