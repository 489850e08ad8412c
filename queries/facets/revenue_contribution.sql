-- id: revenue_contribution
-- version: 1
-- title: Revenue contribution
-- needs: orders(customer_id, order_date, revenue, refund, status)
-- view: table
-- show: customer_id text | Customer
-- show: value category | Revenue contribution
-- columns: customer_id varchar, value varchar
-- Customers with a sale in the date range, ranked by their net revenue in it (sales less refunds
-- and credit notes of the range) among all the store's customers, whatever the other facets: the
-- first 20% of them are top_20, the next 30% next_30, the rest bottom_50.

-- A facet (read by the scope layer over every customer, never a notebook cell). The ranking is
-- the store's, not the other facets' customers': "top 20%" with country FR is the French among
-- the store's best fifth. Ties in revenue are broken by customer id, so the shares are exact:
-- the first ceil(20% of n) customers are top_20, up to ceil(50% of n) next_30.
with net as (
  select customer_id,
         sum(revenue - coalesce(refund, 0)) as revenue
  from orders
  where customer_id is not null
    and (revenue > 0 or refund > 0)
    and coalesce(status, '') <> 'cancelled'
    and order_date >= getvariable('period_start')
    and order_date < getvariable('period_end') + interval 1 day
  group by all
  having bool_or(revenue > 0)
),
ranked as (
  select customer_id,
         row_number() over (order by revenue desc, customer_id) as position,
         count(*) over () as customers
  from net
)
select customer_id::varchar as customer_id,
       case
         when position <= ceil(0.2 * customers) then 'top_20'
         when position <= ceil(0.5 * customers) then 'next_30'
         else 'bottom_50'
       end::varchar as value
from ranked
