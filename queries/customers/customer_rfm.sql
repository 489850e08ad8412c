-- id: customer_rfm
-- version: 1
-- title: RFM scores per customer
-- needs: customer_orders(customer_id, order_date, revenue, refund, cost, lines_without_cost, first_at); customer_refunds(customer_id, day, refund)
-- uses: rfm_segment_map@1
-- view: table
-- show: customer_id text | Customer
-- show: first_order date | First order
-- show: last_order date | Last order
-- show: orders integer | Orders
-- show: sales currency | Sales
-- show: refunds currency | Refunds
-- show: revenue currency | Revenue
-- show: profit currency | Profit
-- show: recency_days integer | Days since last order
-- show: frequency integer | Frequency
-- show: monetary currency | Monetary
-- show: r integer | R
-- show: f integer | F
-- show: m integer | M
-- show: fm integer | FM
-- show: rfm_segment category | RFM segment
-- columns: customer_id varchar, first_order timestamp, last_order timestamp, orders integer, sales double, refunds double, revenue double, profit double, recency_days integer, frequency integer, monetary double, r integer, f integer, m integer, fm integer, rfm_segment varchar
-- Every customer with a sale in the period, scored 1 to 5 on recency (days from their last sale to
-- the period's end), frequency (their orders in the period) and monetary value (their net revenue
-- in the period), each in fifths of the customers in scope, and named by the segment their recency
-- and combined frequency-and-monetary scores fall in.

-- The one definition of RFM: customer_facts, rfm_segments and rfm_grid read it (`uses:`).
--
-- Money in the period: sales = gross of the customer's sale orders dated in it; refunds = the
-- refunds on those orders plus the stand-alone refunds and credit notes issued to them in it
-- (customer_refunds); revenue = sales - refunds (net). Profit = revenue - cost, NULL when any sale
-- line of theirs in the period has no cost (an unknown cost is not a zero cost).
--
-- Scores. A score is 1 + floor(5 * worse / n): `worse` is the number of customers in scope with a
-- strictly worse value (more days since their last order; fewer orders; less net revenue), n the
-- customers in scope. With no ties this is ntile(5) over the customers sorted worst first (n = 10
-- gives 1,1,2,2,3,3,4,4,5,5). Ties: equal values always get equal scores, the score of the tie
-- group's first (worst) place -- so when 70% of customers have one order they all score F = 1 and
-- the customers with two orders start at 1 + floor(5 * 0.7) = 4. (ntile over row order would split
-- a tie across two scores by an arbitrary order.)
--
-- FM = round half up of (F + M) / 2. The segment of each (R, FM) pair is in rfm_segment_map.
with bought as (
  select customer_id,
         min(first_at) as first_order,
         max(order_date) as last_order,
         count(*) as orders,
         sum(revenue) as sales,
         sum(refund) as order_refunds,
         sum(cost) as cost,
         sum(lines_without_cost) as lines_without_cost
  from customer_orders
  where order_date >= getvariable('period_start')
    and order_date < getvariable('period_end') + interval 1 day
  group by all
),
given_back as (
  select customer_id, sum(refund) as refund
  from customer_refunds
  where day >= getvariable('period_start')
    and day <= getvariable('period_end')
  group by all
),
money as (
  select b.customer_id,
         b.first_order,
         b.last_order,
         b.orders,
         b.sales,
         b.order_refunds + coalesce(g.refund, 0) as refunds,
         b.sales - b.order_refunds - coalesce(g.refund, 0) as revenue,
         case when b.lines_without_cost = 0 then b.sales - b.order_refunds - coalesce(g.refund, 0) - b.cost end as profit,
         date_diff('day', b.last_order::date, getvariable('period_end')) as recency_days
  from bought b
  left join given_back g using (customer_id)
),
scored as (
  select *,
         1 + (5 * (rank() over (order by recency_days desc) - 1)) // count(*) over () as r,
         1 + (5 * (rank() over (order by orders) - 1)) // count(*) over () as f,
         1 + (5 * (rank() over (order by revenue) - 1)) // count(*) over () as m
  from money
),
banded as (
  select *, (f + m + 1) // 2 as fm
  from scored
)
select customer_id::varchar as customer_id,
       first_order::timestamp as first_order,
       last_order::timestamp as last_order,
       orders::integer as orders,
       sales::double as sales,
       refunds::double as refunds,
       revenue::double as revenue,
       profit::double as profit,
       recency_days::integer as recency_days,
       orders::integer as frequency,
       revenue::double as monetary,
       r::integer as r,
       f::integer as f,
       m::integer as m,
       fm::integer as fm,
       s.rfm_segment::varchar as rfm_segment
from banded b
join rfm_segment_map s using (r, fm)
