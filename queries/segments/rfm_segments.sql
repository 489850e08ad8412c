-- id: rfm_segments
-- version: 1
-- title: RFM segments
-- needs: customer_orders(customer_id, order_date, revenue, refund, cost, lines_without_cost, first_at); customer_refunds(customer_id, day, refund)
-- uses: customer_rfm@1, rfm_segment_map@1
-- view: hbar(segment, customers)
-- headline: champions_revenue_share percent
-- better: higher
-- show: segment text | Segment
-- show: customers integer | Customers
-- show: customer_share percent | Share of customers
-- show: revenue currency | Net revenue
-- show: revenue_share percent | Share of revenue
-- show: avg_recency_days number | Days since last order (average)
-- show: avg_frequency number | Orders (average)
-- show: avg_monetary currency | Net revenue per customer
-- show: champions_revenue_share percent | Revenue from Champions
-- columns: segment varchar, customers integer, customer_share double, revenue double, revenue_share double, avg_recency_days double, avg_frequency double, avg_monetary double, champions_revenue_share double
-- The customers with a sale in the period by RFM segment: recency, frequency and net revenue in the
-- period scored in fifths of the customers in scope, then named (Champions, Loyal, At risk, ...).
-- The headline is the share of the period's net revenue that came from Champions, the recent,
-- frequent, high-spending customers: higher means revenue rests on engaged customers.

-- Scores and segment rules: queries/customers/customer_rfm.sql. Segments are listed in the map's
-- order, best first, and only when they hold a customer; the total row (segment NULL) carries the
-- headline. Shares of revenue are of the net revenue of all customers with a sale in the period.
with segments as (
  select rfm_segment as segment,
         count(*) as customers,
         sum(revenue) as revenue,
         avg(recency_days) as avg_recency_days,
         avg(frequency) as avg_frequency,
         avg(monetary) as avg_monetary
  from customer_rfm
  group by grouping sets ((rfm_segment), ())
)
select segment::varchar as segment,
       customers::integer as customers,
       (customers / max(customers) filter (where segment is null) over ())::double as customer_share,
       revenue::double as revenue,
       (revenue / nullif(max(revenue) filter (where segment is null) over (), 0))::double as revenue_share,
       avg_recency_days::double as avg_recency_days,
       avg_frequency::double as avg_frequency,
       avg_monetary::double as avg_monetary,
       case when segment is null then
         coalesce(max(revenue) filter (where segment = 'Champions') over (), 0) / nullif(revenue, 0)
       end::double as champions_revenue_share
from segments
left join (select rfm_segment as segment, min(segment_order) as segment_order from rfm_segment_map group by all) o using (segment)
order by o.segment_order nulls first
