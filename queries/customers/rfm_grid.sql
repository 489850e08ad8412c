-- id: rfm_grid
-- version: 1
-- title: RFM segment map
-- needs: customer_orders(customer_id, order_date, revenue, refund, cost, lines_without_cost, first_at); customer_refunds(customer_id, day, refund)
-- uses: customer_rfm@1, rfm_segment_map@1
-- view: heatmap(r, fm, customers)
-- show: r integer | Recency score
-- show: fm integer | Frequency and monetary score
-- show: rfm_segment category | RFM segment
-- show: customers integer | Customers
-- show: customer_share percent | Share of customers
-- show: revenue currency | Net revenue
-- show: revenue_share percent | Share of revenue
-- columns: r integer, fm integer, rfm_segment varchar, customers integer, customer_share double, revenue double, revenue_share double
-- The segment map: every cell of recency score by frequency-and-monetary score (1 to 5 each), its
-- segment, and the customers with a sale in the period who fall in it, with their net revenue.

-- All 25 cells, empty ones with 0 customers, so a grid always draws whole. Scores:
-- queries/customers/customer_rfm.sql; segments: rfm_segment_map. Shares are of all customers with
-- a sale in the period.
with cells as (
  select r, fm, count(*) as customers, sum(revenue) as revenue
  from customer_rfm
  group by all
)
select g.r::integer as r,
       g.fm::integer as fm,
       g.rfm_segment::varchar as rfm_segment,
       coalesce(c.customers, 0)::integer as customers,
       coalesce(c.customers / sum(c.customers) over (), 0)::double as customer_share,
       coalesce(c.revenue, 0)::double as revenue,
       coalesce(c.revenue / nullif(sum(c.revenue) over (), 0), 0)::double as revenue_share
from rfm_segment_map g
left join cells c on c.r = g.r and c.fm = g.fm
order by g.fm desc, g.r
