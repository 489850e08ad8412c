-- id: top_customer_share
-- version: 3
-- title: Revenue from the top 20% of customers
-- needs: customer_orders(customer_id, order_date, revenue, refund)
-- view: area(customer_share, revenue_share)
-- headline: revenue_share percent
-- param: top_share double = 0.2 | The share of best customers the headline looks at
-- columns: customer_share double, revenue_share double
-- Customers who bought in the period, ranked by their net revenue in it: the Pareto curve of
-- the cumulative share of revenue against the share of customers (in 1% steps), and as
-- headline the share of revenue from the best `top_share` of customers, rounded up to a whole
-- customer (the top 20% of 3 customers is 1 customer); ties are broken by customer id.
-- Percentiles are worked out on whole numbers: the 11th of 20 customers sits at 0.55 (in
-- floating point, 11 / 20 * 100 rounds up to 56).
-- Version 3 reads the prepared customer_orders (one row per sale, built once per
-- load) instead of every order line of all history; its answers are version 2's.
with spend as (
  select customer_id, sum(revenue - refund) as net
  from customer_orders
  where order_date >= getvariable('period_start')
    and order_date < getvariable('period_end') + interval 1 day
  group by all
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
