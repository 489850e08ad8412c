-- id: top_customer_share
-- version: 4
-- title: Revenue from the top 20% of customers
-- needs: customer_orders(customer_id, order_date, revenue, refund); customer_refunds(customer_id, day, refund)
-- view: area(customer_share, revenue_share)
-- headline: revenue_share percent
-- better: neutral
-- param: top_share double = 0.2 | The share of best customers the headline looks at
-- input: top_share 0.01..0.99 percent
-- show: customer_share percent | Share of customers
-- show: revenue_share percent | Share of revenue
-- columns: customer_share double, revenue_share double
-- How much of the period's net revenue comes from its best customers: customers ranked by what they
-- spent in the period, net of refunds, and the share of revenue from the top share you set (rounded
-- up to a whole customer). The curve shows the cumulative share of revenue against the share of
-- customers.

-- Ranked by net revenue in the period (sales, less the refunds on them, less the refunds and credit
-- notes issued to them on their own in the period); the curve is in 1% steps; the top 20% of 3
-- customers is 1 customer; ties are broken by customer id. A customer whose only line in the period
-- is a refund is not ranked. Percentiles are worked out on whole numbers: the 11th of 20 customers
-- sits at 0.55 (in floating point, 11 / 20 * 100 rounds up to 56). Version 4 subtracts stand-alone
-- refunds and credit notes (customer_refunds); version 3 did not.
with bought as (
  select customer_id, sum(revenue - refund) as net
  from customer_orders
  where order_date >= getvariable('period_start')
    and order_date < getvariable('period_end') + interval 1 day
  group by all
),
refunds as (
  select customer_id, sum(refund) as refund
  from customer_refunds
  where day >= getvariable('period_start')
    and day <= getvariable('period_end')
  group by all
),
spend as (
  select b.customer_id, b.net - coalesce(r.refund, 0) as net
  from bought b
  left join refunds r using (customer_id)
),
ranked as (
  select row_number() over (order by net desc, customer_id) as place,
         count(*) over () as customers,
         sum(net) over (order by net desc, customer_id) / sum(net) over () as revenue_share
  from spend
)
select null::double as customer_share,
       max(revenue_share)::double as revenue_share
from ranked
where place <= ceil(getvariable('top_share') * customers)
union all
select (ceil(place * 100 / customers) / 100)::double as customer_share,
       max(revenue_share)::double as revenue_share
from ranked
group by all
order by customer_share nulls first
