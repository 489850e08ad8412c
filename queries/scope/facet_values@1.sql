-- id: facet_values
-- version: 1
-- title: Facet values
-- needs: facet_pairs(facet, customer_id, value); facet_choice(facet, value); orders(customer_id, order_date, revenue, refund, status)
-- view: table
-- param: max_values integer = 50 | Values listed per facet, heaviest first
-- input: max_values 1..1000 values
-- show: facet text | Facet
-- show: value text | Value
-- show: customers integer | Customers
-- show: revenue currency | Net revenue
-- show: listed integer | Values
-- columns: facet varchar, value varchar, customers integer, revenue double, listed integer
-- Each facet's values with the customers who have them and those customers' net revenue in the
-- date range, heaviest first. A facet's counts are those it would have if it were off: choosing
-- one country still shows how many customers the other countries hold under the other facets.

-- Read by the scope layer (src/lib/customerScope.ts) with `facet_pairs` every facet module's
-- (facet, customer_id, value) rows over all customers, `facet_choice` the values chosen, and
-- `orders` every customer's order lines (the kept currency only). A segment used as a filter
-- is the facet '__segment' (value 'in'): always on, never listed. A customer counts under a value
-- of facet f when they meet every chosen facet except f; "customers" counts them whether or not
-- they bought in the range, "revenue" is their sales less refunds and credit notes dated in it.
with chosen as (
  select distinct facet, value
  from facet_choice
),
active as (
  select list(distinct facet) as facets
  from chosen
),
hits as (
  select p.customer_id,
         list(distinct p.facet) as facets
  from facet_pairs p
  join chosen c on c.facet = p.facet and c.value = p.value
  group by all
),
-- Each facet module lists a customer's value once, so no pair repeats.
kept as (
  select p.facet, p.value, p.customer_id
  from facet_pairs p
  left join hits h on h.customer_id = p.customer_id
  cross join active a
  where p.facet <> '__segment'
    and coalesce(len(h.facets), 0) - coalesce(list_contains(h.facets, p.facet), false)::integer
      = coalesce(len(a.facets), 0) - coalesce(list_contains(a.facets, p.facet), false)::integer
),
net as (
  select customer_id,
         sum(revenue - coalesce(refund, 0)) as revenue
  from orders
  where customer_id is not null
    and (revenue > 0 or refund > 0)
    and coalesce(status, '') <> 'cancelled'
    and order_date >= getvariable('period_start')
    and order_date < getvariable('period_end') + interval 1 day
  group by all
),
weighed as (
  select k.facet,
         k.value,
         count(*) as customers,
         coalesce(sum(n.revenue), 0) as revenue
  from kept k
  left join net n on n.customer_id = k.customer_id
  group by all
),
ranked as (
  select *,
         row_number() over (partition by facet order by customers desc, revenue desc, value) as position,
         count(*) over (partition by facet) as listed
  from weighed
)
select facet::varchar as facet,
       value::varchar as value,
       customers::integer as customers,
       revenue::double as revenue,
       listed::integer as listed
from ranked
where position <= getvariable('max_values')
order by facet, position
